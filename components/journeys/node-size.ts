import { outputsOf, type TJourneyNode } from "@/server/journeys/graph/model";

// The size the canvas draws a node at: layout, placement and the node component agree on it.

export const NODE_WIDTH = 248;
export const NODE_HEIGHT = 92;
const PER_OUTPUT = 104;

/** Wider for nodes with many labelled outputs, so each label has room. */
export function nodeWidth(node: Pick<TJourneyNode, "type" | "data">): number {
  return Math.max(NODE_WIDTH, outputsOf(node).length * PER_OUTPUT);
}
