import type { TJourneyGraph, TJourneyNode } from "@/server/journeys/graph/model";
import type { TJourneyLookups } from "../use-journey-lookups";

/** What every node form gets: the node, its data, the graph, names to offer, and its field errors. */
export interface TNodeFormProps {
  node: TJourneyNode;
  data: Record<string, unknown>;
  graph: TJourneyGraph;
  lookups: TJourneyLookups;
  /** Validation messages by field path ("timeout.amount", "branches.0.label"). */
  errors: Record<string, string | undefined>;
  /** `key` names the field being typed in, so keystrokes make one undo step. */
  onChange: (data: Record<string, unknown>, key?: string) => void;
}

export const str = (v: unknown) => (typeof v === "string" ? v : "");

/** The first error at `path` or under it. */
export function errorAt(errors: Record<string, string | undefined>, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
}
