import { journeySkipped } from "@/server/workflows/events";
import { isEntry, NODE_DATA } from "../graph/nodes";
import { targetOf, type TJourneyNode } from "../graph/model";
import type { TRunScope } from "./actions";
import { enterNode, finishEnrollment, loadEnrollment, type TLeft } from "./trace";
import { runNode, type TSteps } from "./run-node";
import { versionGraph } from "./version-cache";

export interface TRunTrigger {
  workspaceId: string;
  journeyId: string;
  versionId: string;
  enrollmentId: string;
  profileId: string;
  test: boolean;
}

/** The longest path a run may take: a validated graph has no cycles and at most 200 nodes. */
const MAX_HOPS = 250;

/** Walks the frozen graph from the entry, one node at a time, until an exit (or the run is ended). */
export async function walkJourney(trigger: TRunTrigger, step: TSteps) {
  const graph = await versionGraph(trigger.versionId);
  const entry = graph.nodes.find((n) => isEntry(n.type)) as TJourneyNode | undefined;
  // Loading the run and entering the entry node are one step: one call fewer per profile.
  const loaded = (await step.run("enter", async () => {
    const row = await loadEnrollment(trigger.enrollmentId);
    if (!row || row.status !== "active" || !entry) return row;
    return (await enterNode(trigger.enrollmentId, trigger.journeyId, trigger.test, null, entry.id)) ? row : { ...row, status: "ended" };
  })) as Awaited<ReturnType<typeof loadEnrollment>> | null;
  if (!loaded || loaded.status !== "active" || !entry) return { status: loaded?.status ?? "missing" };
  const nodes = new Map(graph.nodes.map((n) => [n.id, n as TJourneyNode]));
  const run: TRunScope = { ...trigger, trigger: loaded.trigger };
  let left: TLeft | null = { nodeId: entry.id, outcome: "entered" };
  let next = targetOf(graph, entry.id, "next");
  let node = next ? nodes.get(next) : undefined;

  for (let hop = 0; node && hop < MAX_HOPS; hop++) {
    const data = NODE_DATA[node.type].parse(node.data);
    const result = await runNode({ step, run, node, data, left, timezone: loaded.timezone, skipEvent: journeySkipped });
    if (result === "ended") return { status: "ended", at: node.id };
    if (node.type === "exit") return { status: "completed", at: node.id };
    left = { nodeId: node.id, outcome: result.outcome, detail: result.detail };
    if (result.event) run.trigger = result.event;
    next = targetOf(graph, node.id, result.handle);
    node = next ? nodes.get(next) : undefined;
  }
  // Only an unvalidated graph gets here: a path that does not end at an exit.
  await step.run("finish", () => finishEnrollment(trigger.enrollmentId, left, "completed", "path ended"));
  return { status: "completed" };
}
