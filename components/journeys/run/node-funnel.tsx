"use client";
import type { TJourneyGraph } from "@/server/journeys/graph/model";
import type { TNodeStats } from "@/server/journeys/journey-stats";
import { stepTitle } from "../node-catalog";

/** A bar per step (in canvas order, top to bottom): how many entered, how many are waiting there now. */
export function NodeFunnel({ graph, nodes, selected, onSelect }: { graph: TJourneyGraph; nodes: Record<string, TNodeStats>; selected: string | null; onSelect: (id: string) => void }) {
  const ordered = [...graph.nodes].filter((x) => x.type !== "exit").sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
  const max = Math.max(1, ...ordered.map((x) => nodes[x.id]?.entered ?? 0));
  return (
    <ul className="space-y-1.5" data-testid="node-funnel">
      {ordered.map((node) => {
        const s = nodes[node.id] ?? { entered: 0, waiting: 0, exited: 0 };
        return (
          <li key={node.id}>
            <button type="button" onClick={() => onSelect(node.id)} className={`w-full rounded-md px-2 py-1.5 text-left hover:bg-zinc-50 ${selected === node.id ? "bg-brand-50 ring-1 ring-brand-200" : ""}`} data-testid={`funnel-${node.id}`}>
              <div className="flex justify-between text-xs">
                <span className="truncate font-medium text-zinc-800">{stepTitle(node)}</span>
                <span className="shrink-0 tabular-nums text-zinc-600">{s.entered.toLocaleString("en-US")}{s.waiting ? ` · ${s.waiting} waiting` : ""}</span>
              </div>
              <svg className="mt-1 h-2 w-full" viewBox="0 0 100 2" preserveAspectRatio="none" aria-hidden>
                <rect width="100" height="2" rx="1" className="fill-zinc-100" />
                <rect width={(100 * s.entered) / max} height="2" rx="1" className="fill-brand-500" />
                <rect width={(100 * s.waiting) / max} height="2" rx="1" className="fill-amber-400" />
              </svg>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
