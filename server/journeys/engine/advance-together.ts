import { isEntry, NODE_DATA, type TNodeData } from "../graph/nodes";
import { targetOf, type TJourneyGraph, type TJourneyNode } from "../graph/model";
import type { TRunScope } from "./actions";
import { pickBranch, pickRandomBranch } from "./conditions";
import { sendTogether } from "./send-together";
import { enterTogether, exitTogether, finishTogether, timezonesOf, type TAt } from "./trace-together";
import type { TLeft } from "./trace";
import { versionGraph } from "./version-cache";
import { waitTarget } from "./wait-target";
import { deferredWait } from "./defer-message";
import { waitsAsRows, waitTogether } from "../cohorts/enter-waits";
import { workflowNow } from "@/server/workflows/embedded/clock";
import { callWebhooksTogether, changeListTogether, updateAttributeTogether } from "./act-together";

const WEBHOOK_RETRY_MS = 30_000;

export interface TScope {
  workspaceId: string;
  journeyId: string;
  versionId: string;
  /** The business event that brought them in ({{ event.* }}); {} for audience entries. */
  trigger: Record<string, unknown>;
  /** Event entries of several events: each profile's own, by profile id (else `trigger`). */
  triggers?: Map<string, Record<string, unknown>>;
}

export const triggerOf = (scope: TScope, profileId: string) => scope.triggers?.get(profileId) ?? scope.trigger;

/** Where a profile's durable run picks up: the node it stops at; `wait` when that wait was entered here. */
export interface TResume {
  nodeId: string;
  left: TLeft | null;
  /** With messageId: the profile's message here was deferred (defer-message.ts). */
  wait?: { target: string; now: string; scheduled?: boolean; messageId?: string; expiresAt?: string };
}

/** An enrollment that goes on in its own durable run (journey.run). */
export interface TRunStart {
  enrollmentId: string;
  profileId: string;
  resume: TResume;
  /** Real time (ms) before which the run does not start: a webhook call to retry. */
  notBefore?: number;
}

/** An active enrollment and the node its trace says it is at (null: not entered yet). */
export type TStartAt = { enrollmentId: string; profileId: string; currentNodeId: string | null };

type TMove = { at: TAt; handle: string; outcome: string; detail?: Record<string, unknown> };

/**
 * Takes a page of live (not test) enrollments through the journey's first steps together, up
 * to where each has to wait: messages go out in batches of the sending pipeline, splits and
 * exits are decided per profile, waits are entered with their target, reactions and event
 * waits become journey_waits rows (cohorts/enter-waits.ts), attribute and list steps and
 * webhooks run for the page (act-together.ts). What is left (a timed wait, a deferred message,
 * a webhook call to retry) is handed on (cohorts/hand-on.ts), from that node. Everything here
 * is keyed or idempotent, so a retried step resumes each enrollment from the node its trace
 * records.
 */
export async function advanceTogether(scope: TScope, starts: TStartAt[]): Promise<TRunStart[]> {
  const graph = await versionGraph(scope.versionId);
  const entry = graph.nodes.find((n) => isEntry(n.type));
  const waiting = new Map<string, TAt[]>();
  for (const s of starts) if (s.currentNodeId ?? entry?.id) queueAt(waiting, (s.currentNodeId ?? entry!.id) as string, { enrollmentId: s.enrollmentId, profileId: s.profileId, left: null });
  return walkTogether(scope, graph, waiting);
}

/** A profile leaving the node it waited at (a cohort's wait ended, a reaction came, a timeout): which way, and what the trace records. */
export type TDecided = { at: Omit<TAt, "left">; handle: string; outcome: string; detail?: Record<string, unknown> };

/**
 * Takes profiles on from the node they waited at, along the way each one's wait decided, as
 * advanceTogether does from where they are: the wait's step is closed as they enter the next.
 */
export async function continueTogether(scope: TScope, fromNodeId: string, decided: TDecided[]): Promise<TRunStart[]> {
  const graph = await versionGraph(scope.versionId);
  const waiting = new Map<string, TAt[]>();
  const ending: TAt[] = [];
  for (const d of decided) {
    const at = { ...d.at, left: { nodeId: fromNodeId, outcome: d.outcome, detail: d.detail } };
    const next = targetOf(graph, fromNodeId, d.handle);
    if (next) queueAt(waiting, next, at);
    else ending.push(at);
  }
  await finishTogether(ending, "completed", "path ended");
  return walkTogether(scope, graph, waiting);
}

const queueAt = (waiting: Map<string, TAt[]>, nodeId: string, at: TAt) => waiting.set(nodeId, [...(waiting.get(nodeId) ?? []), at]);

async function walkTogether(scope: TScope, graph: TJourneyGraph, waiting: Map<string, TAt[]>): Promise<TRunStart[]> {
  const handed: TRunStart[] = [];
  for (const node of topologicalOrder(graph)) {
    const here = waiting.get(node.id);
    if (!here?.length) continue;
    waiting.delete(node.id);
    const moves = await actTogether(scope, node, here, handed);
    const ending: TAt[] = [];
    for (const m of moves) {
      const left = { nodeId: node.id, outcome: m.outcome, detail: m.detail };
      const next = targetOf(graph, node.id, m.handle);
      if (next) queueAt(waiting, next, { ...m.at, left });
      else ending.push({ ...m.at, left });
    }
    // Only an unvalidated graph has a path that does not end at an exit.
    await finishTogether(ending, "completed", "path ended");
  }
  return handed;
}

async function actTogether(scope: TScope, node: TJourneyNode, here: TAt[], handed: TRunStart[]): Promise<TMove[]> {
  const handOver = (ats: TAt[], wait?: TResume["wait"]) => ats.forEach((a) => handed.push({ enrollmentId: a.enrollmentId, profileId: a.profileId, resume: { nodeId: node.id, left: a.left, ...(wait ? { wait } : {}) } }));
  if (!["entry_audience", "entry_event", "message", "random", "condition", "exit", "wait", "update_attribute", "list", "webhook", ...(waitsAsRows() ? ["reaction", "wait_event"] : [])].includes(node.type)) {
    handOver(here);
    return [];
  }
  if (node.type === "exit") {
    await exitTogether(here, scope.journeyId, node.id);
    return [];
  }
  const ats = await enterTogether(here, scope.journeyId, node.id);
  const data = NODE_DATA[node.type].parse(node.data);
  switch (node.type) {
    case "message": {
      const moves: TMove[] = [];
      for (const { deferredUntil, ...m } of await sendTogether(scope, node.id, data as TNodeData<"message">, ats)) {
        if (deferredUntil) handOver([{ ...m.at, left: null }], await deferredWait(scope.versionId, m.detail.messageId, deferredUntil));
        else moves.push(m);
      }
      return moves;
    }
    case "random":
      return ats.map((at) => ({ at, ...branchMove(pickRandomBranch(at.profileId, node.id, data as TNodeData<"random">)) }));
    case "condition": {
      const moves: TMove[] = [];
      for (const at of ats) moves.push({ at, ...branchMove(await pickBranch(runScope(scope, at), data as TNodeData<"condition">)) });
      return moves;
    }
    case "update_attribute":
      return updateAttributeTogether(scope, data as TNodeData<"update_attribute">, ats);
    case "list":
      return changeListTogether(scope, data as TNodeData<"list">, ats);
    case "webhook": {
      const { moves, retry } = await callWebhooksTogether(scope, node.id, data as TNodeData<"webhook">, ats);
      // Called again by the profile's own run, with its retries, after a pause as a retried step would.
      for (const a of retry) handed.push({ enrollmentId: a.enrollmentId, profileId: a.profileId, resume: { nodeId: node.id, left: a.left }, notBefore: Date.now() + WEBHOOK_RETRY_MS });
      return moves;
    }
    case "wait": {
      // Only a time of day depends on where the profile lives.
      const zones = (data as TNodeData<"wait">).mode === "time_of_day" ? await timezonesOf(ats.map((a) => a.profileId)) : new Map<string, string | null>();
      const now = workflowNow();
      const moves: TMove[] = [];
      for (const at of ats) {
        const target = waitTarget(data as TNodeData<"wait">, zones.get(at.profileId) ?? null, now);
        if (target) handOver([{ ...at, left: null }], { target: target.toISOString(), now: now.toISOString() });
        else moves.push({ at, handle: "next", outcome: "waited" });
      }
      return moves;
    }
    case "reaction":
    case "wait_event":
      return waitTogether(scope, node, data as TNodeData<"reaction" | "wait_event">, ats);
    default: // an entry
      return ats.map((at) => ({ at, handle: "next", outcome: "entered" }));
  }
}

const branchMove = (b: { branch: string; label: string }) => ({ handle: b.branch, outcome: b.label });

export const runScope = (scope: TScope, at: TAt): TRunScope => ({
  workspaceId: scope.workspaceId,
  journeyId: scope.journeyId,
  versionId: scope.versionId,
  trigger: triggerOf(scope, at.profileId),
  enrollmentId: at.enrollmentId,
  profileId: at.profileId,
  test: false,
});

/** The nodes in an order where every edge goes forward (a validated graph has no cycle). */
function topologicalOrder(graph: TJourneyGraph): TJourneyNode[] {
  const incoming = new Map(graph.nodes.map((n) => [n.id, 0]));
  for (const e of graph.edges) incoming.set(e.target, (incoming.get(e.target) ?? 0) + 1);
  const ready = graph.nodes.filter((n) => !incoming.get(n.id));
  const byId = new Map(graph.nodes.map((n) => [n.id, n as TJourneyNode]));
  const order: TJourneyNode[] = [];
  while (ready.length) {
    const n = ready.shift()! as TJourneyNode;
    order.push(n);
    for (const e of graph.edges.filter((x) => x.source === n.id)) {
      const left = (incoming.get(e.target) ?? 0) - 1;
      incoming.set(e.target, left);
      if (left === 0 && byId.has(e.target)) ready.push(byId.get(e.target)!);
    }
  }
  return order;
}
