import { NODE_DATA } from "../graph/nodes";
import { targetOf, type TJourneyGraph, type TJourneyNode } from "../graph/model";
import { act, type TEntered, type TNodeCall } from "./run-node";
import { enterNode, finishEnrollment, type TLeft } from "./trace";

/** How a stretch of steps ended: at a wait, at an exit, ended from outside, or at a path's end. */
export type TStretch = {
  left: TLeft | null;
  stop: { type: "wait"; nodeId: string; wait: Record<string, unknown> } | { type: "exit"; nodeId: string } | { type: "ended"; nodeId: string } | { type: "open-end" };
};

/**
 * Takes the run from `c.node` through every step that does not wait (messages, splits,
 * updates, list changes, webhooks) until a wait, an exit or the end, as ONE memoized step:
 * each call of the function costs more than these actions, and every action in it is keyed
 * or idempotent, so a retried stretch repeats nothing visible (messages are found by their
 * key, a webhook gets the same Idempotency-Key). Each node is still entered and traced alone.
 */
export async function passNodes(c: Omit<TNodeCall, "step" | "data">, graph: TJourneyGraph, nodes: Map<string, TJourneyNode>): Promise<TStretch> {
  let node: TJourneyNode | undefined = c.node;
  let left = c.left;
  for (let hop = 0; node && hop < nodes.size + 1; hop++) {
    const { run } = c;
    if (!(await enterNode(run.enrollmentId, run.journeyId, run.test, left, node.id))) return { left, stop: { type: "ended", nodeId: node.id } };
    const entered: TEntered = await act(node.type, NODE_DATA[node.type].parse(node.data), { ...c, node, left } as TNodeCall);
    if ("wait" in entered) return { left: null, stop: { type: "wait", nodeId: node.id, wait: entered.wait } };
    if (node.type === "exit") return { left: null, stop: { type: "exit", nodeId: node.id } };
    left = { nodeId: node.id, outcome: entered.outcome, detail: entered.detail };
    const next = targetOf(graph, node.id, entered.handle);
    node = next ? nodes.get(next) : undefined;
  }
  // Only an unvalidated graph gets here: a path that does not end at an exit.
  await finishEnrollment(c.run.enrollmentId, left, "completed", "path ended");
  return { left: null, stop: { type: "open-end" } };
}
