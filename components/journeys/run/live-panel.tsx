"use client";
import { useQuery } from "@tanstack/react-query";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import type { TJourneyGraph } from "@/server/journeys/graph/model";
import type { journeyStats } from "@/server/journeys/journey-stats";
import { stepTitle } from "../node-catalog";
import { NodeFunnel } from "./node-funnel";
import { NodeProfiles } from "./node-profiles";
import { RunTrace } from "./run-trace";
import { TimeTravel } from "./time-travel";

type TStats = Awaited<ReturnType<typeof journeyStats>>;

const TOTALS = [
  ["entered", "Entered"],
  ["active", "In the journey"],
  ["completed", "Completed"],
  ["exited", "Left early"],
] as const;

/** The live numbers: totals, a bar per step, the profiles of a step, and one profile's path. */
export function LivePanel({ journeyId, graph, stats, test, nodeId, onSelectNode, selectedRun, onSelectRun }: { journeyId: string; graph: TJourneyGraph; stats: TStats | undefined; test: boolean; nodeId: string | null; onSelectNode: (id: string) => void; selectedRun: string | null; onSelectRun: (id: string | null, path: string[]) => void }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const trace = useQuery({ ...trpc.journeys.trace.queryOptions({ workspaceId: ws.id, enrollmentId: selectedRun ?? "00000000-0000-0000-0000-000000000000" }), enabled: Boolean(selectedRun), refetchInterval: 3000 });
  const node = graph.nodes.find((n) => n.id === nodeId);
  return (
    <div className="space-y-5">
      <TimeTravel />
      <dl className="grid grid-cols-2 gap-2" data-testid="live-totals">
        {TOTALS.map(([key, label]) => (
          <div key={key} className="rounded-lg border border-zinc-200 px-3 py-2">
            <dt className="text-xs text-zinc-500">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums text-zinc-900" data-testid={`total-${key}`}>{(stats?.totals[key] ?? 0).toLocaleString("en-US")}</dd>
          </div>
        ))}
      </dl>
      <section className="space-y-2">
        <h3 className="text-sm font-semibold text-zinc-900">Steps</h3>
        <NodeFunnel graph={graph} nodes={stats?.nodes ?? {}} selected={nodeId} onSelect={onSelectNode} />
      </section>
      {node && (
        <section className="space-y-2">
          <h3 className="text-sm font-semibold text-zinc-900">Profiles at “{stepTitle(node)}”</h3>
          <NodeProfiles journeyId={journeyId} nodeId={node.id} test={test} selectedRun={selectedRun} onPick={(id) => onSelectRun(id, [])} />
        </section>
      )}
      {selectedRun && trace.data && (
        <section className="space-y-2">
          <h3 className="text-sm font-semibold text-zinc-900">Path · {trace.data.status}{trace.data.exitReason ? ` (${trace.data.exitReason})` : ""} · v{trace.data.versionNumber}</h3>
          <RunTrace graph={graph} steps={trace.data.steps} />
        </section>
      )}
    </div>
  );
}
