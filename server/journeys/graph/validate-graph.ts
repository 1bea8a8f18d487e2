import { isEntry, NODE_DATA } from "./nodes";
import { outputsOf, type TJourneyGraph, type TJourneyNode } from "./model";

export interface TGraphError {
  /** The node the error is on (highlighted on the canvas), or null for the whole journey. */
  nodeId: string | null;
  /** The node field that is wrong, e.g. "content" or "branches.1.label". */
  field?: string;
  message: string;
}

/** How errors name a step: its label, else its type ("wait event"). */
export const stepLabel = (n: Pick<TJourneyNode, "label" | "type">) => n.label || n.type.replace("_", " ");

/** Which nodes each node can reach, following edges forward. */
function reachableFrom(graph: TJourneyGraph, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of graph.edges) if (e.source === id) stack.push(e.target);
  }
  return seen;
}

function hasCycle(graph: TJourneyGraph): string | null {
  const state = new Map<string, "open" | "done">();
  const visit = (id: string): string | null => {
    if (state.get(id) === "open") return id;
    if (state.get(id) === "done") return null;
    state.set(id, "open");
    for (const e of graph.edges) if (e.source === id) {
      const found = visit(e.target);
      if (found) return found;
    }
    state.set(id, "done");
    return null;
  };
  for (const n of graph.nodes) {
    const found = visit(n.id);
    if (found) return found;
  }
  return null;
}

/** Messages the node refers to (reactions, message-behaviour branches). */
function referencedMessages(node: TJourneyNode): { field: string; id: string }[] {
  const data = node.data as { messageNodeId?: unknown; branches?: { condition?: { type?: string; messageNodeId?: unknown } }[] };
  if (node.type === "reaction" && typeof data.messageNodeId === "string") return [{ field: "messageNodeId", id: data.messageNodeId }];
  if (node.type !== "condition") return [];
  return (data.branches ?? []).flatMap((b, i) =>
    b?.condition?.type === "message" && typeof b.condition.messageNodeId === "string" ? [{ field: `branches.${i}.condition.messageNodeId`, id: b.condition.messageNodeId }] : [],
  );
}

/**
 * Everything that stops a journey from being tested or published: exactly one entry, each
 * node's required fields, every output connected (so every path ends at an exit), reactions
 * and message branches pointing at an earlier message, no unreachable node, no cycle.
 */
export function validateGraph(graph: TJourneyGraph): TGraphError[] {
  const errors: TGraphError[] = [];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const entries = graph.nodes.filter((n) => isEntry(n.type));
  if (entries.length === 0) errors.push({ nodeId: null, message: "Add an entry: an audience or a business event" });
  for (const extra of entries.slice(1)) errors.push({ nodeId: extra.id, message: "A journey has one entry; remove this one" });

  for (const node of graph.nodes) {
    const parsed = NODE_DATA[node.type].safeParse(node.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ nodeId: node.id, field: issue.path.join(".") || undefined, message: `${stepLabel(node)}: ${issue.message}` });
    }
    const outputs = outputsOf(node);
    for (const out of outputs) {
      const edges = graph.edges.filter((e) => e.source === node.id && e.sourceHandle === out.id);
      if (edges.length === 0) errors.push({ nodeId: node.id, field: `output.${out.id}`, message: outputs.length > 1 ? `${stepLabel(node)}: connect the "${out.label}" path` : `${stepLabel(node)}: connect it to a next step (end with an Exit)` });
      if (edges.length > 1) errors.push({ nodeId: node.id, field: `output.${out.id}`, message: `${stepLabel(node)}: the "${out.label}" path goes to more than one step` });
    }
    if (isEntry(node.type) && graph.edges.some((e) => e.target === node.id)) errors.push({ nodeId: node.id, message: "Nothing can lead into an entry" });
  }
  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    if (!source || !byId.has(edge.target)) errors.push({ nodeId: source?.id ?? null, message: "A connection points at a step that no longer exists" });
    else if (!outputsOf(source).some((o) => o.id === edge.sourceHandle)) errors.push({ nodeId: source.id, message: `${stepLabel(source)}: a connection leaves from a path it does not have` });
  }

  const cycleAt = hasCycle(graph);
  if (cycleAt) errors.push({ nodeId: cycleAt, message: `${stepLabel(byId.get(cycleAt)!)}: this step loops back on itself; journeys cannot have cycles` });

  const entry = entries[0];
  if (entry) {
    const reachable = reachableFrom(graph, entry.id);
    for (const node of graph.nodes) {
      if (!reachable.has(node.id) && !isEntry(node.type)) errors.push({ nodeId: node.id, message: `${stepLabel(node)}: no path from the entry reaches this step` });
    }
  }
  for (const node of graph.nodes) {
    for (const ref of referencedMessages(node)) {
      const target = byId.get(ref.id);
      if (!target || target.type !== "message") errors.push({ nodeId: node.id, field: ref.field, message: `${stepLabel(node)}: choose a message step` });
      else if (!cycleAt && !reachableFrom(graph, target.id).has(node.id)) errors.push({ nodeId: node.id, field: ref.field, message: `${stepLabel(node)}: "${stepLabel(target)}" does not come before this step` });
    }
  }
  return errors;
}
