import { outputsOf, type TJourneyGraph, type TJourneyNode } from "@/server/journeys/graph/model";
import { isEntry, type TNodeType } from "@/server/journeys/graph/nodes";
import { addNode, connect, firstFreeOutput, nearestMessageBefore, newNodeId, updateNode } from "./graph-edit";
import { NODE_HEIGHT, NODE_WIDTH } from "./node-size";

// Where a new node goes. Dropped from the palette: where it was dropped. Clicked in the
// palette: below the selected node, wired from its first free output, so a journey can be
// built top to bottom with clicks alone.

const STEP_Y = NODE_HEIGHT + 88;
const STEP_X = NODE_WIDTH + 48;

const overlaps = (graph: TJourneyGraph, p: { x: number; y: number }) =>
  graph.nodes.some((n) => Math.abs(n.position.x - p.x) < NODE_WIDTH + 16 && Math.abs(n.position.y - p.y) < NODE_HEIGHT + 24);

function freeSpot(graph: TJourneyGraph, p: { x: number; y: number }) {
  const spot = { ...p };
  for (let i = 0; i < 50 && overlaps(graph, spot); i++) spot.x += STEP_X;
  return spot;
}

export interface TPlaced {
  graph: TJourneyGraph;
  id: string;
}

/** Adds a node of `type`; `at` places it exactly, otherwise below `fromId` (wired) or below everything. */
export function placeNode(graph: TJourneyGraph, input: { type: TNodeType; data: Record<string, unknown>; fromId?: string | null; at?: { x: number; y: number } }): TPlaced {
  const id = newNodeId(graph, input.type);
  const from = input.fromId ? graph.nodes.find((n) => n.id === input.fromId) : undefined;
  const handle = from && !isEntry(input.type) ? firstFreeOutput(graph, from) : null;
  let position: { x: number; y: number };
  if (input.at) position = input.at;
  else if (from && handle) {
    const outputs = outputsOf(from);
    const index = outputs.findIndex((o) => o.id === handle);
    position = freeSpot(graph, { x: from.position.x + (index - (outputs.length - 1) / 2) * STEP_X, y: from.position.y + STEP_Y });
  } else if (graph.nodes.length === 0) position = { x: 0, y: 0 };
  else if (isEntry(input.type)) {
    const top = Math.min(...graph.nodes.map((n) => n.position.y));
    position = freeSpot(graph, { x: graph.nodes[0]!.position.x, y: top - STEP_Y });
  } else {
    const lowest = graph.nodes.reduce((a, b) => (b.position.y > a.position.y ? b : a));
    position = freeSpot(graph, { x: lowest.position.x, y: lowest.position.y + STEP_Y });
  }
  const node: TJourneyNode = { id, type: input.type, position, data: input.data };
  let next = addNode(graph, node);
  if (from && handle && !input.at) next = connect(next, from.id, handle, id);
  if (input.type === "reaction" && !input.data.messageNodeId) {
    const message = nearestMessageBefore(next, id);
    if (message) next = updateNode(next, id, { data: { ...input.data, messageNodeId: message } });
  }
  return { graph: next, id };
}
