import dagre from "@dagrejs/dagre";
import { outputsOf, type TJourneyGraph, type TJourneyNode } from "@/server/journeys/graph/model";
import { NODE_HEIGHT, nodeWidth } from "./node-size";

function depthFirst(graph: TJourneyGraph): TJourneyNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const hasParent = new Set(graph.edges.map((e) => e.target));
  const out: TJourneyNode[] = [];
  const seen = new Set<string>();
  const visit = (node: TJourneyNode) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    out.push(node);
    for (const o of outputsOf(node)) {
      const target = graph.edges.find((e) => e.source === node.id && e.sourceHandle === o.id)?.target;
      const next = target ? byId.get(target) : undefined;
      if (next) visit(next);
    }
  };
  for (const node of graph.nodes) if (!hasParent.has(node.id)) visit(node);
  for (const node of graph.nodes) visit(node);
  return out;
}

/** Top-to-bottom positions for every node (dagre), branches kept in their output order. */
export function autoLayout(graph: TJourneyGraph): TJourneyGraph {
  if (!graph.nodes.length) return graph;
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 48, ranksep: 72, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  // Nodes enter dagre depth-first in output order: its initial ordering keeps branches left to right.
  const ordered = depthFirst(graph);
  for (const node of ordered) g.setNode(node.id, { width: nodeWidth(node), height: NODE_HEIGHT });
  const ids = new Set(graph.nodes.map((n) => n.id));
  const constraints: { left: string; right: string }[] = [];
  for (const node of ordered) {
    const order = outputsOf(node).map((o) => o.id);
    const edges = graph.edges
      .filter((e) => e.source === node.id && ids.has(e.target))
      .sort((a, b) => order.indexOf(a.sourceHandle) - order.indexOf(b.sourceHandle));
    for (const e of edges) g.setEdge(e.source, e.target, {}, e.id);
    for (let i = 1; i < edges.length; i++) constraints.push({ left: edges[i - 1]!.target, right: edges[i]!.target });
  }
  dagre.layout(g, { constraints });
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const p = g.node(node.id);
      return p ? { ...node, position: { x: Math.round(p.x - nodeWidth(node) / 2), y: Math.round(p.y - NODE_HEIGHT / 2) } } : node;
    }),
  };
}
