import { journeySkipped } from "@/server/workflows/events";
import { isEntry, NODE_DATA } from "../graph/nodes";
import { targetOf, type TJourneyGraph, type TJourneyNode } from "../graph/model";
import type { TRunScope } from "./actions";
import type { TResume } from "./advance-together";
import { enterNode, finishEnrollment, loadEnrollment, type TLeft } from "./trace";
import { passNodes, type TStretch } from "./pass-nodes";
import { awaitNode, type TSteps } from "./run-node";
import { messagesMayWait } from "./defer-message";
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

/**
 * Walks the frozen graph until an exit (or the run is ended): from the entry, or from where its
 * page left the profile (`resume`, see advance-together.ts). The steps between two waits are
 * one memoized step (pass-nodes.ts); each wait is a sleep or a waitForEvent.
 */
export async function walkJourney(trigger: TRunTrigger, step: TSteps) {
  const graph = await versionGraph(trigger.versionId);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n as TJourneyNode]));
  const start = trigger.resume ? resumeAt(trigger, trigger.resume, nodes) : await enterEntry(trigger, step, graph, nodes);
  if ("status" in start) return start;
  const { run, timezone } = start;
  let { left, node, entered } = start;

  while (node) {
    if (!entered) {
      const from: TJourneyNode = node;
      const pass = () => passNodes({ run, node: from, left, timezone, skipEvent: journeySkipped }, graph, nodes);
      // The last stretch of a live run (nothing after it waits) runs in the body, not in a step:
      // nothing follows it to memoize it for, a retried call repeats it as a retried step would
      // (pass-nodes.ts), and the run needs one call instead of two. A message that quiet hours or
      // a cap may defer is a wait: each later call would run the steps before it again (webhooks
      // called, conditions decided anew) until the message goes.
      const memoized = run.test || waitsAhead(graph, from.id) || (waitsAhead(graph, from.id, MESSAGE) && (await messagesMayWait(run.workspaceId)));
      let stretch = (memoized ? await step.run(`n:${from.id}`, pass) : await pass()) as TStretch;
      // Deferred all the same (the settings changed meanwhile): what the first call saw is
      // memoized, so a replay waits for the same message until the same expiry.
      if (!memoized && stretch.stop.type === "wait") {
        const first = stretch;
        stretch = (await step.run(`n:${from.id}`, () => first)) as TStretch;
      }
      if (stretch.stop.type === "ended") return { status: "ended", at: stretch.stop.nodeId };
      if (stretch.stop.type === "exit") return { status: "completed", at: stretch.stop.nodeId };
      if (stretch.stop.type === "open-end") return { status: "completed" };
      node = nodes.get(stretch.stop.nodeId)!;
      entered = { wait: stretch.stop.wait };
    }
    const data = NODE_DATA[node.type].parse(node.data);
    const result = await awaitNode({ step, run, node, data, left: null, timezone, skipEvent: journeySkipped }, entered);
    entered = undefined;
    left = { nodeId: node.id, outcome: result.outcome, detail: result.detail };
    if (result.event) run.trigger = result.event;
    const next = targetOf(graph, node.id, result.handle);
    node = next ? nodes.get(next) : undefined;
  }
  // Only an unvalidated graph gets here: a wait with nothing after it.
  await step.run("finish", () => finishEnrollment(trigger.enrollmentId, left, "completed", "path ended"));
  return { status: "completed" };
}

const WAITING: ReadonlySet<string> = new Set(["wait", "reaction", "wait_event"]);
const MESSAGE: ReadonlySet<string> = new Set(["message"]);

/** Whether some node reachable from `nodeId` (itself included) waits (or is of one of `types`). */
export function waitsAhead(graph: TJourneyGraph, nodeId: string, types: ReadonlySet<string> = WAITING): boolean {
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.type as string]));
  const seen = new Set<string>();
  for (const queue = [nodeId]; queue.length; ) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (types.has(kinds.get(id) ?? "")) return true;
    for (const e of graph.edges) if (e.source === id) queue.push(e.target);
  }
  return false;
}

type TStart = { run: TRunScope; left: TLeft | null; node: TJourneyNode | undefined; entered?: { wait: Record<string, unknown> }; timezone: string | null | undefined } | { status: string };

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
