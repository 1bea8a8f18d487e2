"use client";
import { formatDateTime } from "@/lib/format";
import type { TJourneyGraph } from "@/server/journeys/graph/model";
import { stepTitle } from "../node-catalog";

export type TTraceStep = { nodeId: string; enteredAt: Date | string; finishedAt: Date | string | null; outcome: string | null };

const nameOf = (graph: TJourneyGraph, id: string) => {
  const n = graph.nodes.find((x) => x.id === id);
  return n ? stepTitle(n) : id;
};

/** A run's steps in order: each step, when it was reached, and how it came out. */
export function RunTrace({ graph, steps }: { graph: TJourneyGraph; steps: TTraceStep[] }) {
  return (
    <ol className="relative space-y-2 border-l border-zinc-200 pl-4" data-testid="run-trace">
      {steps.map((s) => (
        <li key={s.nodeId} className="text-xs">
          <span className={`absolute -left-[5px] mt-1 size-2.5 rounded-full ${s.finishedAt ? "bg-brand-500" : "animate-pulse bg-amber-500"}`} />
          <div className="flex justify-between gap-2">
            <span className="font-medium text-zinc-800">{nameOf(graph, s.nodeId)}</span>
            <span className="shrink-0 text-zinc-500">{formatDateTime(s.enteredAt)}</span>
          </div>
          <div className="text-zinc-600">{s.finishedAt ? s.outcome ?? "done" : s.outcome ? `${s.outcome} · waiting` : "waiting here"}</div>
        </li>
      ))}
    </ol>
  );
}
