import { journeySkipped } from "@/server/workflows/events";
import { isEntry, NODE_DATA } from "../graph/nodes";
import { targetOf, type TJourneyGraph, type TJourneyNode } from "../graph/model";
import type { TRunScope } from "./actions";
import type { TResume } from "./advance-together";
import { enterNode, finishEnrollment, loadEnrollment, type TLeft } from "./trace";
import { runNode, type TEntered, type TSteps } from "./run-node";
import { versionGraph } from "./version-cache";

export interface TRunTrigger {
  workspaceId: string;
  journeyId: string;
  versionId: string;
  enrollmentId: string;
  profileId: string;
  test: boolean;
  resume?: TResume;
  trigger?: Record<string, unknown>;
}

/** The longest path a run may take: a validated graph has no cycles and at most 200 nodes. */
const MAX_HOPS = 250;

/**
 * Walks the frozen graph one node at a time until an exit (or the run is ended): from the
 * entry, or from where its page left the profile (`resume`, see advance-together.ts).
 */
export async function walkJourney(trigger: TRunTrigger, step: TSteps) {
  const graph = await versionGraph(trigger.versionId);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n as TJourneyNode]));
  const start = trigger.resume ? resumeAt(trigger, trigger.resume, nodes) : await enterEntry(trigger, step, graph, nodes);
  if ("status" in start) return start;
  const { run } = start;
  let { left, node, entered, timezone } = start;

  for (let hop = 0; node && hop < MAX_HOPS; hop++) {
    const data = NODE_DATA[node.type].parse(node.data);
    const result = await runNode({ step, run, node, data, left, timezone, skipEvent: journeySkipped, entered });
    entered = undefined;
    if (result === "ended") return { status: "ended", at: node.id };
    if (node.type === "exit") return { status: "completed", at: node.id };
    left = { nodeId: node.id, outcome: result.outcome, detail: result.detail };
    if (result.event) run.trigger = result.event;
    const next = targetOf(graph, node.id, result.handle);
    node = next ? nodes.get(next) : undefined;
  }
  // Only an unvalidated graph gets here: a path that does not end at an exit.
  await step.run("finish", () => finishEnrollment(trigger.enrollmentId, left, "completed", "path ended"));
  return { status: "completed" };
}

type TStart = { run: TRunScope; left: TLeft | null; node: TJourneyNode | undefined; entered?: TEntered; timezone: string | null | undefined } | { status: string };

/** Loading the run and entering the entry node are one step: one call fewer per profile. */
async function enterEntry(trigger: TRunTrigger, step: TSteps, graph: TJourneyGraph, nodes: Map<string, TJourneyNode>): Promise<TStart> {
  const entry = graph.nodes.find((n) => isEntry(n.type)) as TJourneyNode | undefined;
  const loaded = (await step.run("enter", async () => {
    const row = await loadEnrollment(trigger.enrollmentId);
    if (!row || row.status !== "active" || !entry) return row;
    return (await enterNode(trigger.enrollmentId, trigger.journeyId, trigger.test, null, entry.id)) ? row : { ...row, status: "ended" };
  })) as Awaited<ReturnType<typeof loadEnrollment>> | null;
  if (!loaded || loaded.status !== "active" || !entry) return { status: loaded?.status ?? "missing" };
  const next = targetOf(graph, entry.id, "next");
  return { run: { ...trigger, trigger: loaded.trigger }, left: { nodeId: entry.id, outcome: "entered" }, node: next ? nodes.get(next) : undefined, timezone: loaded.timezone };
}

/** A run that starts where its page left the profile: nothing to load, a wait entered already goes straight to sleep. */
function resumeAt(trigger: TRunTrigger, resume: TResume, nodes: Map<string, TJourneyNode>): TStart {
  const node = nodes.get(resume.nodeId);
  return { run: { ...trigger, trigger: trigger.trigger ?? {} }, left: resume.left, node, entered: resume.wait ? { wait: resume.wait } : undefined, timezone: undefined };
}
