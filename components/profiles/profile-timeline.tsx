"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Activity } from "lucide-react";
import { Badge, Button, EmptyState, Spinner } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";

const TONES = { track: "brand", page: "blue", screen: "blue", identify: "green", group: "amber" } as const;

/** The profile's events, newest first, 30 at a time. */
export function ProfileTimeline({ workspaceId, profileId }: { workspaceId: string; profileId: string }) {
  const trpc = useTRPC();
  const timeline = useInfiniteQuery(trpc.profiles.timeline.infiniteQueryOptions({ workspaceId, profileId }, { getNextPageParam: (p) => p.nextCursor ?? undefined }));
  const rows = timeline.data?.pages.flatMap((p) => p.events) ?? [];
  if (timeline.isLoading) return <div className="grid place-items-center p-10"><Spinner /></div>;
  if (rows.length === 0) return <div className="p-6"><EmptyState icon={<Activity className="size-6" />} title="No events yet" /></div>;
  return (
    <div>
      <ol className="divide-y divide-zinc-100">
        {rows.map((e) => (
          <li key={e.id} className="px-5 py-3" data-testid="timeline-event">
            <details>
              <summary className="flex cursor-pointer list-none items-center gap-3">
                <Badge tone={TONES[e.type]}>{e.type}</Badge>
                <span className="flex-1 truncate text-sm font-medium">{e.name ?? (e.type === "identify" ? "Traits updated" : "—")}</span>
                <span className="text-xs tabular-nums text-zinc-500">{formatDateTime(e.timestamp)}</span>
              </summary>
              <pre className="mt-2 max-h-60 overflow-auto rounded-lg bg-zinc-50 p-3 font-mono text-xs text-zinc-700">{JSON.stringify(e.properties, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ol>
      {timeline.hasNextPage && (
        <div className="border-t border-zinc-100 p-3 text-center">
          <Button variant="ghost" size="sm" loading={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>Older events</Button>
        </div>
      )}
    </div>
  );
}
