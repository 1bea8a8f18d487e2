import { outputsOf, type TJourneyEdge, type TJourneyGraph, type TJourneyNode } from "@/server/journeys/graph/model";
import { isEntry } from "@/server/journeys/graph/nodes";

// Pure edits of the journey graph, each returning a new graph (the history keeps the old one).

/** "message_3": the type and the smallest number not taken. */
export function newNodeId(graph: TJourneyGraph, type: string): string {
  const taken = new Set(graph.nodes.map((n) => n.id));
  for (let i = 1; ; i++) if (!taken.has(`${type}_${i}`)) return `${type}_${i}`;
}

export const edgeIdOf = (source: string, handle: string) => `${source}.${handle}`;

/** Whether an edge from `source` to `target` may be drawn (no self-loop, nothing into an entry). */
export function canConnect(graph: TJourneyGraph, source: string, target: string): boolean {
  if (source === target) return false;
  const to = graph.nodes.find((n) => n.id === target);
  return Boolean(to && !isEntry(to.type) && graph.nodes.some((n) => n.id === source));
}

/** Connects an output to a node; an output leads to one step, so its old edge is replaced. */
export function connect(graph: TJourneyGraph, source: string, sourceHandle: string, target: string): TJourneyGraph {
  if (!canConnect(graph, source, target)) return graph;
  const edge: TJourneyEdge = { id: edgeIdOf(source, sourceHandle), source, sourceHandle, target };
  return { ...graph, edges: [...graph.edges.filter((e) => !(e.source === source && e.sourceHandle === sourceHandle)), edge] };
}

export function addNode(graph: TJourneyGraph, node: TJourneyNode): TJourneyGraph {
  return { ...graph, nodes: [...graph.nodes, node] };
}

/** Removes nodes (with every edge touching them) and edges. */
export function removeElements(graph: TJourneyGraph, nodeIds: string[], edgeIds: string[] = []): TJourneyGraph {
  if (!nodeIds.length && !edgeIds.length) return graph;
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  return {
    nodes: graph.nodes.filter((n) => !nodes.has(n.id)),
    edges: graph.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
  };
}

/** Changes a node's label or data; edges leaving from outputs the node no longer has are dropped. */
export function updateNode(graph: TJourneyGraph, id: string, patch: { label?: string; data?: Record<string, unknown> }): TJourneyGraph {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) return graph;
  const next: TJourneyNode = { ...node, ...("label" in patch ? { label: patch.label || undefined } : {}), ...(patch.data ? { data: patch.data } : {}) };
  const outputs = new Set(outputsOf(next).map((o) => o.id));
  return {
    nodes: graph.nodes.map((n) => (n.id === id ? next : n)),
    edges: graph.edges.filter((e) => e.source !== id || outputs.has(e.sourceHandle)),
  };
}

export function moveNodes(graph: TJourneyGraph, positions: ReadonlyMap<string, { x: number; y: number }>): TJourneyGraph {
  if (!positions.size) return graph;
  return { ...graph, nodes: graph.nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)) };
}

/** The first output of a node that leads nowhere yet. */
export function firstFreeOutput(graph: TJourneyGraph, node: TJourneyNode): string | null {
  return outputsOf(node).find((o) => !graph.edges.some((e) => e.source === node.id && e.sourceHandle === o.id))?.id ?? null;
}

/** The closest message step before `nodeId` (walking edges backwards), for a new reaction. */
export function nearestMessageBefore(graph: TJourneyGraph, nodeId: string): string | null {
  return messagesBefore(graph, nodeId)[0]?.id ?? null;
}

/** Every message step that comes before `nodeId`, nearest first. */
export function messagesBefore(graph: TJourneyGraph, nodeId: string): TJourneyNode[] {
  const out: TJourneyNode[] = [];
  const seen = new Set<string>([nodeId]);
  let frontier = graph.edges.filter((e) => e.target === nodeId).map((e) => e.source);
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      if (seen.has(id)) continue;
      seen.add(id);
      const node = graph.nodes.find((n) => n.id === id);
      if (node?.type === "message") out.push(node);
      next.push(...graph.edges.filter((e) => e.target === id).map((e) => e.source));
    }
    frontier = next;
  }
  return out;
}
