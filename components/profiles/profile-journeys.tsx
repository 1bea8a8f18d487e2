"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Badge, Card, CardHeader, Spinner } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { stepTitle } from "@/components/journeys/node-catalog";

const TONE = { active: "blue", completed: "green", exited: "gray", stopped: "gray", failed: "red" } as const;

/** The journeys this profile went through, each with its path step by step. */
export function ProfileJourneys({ profileId }: { profileId: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const runs = useQuery(trpc.journeys.forProfile.queryOptions({ workspaceId: ws.id, profileId }));
  return (
    <Card>
      <CardHeader title="Journeys" description="Where this profile has been, step by step." />
      <div className="border-t border-zinc-100 px-5 py-3" data-testid="profile-journeys">
        {runs.isLoading && <Spinner />}
        {runs.data?.length === 0 && <p className="text-sm text-zinc-500">Not in any journey yet.</p>}
        <ul className="space-y-4">
          {runs.data?.map((r) => (
            <li key={r.id} className="space-y-1.5">
              <div className="flex items-center justify-between gap-2 text-sm">
                <Link href={`/${ws.slug}/journeys/${r.journeyId}`} className="truncate font-medium text-brand-700 hover:underline">{r.journeyName}</Link>
                <span className="flex shrink-0 items-center gap-1.5">
                  <span className="text-xs text-zinc-500">v{r.versionNumber || "test"} · {formatDateTime(r.enteredAt)}</span>
                  {r.isTest && <Badge tone="amber">test</Badge>}
                  <Badge tone={TONE[r.status as keyof typeof TONE] ?? "gray"}>{r.status}</Badge>
                </span>
              </div>
              <ol className="flex flex-wrap items-center gap-1 text-xs text-zinc-600">
                {r.steps.map((s, i) => (
                  <li key={s.nodeId} className="flex items-center gap-1">
                    {i > 0 && <span className="text-zinc-300">→</span>}
                    <span className={s.finishedAt ? "" : "font-semibold text-amber-700"} title={`${formatDateTime(s.enteredAt)}${s.outcome ? ` · ${s.outcome}` : ""}`}>
                      {s.type ? stepTitle({ label: s.label ?? undefined, type: s.type }) : s.nodeId}{s.outcome && s.outcome !== "entered" ? ` (${s.outcome})` : ""}
                    </span>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}
