import type { TJourneyGraph, TJourneyNode } from "@/server/journeys/graph/model";
import type { TGraphError } from "@/server/journeys/graph/validate-graph";
import { titleOf, type TNameLookups } from "./node-summary";

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The message without the "<label>: " the validator puts in front (the UI names the step itself). */
export function shortMessage(node: TJourneyNode, message: string): string {
  const prefix = `${node.label || node.type.replace("_", " ")}: `;
  return capitalize(message.startsWith(prefix) ? message.slice(prefix.length) : message);
}

/** A node's validation errors: by field (for its form), and those on no field (for the panel). */
export function errorsOfNode(node: TJourneyNode, errors: TGraphError[]): { byField: Record<string, string>; general: string[] } {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const e of errors) {
    if (e.nodeId !== node.id) continue;
    if (e.field && !e.field.startsWith("output.")) byField[e.field] ??= shortMessage(node, e.message);
    else general.push(shortMessage(node, e.message));
  }
  return { byField, general };
}

/** Which part of the node a field is ("Gold" for branches.0..., "Filter 2", "Timeout"). */
function partOf(node: TJourneyNode, field: string | undefined): string | undefined {
  const branch = field?.match(/^branches\.(\d+)/);
  if (branch) {
    const b = (node.data.branches as { label?: unknown }[] | undefined)?.[Number(branch[1])];
    return typeof b?.label === "string" && b.label ? b.label : `Branch ${Number(branch[1]) + 1}`;
  }
  const where = field?.match(/^where\.(\d+)/);
  if (where) return `Filter ${Number(where[1]) + 1}`;
  if (field?.startsWith("timeout")) return "Timeout";
  return undefined;
}

export interface TErrorItem {
  nodeId: string | null;
  title?: string;
  message: string;
}

/** Errors as the checks list shows them: the step (and part) as a title, then what to do. */
export function describeErrors(graph: TJourneyGraph, errors: TGraphError[], names: Pick<TNameLookups, "kind">): TErrorItem[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return errors.map((e) => {
    const node = e.nodeId ? byId.get(e.nodeId) : undefined;
    if (!node) return { nodeId: e.nodeId, message: e.message };
    const part = partOf(node, e.field);
    return { nodeId: node.id, title: part ? `${titleOf(node, names)} · ${part}` : titleOf(node, names), message: shortMessage(node, e.message) };
  });
}
