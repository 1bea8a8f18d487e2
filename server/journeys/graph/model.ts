import { z } from "zod";
import { NODE_TYPES, ZDuration, type TNodeType } from "./nodes";

// The journey graph: nodes placed on the canvas and edges from a node's output handle to
// another node. Saved as a draft as it is (half-filled nodes allowed); validate-graph.ts says
// whether it can be tested or published.

export const ZJourneyNode = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Node ids are letters, digits, - and _"),
  type: z.enum(NODE_TYPES as [TNodeType, ...TNodeType[]], { error: "Unknown node type" }),
  /** What the canvas shows as the node's title; defaults to its type. */
  label: z.string().max(80).optional(),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }),
  data: z.record(z.string(), z.unknown()).default({}),
});

export const ZJourneyEdge = z.object({
  id: z.string().min(1).max(140),
  source: z.string().min(1),
  /** The source node's output: "next", or a branch id, "reacted"/"received", "timeout", "others". */
  sourceHandle: z.string().min(1).max(64).default("next"),
  target: z.string().min(1),
});

export const ZJourneyGraph = z.object({
  nodes: z.array(ZJourneyNode).max(200, "A journey has at most 200 steps"),
  edges: z.array(ZJourneyEdge).max(400),
});

export type TJourneyNode = z.infer<typeof ZJourneyNode>;
export type TJourneyEdge = z.infer<typeof ZJourneyEdge>;
export type TJourneyGraph = z.infer<typeof ZJourneyGraph>;

export const ZReEntry = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("never") }),
  z.object({ mode: z.literal("after"), days: z.number().int().min(0, "0 or more days").max(3650) }),
]);

/** Journey-wide settings, frozen with each published version. */
export const ZJourneySettings = z.object({
  reEntry: ZReEntry.default({ mode: "never" }),
  /** Leave the journey when one of these business events happens. */
  exitEventDefinitionIds: z.array(z.uuid("Choose a business event")).max(10).default([]),
  /** Profiles per second entering from an audience read. */
  entryRatePerSecond: z.number().int().min(1, "At least 1 profile per second").max(100_000).default(1_000),
  /** No new entries after this instant. */
  endsAt: z.iso.datetime({ offset: true, error: "Pick an end date" }).nullish(),
  /** A message step deferred (quiet hours, a full cap) longer than this is expired and the profile goes on. */
  deferredExpiry: ZDuration.default({ amount: 3, unit: "days" }),
});
export type TJourneySettings = z.infer<typeof ZJourneySettings>;
export const DEFAULT_SETTINGS: TJourneySettings = ZJourneySettings.parse({});

export interface TOutput {
  id: string;
  label: string;
}

/** The outputs (branch handles) of a node, in the order the canvas draws them. */
export function outputsOf(node: Pick<TJourneyNode, "type" | "data">): TOutput[] {
  const branches = (node.data as { branches?: { id?: unknown; label?: unknown }[] }).branches ?? [];
  const named = branches
    .filter((b): b is { id: string; label?: unknown } => typeof b?.id === "string")
    .map((b) => ({ id: b.id, label: typeof b.label === "string" && b.label ? b.label : b.id }));
  switch (node.type) {
    case "exit":
      return [];
    case "reaction":
      return [{ id: "reacted", label: "Reacted" }, { id: "timeout", label: "Timeout" }];
    case "wait_event":
      return [{ id: "received", label: "Received" }, { id: "timeout", label: "Timeout" }];
    case "condition":
      return [...named, { id: "others", label: "All others" }];
    case "random":
      return named;
    default:
      return [{ id: "next", label: "Next" }];
  }
}

/** The node an output leads to, if it is connected. */
export function targetOf(graph: TJourneyGraph, nodeId: string, handle: string): string | null {
  return graph.edges.find((e) => e.source === nodeId && e.sourceHandle === handle)?.target ?? null;
}

export function durationMs(d: { amount: number; unit: "minutes" | "hours" | "days" }): number {
  return d.amount * { minutes: 60_000, hours: 3_600_000, days: 86_400_000 }[d.unit];
}

/** The duration as Inngest writes it ("1d", "30m"). */
export function durationString(d: { amount: number; unit: "minutes" | "hours" | "days" }): string {
  return `${d.amount}${{ minutes: "m", hours: "h", days: "d" }[d.unit]}`;
}
