import type { TJourneyNode } from "@/server/journeys/graph/model";

/** The message steps a run has finished, in the order it got them; `except` is left out. */
export function passedMessages(steps: { nodeId: string; finishedAt: unknown }[], nodes: TJourneyNode[], except?: string): TJourneyNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: TJourneyNode[] = [];
  for (const s of steps) {
    const n = byId.get(s.nodeId);
    if (s.finishedAt && n?.type === "message" && n.id !== except && !out.includes(n)) out.push(n);
  }
  return out;
}
