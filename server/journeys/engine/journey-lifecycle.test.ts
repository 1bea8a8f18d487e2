import { and, eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { beforeAll, describe, expect, it } from "vitest";
import { journeyEnrollments } from "@/db/schema";
import { callerFor } from "@/test/fixtures";
import { edge, email, journeyHarness, node } from "../testing/engine-harness";

let h: Awaited<ReturnType<typeof journeyHarness>>;
beforeAll(async () => {
  h = await journeyHarness("Journey lifecycle");
});

/** Entered by a business event: welcome email -> wait 2 days -> second email. */
const eventJourney = (definitionId: string, second = "Second") => ({
  nodes: [node("entry", "entry_event", { definitionId }), node("welcome", "message", email("Welcome")), node("wait", "wait", { mode: "duration", duration: { amount: 2, unit: "days" } }), node("second", "message", email(second)), node("x", "exit")],
  edges: [edge("entry", "welcome"), edge("welcome", "wait"), edge("wait", "second"), edge("second", "x")],
});

const enrollments = (journeyId: string) => h.db.select().from(journeyEnrollments).where(eq(journeyEnrollments.journeyId, journeyId));

describe("event entries, re-entry, exit criteria", () => {
  it("seed 4: each profile that sends the event enters; never re-enters; leaves on the exit event", async () => {
    await h.profile("ev-ada");
    await h.profile("ev-bob");
    const signup = await h.definition("Signed Up");
    const cancel = await h.definition("Subscription Cancelled");
    const { journeyId } = await h.publish(eventJourney(signup), { exitEventDefinitionIds: [cancel] });
    await h.track("ev-ada", "Signed Up", { plan: "pro" });
    await h.track("ev-bob", "Signed Up", { plan: "free" });
    await h.executor.drain();
    expect((await h.messagesOf(journeyId, "welcome")).length).toBe(2);
    await h.track("ev-ada", "Signed Up", { plan: "pro" }); // re-entry "never": no second run
    await h.track("ev-bob", "Subscription Cancelled");
    await h.executor.drain();
    await h.executor.advance("2d");
    const rows = await enrollments(journeyId);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.status).sort()).toEqual(["completed", "exited"]);
    const second = await h.messagesOf(journeyId, "second");
    expect(second).toHaveLength(1);
    expect(rows.find((r) => r.status === "exited")?.exitReason).toMatch(/Subscription Cancelled/);
  });

  it("one batch of events: each profile enters with its own event; one profile's entry then exit, in order", async () => {
    const names = ["bt-ann", "bt-ben", "bt-cal"];
    for (const n of names) await h.profile(n);
    const ordered = await h.definition("Ordered");
    const refunded = await h.definition("Refunded");
    const graph = eventJourney(ordered);
    graph.nodes[1] = node("welcome", "message", { kind: "email", content: { subject: "Thanks for {{ event.item }}", html: "<p>{{ event.item }}</p>" } });
    const { journeyId } = await h.publish(graph, { exitEventDefinitionIds: [refunded] });
    // Sent before any run: the executor puts them in one batch of journey.business-event.
    await h.track("bt-ann", "Ordered", { item: "tea" });
    await h.track("bt-ben", "Ordered", { item: "cake" });
    await h.track("bt-cal", "Ordered", { item: "jam" });
    await h.track("bt-cal", "Refunded");
    await h.track("bt-ben", "Ordered", { item: "pie" }); // re-entry "never": turned away
    await h.executor.drain();
    const batches = await h.db.execute(sql`select jsonb_array_length(events) as n from wf_runs where fn_id like '%journey.business-event' and events @> ${JSON.stringify([{ data: { definitionId: refunded } }])}::jsonb`);
    expect(rowsOf<{ n: number }>(batches).map((r) => Number(r.n))).toEqual([5]);
    const subjects = (await h.messagesOf(journeyId, "welcome")).map((m) => String(m.content?.subject)).sort();
    expect(subjects).toEqual(["Thanks for cake", "Thanks for jam", "Thanks for tea"]);
    const rows = await enrollments(journeyId);
    expect(rows.map((r) => r.status).sort()).toEqual(["active", "active", "exited"]);
    expect(rows.map((r) => (r.trigger as { item: string }).item).sort()).toEqual(["cake", "jam", "tea"]);
  });

  it("re-entry after N days lets a profile back in once its last entry is old enough", async () => {
    await h.profile("re-cy");
    const ping = await h.definition("Pinged");
    const { journeyId } = await h.publish(eventJourney(ping), { reEntry: { mode: "after", days: 3 } });
    await h.track("re-cy", "Pinged");
    await h.executor.advance("1d");
    await h.track("re-cy", "Pinged"); // inside: refused
    await h.executor.advance("3d");
    // The database's clock is real: the first entry is made 4 days old by hand.
    await h.db.update(journeyEnrollments).set({ enteredAt: new Date(Date.now() - 4 * 86_400_000) }).where(eq(journeyEnrollments.journeyId, journeyId));
    await h.track("re-cy", "Pinged"); // 4 days later and out: back in
    await h.executor.advance("3d");
    expect((await enrollments(journeyId)).map((r) => r.status)).toEqual(["completed", "completed"]);
  });
});

describe("versions and stopping", () => {
  it("a profile in v1 stays in v1 after v2 is published; stop ends every run", async () => {
    await h.profile("ver-dee");
    await h.profile("ver-eve");
    const joined = await h.definition("Joined");
    const { journeyId, revision } = await h.publish(eventJourney(joined, "Second v1"));
    await h.track("ver-dee", "Joined");
    await h.executor.drain();
    await h.manager.journeys.saveDraft({ workspaceId: h.ws, journeyId, revision, graph: eventJourney(joined, "Second v2"), settings: { reEntry: { mode: "never" }, exitEventDefinitionIds: [], entryRatePerSecond: 1000 } });
    const v2 = await h.manager.journeys.publish({ workspaceId: h.ws, journeyId });
    expect(v2.number).toBe(2);
    await h.track("ver-eve", "Joined");
    await h.executor.advance("2d");
    const subjects = (await h.messagesOf(journeyId, "second")).map((m) => String(m.content?.subject)).sort();
    expect(subjects).toEqual(["Second v1", "Second v2"]);

    await h.profile("ver-fay");
    await h.track("ver-fay", "Joined");
    await h.executor.drain();
    await h.manager.journeys.stop({ workspaceId: h.ws, journeyId });
    await h.executor.advance("3d");
    const fay = (await enrollments(journeyId)).find((r) => r.status === "stopped");
    expect(fay).toBeDefined();
    expect((await h.messagesOf(journeyId, "second")).length).toBe(2);
    await h.track("ver-fay", "Joined");
    await h.executor.drain();
    expect(await enrollments(journeyId)).toHaveLength(3);
  });
});

describe("approval and test mode", () => {
  it("needs an approver other than the submitter; test profiles skip waits and never count", async () => {
    const ws = h.ws;
    await callerFor(h.team.users.admin).campaigns.setApproval({ workspaceId: ws, required: true });
    const tess = await h.profile("tess", {}, true);
    const j = await h.manager.journeys.create({ workspaceId: ws, name: "Reviewed" });
    const graph = { nodes: [node("entry", "entry_audience", { audienceId: await h.list([]) }), node("hello", "message", email("Hello")), node("wait", "wait", { mode: "duration", duration: { amount: 5, unit: "days" } }), node("bye", "message", email("Bye")), node("x", "exit")], edges: [edge("entry", "hello"), edge("hello", "wait"), edge("wait", "bye"), edge("bye", "x")] };
    await h.manager.journeys.saveDraft({ workspaceId: ws, journeyId: j.id, revision: j.revision, graph, settings: { reEntry: { mode: "never" }, exitEventDefinitionIds: [], entryRatePerSecond: 1000 } });
    await expect(h.manager.journeys.publish({ workspaceId: ws, journeyId: j.id })).rejects.toThrow(/approver/);
    await h.manager.journeys.submit({ workspaceId: ws, journeyId: j.id });
    await expect(callerFor(h.team.users.manager).journeys.approve({ workspaceId: ws, journeyId: j.id })).rejects.toThrow();

    await h.manager.journeys.setTestMode({ workspaceId: ws, journeyId: j.id, on: true });
    await expect(h.manager.journeys.sendTest({ workspaceId: ws, journeyId: j.id, profileIds: [await h.profile("not-test")] })).rejects.toThrow(/test profiles/);
    await h.manager.journeys.sendTest({ workspaceId: ws, journeyId: j.id, profileIds: [tess] });
    await h.executor.drain();
    const [run] = await h.manager.journeys.testRuns({ workspaceId: ws, journeyId: j.id });
    expect(run).toMatchObject({ currentNodeId: "wait", status: "active" });
    await h.manager.journeys.skipWait({ workspaceId: ws, enrollmentId: run!.enrollmentId });
    await h.executor.drain();
    const trace = await h.manager.journeys.trace({ workspaceId: ws, enrollmentId: run!.enrollmentId });
    expect(trace.steps.map((s) => `${s.nodeId}:${s.outcome}`)).toEqual(["entry:entered", "hello:delivered", "wait:skipped", "bye:delivered", "x:exited"]);
    expect((await h.messagesOf(j.id)).every((m) => m.isTest)).toBe(true);
    const live = await h.manager.journeys.stats({ workspaceId: ws, journeyId: j.id });
    expect(live.totals.entered).toBe(0);
    const test = await h.manager.journeys.stats({ workspaceId: ws, journeyId: j.id, test: true });
    expect(test.nodes.hello).toMatchObject({ entered: 1, exited: 1, sent: 1 });

    await callerFor(h.team.users.approver).journeys.approve({ workspaceId: ws, journeyId: j.id, comment: "Good" });
    const published = await h.manager.journeys.publish({ workspaceId: ws, journeyId: j.id });
    expect(published.number).toBe(1);
    expect((await h.db.select().from(journeyEnrollments).where(and(eq(journeyEnrollments.journeyId, j.id), eq(journeyEnrollments.isTest, false))))).toHaveLength(0);
    await callerFor(h.team.users.admin).campaigns.setApproval({ workspaceId: ws, required: false });
  });
});
