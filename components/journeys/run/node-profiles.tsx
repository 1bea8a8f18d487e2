"use client";
import { useQuery } from "@tanstack/react-query";
import { Badge, Spinner } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";

/** The profiles that reached a node (those waiting there first); picking one shows its path. */
export function NodeProfiles({ journeyId, nodeId, test, selectedRun, onPick }: { journeyId: string; nodeId: string; test: boolean; selectedRun: string | null; onPick: (enrollmentId: string) => void }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const rows = useQuery({ ...trpc.journeys.nodeProfiles.queryOptions({ workspaceId: ws.id, journeyId, nodeId, test }), refetchInterval: 5000 });
  if (rows.isLoading) return <Spinner />;
  if (!rows.data?.length) return <p className="text-sm text-zinc-500">Nobody has reached this step yet.</p>;
  return (
    <ul className="divide-y divide-zinc-100 text-sm" data-testid="node-profiles">
      {rows.data.map((r) => (
        <li key={r.enrollmentId}>
          <button type="button" onClick={() => onPick(r.enrollmentId)} className={`flex w-full items-center justify-between gap-2 px-1 py-1.5 text-left hover:bg-zinc-50 ${selectedRun === r.enrollmentId ? "bg-brand-50" : ""}`}>
            <span className="min-w-0 truncate">{r.label}</span>
            <span className="flex shrink-0 items-center gap-1.5 text-xs text-zinc-500">
              {r.waiting ? <Badge tone="amber">waiting</Badge> : r.outcome}
              <span>{formatRelative(r.enteredAt)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
