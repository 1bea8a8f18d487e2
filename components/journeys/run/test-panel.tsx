"use client";
import { useQuery } from "@tanstack/react-query";
import { FlaskConical } from "lucide-react";
import { useEffect } from "react";
import { Badge } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/lib/trpc/client";
import type { TJourneyGraph } from "@/server/journeys/graph/model";
import { stepTitle } from "../node-catalog";
import { RunTrace } from "./run-trace";
import { TestProfileSender } from "./test-profile-sender";
import { TestRunControls } from "./test-run-controls";
import { TimeTravel } from "./time-travel";

const STATUS_TONE = { active: "blue", completed: "green", exited: "gray", stopped: "gray", failed: "red" } as const;

export interface TTestPanelProps {
  journeyId: string;
  graph: TJourneyGraph;
  testMode: boolean;
  selectedRun: string | null;
  onSelectRun: (enrollmentId: string | null, path: string[]) => void;
}

/** Test mode: send test profiles in, drive their waits and reactions, and follow each one's path. */
export function TestPanel({ journeyId, graph, testMode, selectedRun, onSelectRun }: TTestPanelProps) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const runs = useQuery({ ...trpc.journeys.testRuns.queryOptions({ workspaceId: ws.id, journeyId }), refetchInterval: testMode ? 1500 : false });
  const list = runs.data ?? [];
  const selected = list.find((r) => r.enrollmentId === selectedRun) ?? null;
  const pathKey = selected?.steps.map((s) => s.nodeId).join(",") ?? "";
  useEffect(() => {
    if (selected) onSelectRun(selected.enrollmentId, pathKey ? pathKey.split(",") : []);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow the path as it grows
  }, [pathKey]);
  if (!testMode && list.length === 0)
    return (
      <div className="space-y-2 text-sm text-zinc-600">
        <p className="flex items-center gap-2 font-medium text-zinc-900"><FlaskConical className="size-4 text-sky-600" /> Try the journey before it goes live</p>
        <p>Turn on <b>Test mode</b> in the toolbar: test profiles go through the draft, you fire their opens, clicks and events, skip waits, and watch their path on the canvas. Test messages go to the dev inbox or the test profile&apos;s own address and never count in reports.</p>
      </div>
    );
  const eventEntry = graph.nodes.find((n) => n.type === "entry_event");
  const entryDefinitionId = typeof eventEntry?.data.definitionId === "string" ? eventEntry.data.definitionId : null;
  return (
    <div className="space-y-5">
      <TimeTravel />
      {testMode && (
        <section className="space-y-2">
          <h3 className="text-sm font-semibold text-zinc-900">Send test profiles</h3>
          <TestProfileSender journeyId={journeyId} entryDefinitionId={entryDefinitionId} onSent={() => void runs.refetch()} />
        </section>
      )}
      <section className="space-y-2">
        <h3 className="text-sm font-semibold text-zinc-900">Test runs</h3>
        {list.length === 0 && <p className="text-sm text-zinc-500">No test runs yet.</p>}
        <ul className="space-y-2" data-testid="test-runs">
          {list.map((r) => {
            const at = graph.nodes.find((n) => n.id === r.currentNodeId);
            const open = r.enrollmentId === selectedRun;
            return (
              <li key={r.enrollmentId} className={cn("rounded-lg border p-2.5", open ? "border-brand-300 bg-brand-50/40" : "border-zinc-200")} data-testid="test-run">
                <button type="button" className="flex w-full items-center justify-between gap-2 text-left text-sm" onClick={() => onSelectRun(open ? null : r.enrollmentId, open ? [] : r.steps.map((s) => s.nodeId))}>
                  <span className="min-w-0 truncate font-medium">{r.label}</span>
                  <span className="flex shrink-0 items-center gap-1.5">
                    {r.status === "active" && at && <span className="text-xs text-zinc-500" data-testid="test-run-at">at {stepTitle(at)}</span>}
                    <Badge tone={STATUS_TONE[r.status as keyof typeof STATUS_TONE] ?? "gray"}>{r.status}</Badge>
                  </span>
                </button>
                {open && (
                  <div className="mt-3 space-y-3">
                    {r.status === "active" && at && ["wait", "reaction", "wait_event"].includes(at.type) && <TestRunControls enrollmentId={r.enrollmentId} node={at} onDone={() => void runs.refetch()} />}
                    <RunTrace graph={graph} steps={r.steps} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
