import { eventReceived, messageEvent } from "@/server/workflows/events";
import { durationString, type TJourneyNode } from "../graph/model";
import type { TNodeData, TNodeType } from "../graph/nodes";
import { callWebhook, changeList, sendJourneyMessage, updateAttribute, type TRunScope } from "./actions";
import { awaitDeferred, deferredWait, type TDeferredWait } from "./defer-message";
import { hasReacted, messageReactions, pickBranch, pickRandomBranch, reactionTypes } from "./conditions";
import { finishEnrollment, profileTimezone, type TLeft } from "./trace";
import { remaining, waitTarget } from "./wait-target";
import { workflowNow } from "@/server/workflows/embedded/clock";

/** The step tools a run uses (the Inngest SDK's, narrowed to what the engine calls). */
export interface TSteps {
  run(id: string, fn: () => unknown): Promise<unknown>;
  sleep(id: string, duration: string): Promise<unknown>;
  sleepUntil(id: string, at: Date | string): Promise<unknown>;
  waitForEvent(id: string, opts: { event: unknown; timeout: string; if?: string }): Promise<unknown>;
}

/** `event`: the business event a wait received; later steps see it as {{ event.* }}. */
export type TNodeResult = { handle: string; outcome: string; detail?: Record<string, unknown>; event?: Record<string, unknown> };

/** What entering a node gave: where to go next, or the wait it needs. */
export type TEntered = TNodeResult | { wait: Record<string, unknown> };

export interface TNodeCall {
  step: TSteps;
  run: TRunScope;
  node: TJourneyNode;
  data: unknown;
  left: TLeft | null;
  /** undefined: not loaded yet (a run that started at a later node). */
  timezone: string | null | undefined;
  skipEvent: unknown;
}

const literal = (v: unknown) => JSON.stringify(v);

/** What the node does once the run has entered it, inside the same memoized step. */
export async function act(type: TNodeType, data: unknown, c: TNodeCall): Promise<TEntered> {
  const { run, node } = c;
  switch (type) {
    case "message": {
      const sent = await sendJourneyMessage(run, node.id, data as TNodeData<"message">);
      // Deferred (quiet hours, a full cap): the profile waits at this step until it goes.
      if (sent.status === "deferred" && sent.deferredUntil) return { wait: await deferredWait(run.versionId, sent.messageId, sent.deferredUntil) };
      return { handle: "next", outcome: sent.status, detail: { messageId: sent.messageId, ...(sent.error ? { error: sent.error } : {}) } };
    }
    case "update_attribute":
      return { handle: "next", outcome: "updated", detail: await updateAttribute(run, data as TNodeData<"update_attribute">) };
    case "list":
      return { handle: "next", outcome: (data as TNodeData<"list">).action === "add" ? "added" : "removed", detail: await changeList(run, data as TNodeData<"list">) };
    case "webhook": {
      const r = await callWebhook(run, node.id, data as TNodeData<"webhook">);
      return { handle: "next", outcome: r.ok ? "called" : r.status === null ? "refused" : `failed ${r.status}`, detail: r };
    }
    case "condition": {
      const b = await pickBranch(run, data as TNodeData<"condition">);
      return { handle: b.branch, outcome: b.label };
    }
    case "random": {
      const b = pickRandomBranch(run.profileId, node.id, data as TNodeData<"random">);
      return { handle: b.branch, outcome: b.label };
    }
    case "exit":
      await finishEnrollment(run.enrollmentId, { nodeId: node.id, outcome: "exited" }, "completed");
      return { handle: "", outcome: "exited" };
    case "wait": {
      const zone = c.timezone === undefined ? await profileTimezone(run.profileId) : c.timezone;
      const now = workflowNow();
      const target = waitTarget(data as TNodeData<"wait">, zone, now);
      return { wait: { target: target?.toISOString() ?? null, now: now.toISOString() } };
    }
    case "reaction": {
      const { messageId, types } = await messageReactions(run, (data as TNodeData<"reaction">).messageNodeId);
      return { wait: { messageId, reacted: hasReacted(types, (data as TNodeData<"reaction">).reaction) } };
    }
    case "wait_event":
      return { wait: {} };
    default:
      return { handle: "next", outcome: "entered" };
  }
}

/** The wait a node entered needs (a sleep, a reaction or an event), and where it leads after. */
export async function awaitNode(c: TNodeCall, entered: { wait: Record<string, unknown> }): Promise<TNodeResult> {
  const { step, run, node } = c;
  const skipIf = `async.data.skip == ${literal(run.enrollmentId)}`;
  const w = entered.wait;
  if (node.type === "message") return awaitDeferred(c, w as TDeferredWait);
  if (node.type === "wait") {
    if (!w.target) return { handle: "next", outcome: "waited" };
    const target = new Date(w.target as string);
    if (run.test) {
      const skipped = await step.waitForEvent(`wait:${node.id}`, { event: c.skipEvent, timeout: remaining(target, new Date(w.now as string)), if: `async.data.enrollmentId == ${literal(run.enrollmentId)} && async.data.nodeId == ${literal(node.id)}` });
      return { handle: "next", outcome: skipped ? "skipped" : "waited" };
    }
    // The target was set on the executor's clock when the profile entered the wait (maybe with
    // its page, some time before this run's first call), so the wait ends on time either way.
    // A run started when its wait is over (enroll.ts schedules it so) has nothing to sleep.
    if (!w.scheduled) await step.sleepUntil(`wait:${node.id}`, target);
    return { handle: "next", outcome: "waited" };
  }
  if (node.type === "reaction") {
    const data = c.data as TNodeData<"reaction">;
    if (w.reacted) return { handle: "reacted", outcome: data.reaction };
    const types = reactionTypes(data.reaction);
    const real = `async.data.messageId == ${literal(w.messageId ?? "none")} && (${types.map((t) => `async.data.type == ${literal(t)}`).join(" || ")})`;
    const got = (await step.waitForEvent(`react:${node.id}`, { event: messageEvent, timeout: durationString(data.timeout), if: run.test ? `(${real}) || ${skipIf}` : real })) as { data: { type: string } } | null;
    if (!got || got.data.type === "skipped") return { handle: "timeout", outcome: got ? "skipped" : "timeout" };
    return { handle: "reacted", outcome: got.data.type };
  }
  const data = c.data as TNodeData<"wait_event">;
  const filters = data.where.map((f) => ` && async.data.properties[${literal(f.key)}] == ${literal(f.value)}`).join("");
  const real = `async.data.profileId == ${literal(run.profileId)} && async.data.definitionId == ${literal(data.definitionId)}${filters}`;
  const got = (await step.waitForEvent(`event:${node.id}`, { event: eventReceived, timeout: durationString(data.timeout), if: run.test ? `(${real}) || ${skipIf}` : real })) as { data: { eventId: string; name: string; properties: Record<string, unknown>; skip?: string } } | null;
  if (!got || got.data.skip) return { handle: "timeout", outcome: got ? "skipped" : "timeout" };
  return { handle: "received", outcome: "received", detail: { eventId: got.data.eventId }, event: { name: got.data.name, ...got.data.properties } };
}
