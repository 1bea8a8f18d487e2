"use client";
import { useQuery } from "@tanstack/react-query";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";

const STATUSES = [
  { key: "running", label: "Running", color: "bg-sky-500" },
  { key: "completed", label: "Completed", color: "bg-emerald-500" },
  { key: "failed", label: "Failed", color: "bg-red-500" },
  { key: "cancelled", label: "Cancelled", color: "bg-zinc-400" },
] as const;

/** Runs by status: four numbers and one proportional bar. */
export function RunsSummary() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const stats = useQuery({ ...trpc.runs.stats.queryOptions({ workspaceId: ws.id }), refetchInterval: 2000 });
  const totals = Object.fromEntries(STATUSES.map((s) => [s.key, (stats.data ?? []).filter((r) => r.status === s.key).reduce((n, r) => n + r.n, 0)]));
  const all = Object.values(totals).reduce((a, b) => a + b, 0);
  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm">
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {STATUSES.map((s) => (
          <div key={s.key} data-testid={`runs-${s.key}`}>
            <div className="flex items-center gap-2 text-sm text-zinc-500"><span className={`size-2 rounded-full ${s.color}`} />{s.label}</div>
            <div className="mt-1 text-2xl font-semibold tabular-nums">{(totals[s.key] ?? 0).toLocaleString()}</div>
          </div>
        ))}
      </div>
      <div className="mt-4 flex h-2 overflow-hidden rounded-full bg-zinc-100" role="img" aria-label="Runs by status">
        {all > 0 && STATUSES.map((s) => <span key={s.key} className={s.color} style={{ width: `${((totals[s.key] ?? 0) / all) * 100}%` }} />)}
      </div>
    </div>
  );
}
