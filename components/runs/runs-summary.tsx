"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";

const STATUSES = [
  { key: "running", label: "Running", color: "bg-sky-500" },
  { key: "completed", label: "Completed", color: "bg-emerald-500" },
  { key: "failed", label: "Failed", color: "bg-red-500" },
  { key: "cancelled", label: "Cancelled", color: "bg-zinc-400" },
] as const;

/** Runs by status: four numbers (capped, "10,000+") and one proportional bar. */
export function RunsSummary() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const stats = useQuery({ ...trpc.runs.stats.queryOptions({ workspaceId: ws.id }), refetchInterval: 2000 });
  const retention = useQuery(trpc.runs.retention.queryOptions({ workspaceId: ws.id }));
  const counts = Object.fromEntries((stats.data?.counts ?? []).map((c) => [c.status, c]));
  const all = (stats.data?.counts ?? []).reduce((a, c) => a + c.n, 0);
  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm">
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {STATUSES.map((s) => (
          <div key={s.key} data-testid={`runs-${s.key}`}>
            <div className="flex items-center gap-2 text-sm text-zinc-500"><span className={`size-2 rounded-full ${s.color}`} />{s.label}</div>
            <div className="mt-1 text-2xl font-semibold tabular-nums">
              {(counts[s.key]?.n ?? 0).toLocaleString()}
              {counts[s.key]?.more && <span title={`Counted up to ${stats.data?.cap.toLocaleString()}`}>+</span>}
            </div>
          </div>
        ))}
      </div>
      <div className="mt-4 flex h-2 overflow-hidden rounded-full bg-zinc-100" role="img" aria-label="Runs by status">
        {all > 0 && STATUSES.map((s) => <span key={s.key} className={s.color} style={{ width: `${((counts[s.key]?.n ?? 0) / all) * 100}%` }} />)}
      </div>
      {retention.data && <p className="mt-3 text-xs text-zinc-500" data-testid="runs-retention">Finished runs are kept {retention.data.days} days (<Link href={`/${ws.slug}/settings`} className="text-brand-700 hover:underline">settings</Link>).</p>}
    </div>
  );
}
