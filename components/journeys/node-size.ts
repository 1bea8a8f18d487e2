import { outputsOf, type TJourneyNode } from "@/server/journeys/graph/model";

// The size the canvas draws a node at: layout, placement and the node component agree on it.

export const NODE_WIDTH = 248;
export const NODE_HEIGHT = 92;
const PER_OUTPUT = 104;

/** Wider for nodes with many labelled outputs, so each label has room. */
export function nodeWidth(node: Pick<TJourneyNode, "type" | "data">): number {
  return Math.max(NODE_WIDTH, outputsOf(node).length * PER_OUTPUT);
}

/** How "fit" frames the journey: room at the bottom right for the minimap (160 x 110), so it never hides the last steps. */
export const FIT_VIEW = { padding: { top: "48px", left: "48px", right: "48px", bottom: "150px" }, maxZoom: 1 } as const;
