import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowPrivateHost, startFakeServer, type THttpFake } from "@/plugins/sdk/testing";
import { profiles } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { updateMessagingSettings } from "@/server/messaging/messaging-settings";
import { callerFor } from "@/test/fixtures";
import { edge, email, journeyHarness, node } from "../testing/engine-harness";

let h: Awaited<ReturnType<typeof journeyHarness>>;
let receiver: THttpFake;
let calls = 0;
/** `hours`:`minutes` UTC, `days` after today. */
const utc = (days: number, hours: number, minutes = 0) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days, hours, minutes));
};

beforeAll(async () => {
  h = await journeyHarness("Deferred journeys");
  await updateMessagingSettings(h.ws, { frequencyCap: null, quietHours: { start: "21:00", end: "08:00" }, defaultTimezone: "UTC" }, cliActor);
  receiver = await startFakeServer(() => {
    calls += 1;
    return { status: 200 };
  });
});
afterAll(() => receiver.close());

const helloJourney = async (members: string[]) => ({
  nodes: [node("entry", "entry_audience", { audienceId: await h.list(members) }), node("hello", "message", email("Hello")), node("x", "exit")],
  edges: [edge("entry", "hello"), edge("hello", "x")],
});

describe("a journey profile waits at its deferred message step", () => {
  it("quiet hours keep it at the step (visible in the stats) until 08:00, then it is sent and the profile goes on", async () => {
    h.clock.set(utc(1, 22, 30));
    const night = await h.profile("night-owl");
    const evening = await h.profile("new-yorker");
    await h.db.update(profiles).set({ timezone: "America/New_York" }).where(eq(profiles.id, evening));
    const { journeyId } = await h.publish(await helloJourney([night, evening]));
    await h.executor.drain();
    expect(await h.pathOf(journeyId, evening)).toMatchObject({ status: "completed", steps: ["entry:entered", "hello:delivered", "x:exited"] });
    expect(await h.pathOf(journeyId, night)).toMatchObject({ status: "active", at: "hello", steps: ["entry:entered", "hello:…"] });
    const [deferred] = (await h.messagesOf(journeyId, "hello")).filter((m) => m.profileId === night);
    expect(deferred).toMatchObject({ status: "deferred", deferredUntil: utc(2, 8) });
    const stats = await h.manager.journeys.stats({ workspaceId: h.ws, journeyId });
    expect(stats.nodes.hello).toMatchObject({ waiting: 1, sent: 1, deferred: 1, expired: 0 });

    await h.executor.advance("9h"); // 07:30
    expect((await h.pathOf(journeyId, night))?.at).toBe("hello");
    await h.executor.advance("1h");
    expect(await h.pathOf(journeyId, night)).toMatchObject({ status: "completed", steps: ["entry:entered", "hello:delivered", "x:exited"] });
    expect((await h.messagesOf(journeyId, "hello")).map((m) => m.status)).toEqual(["delivered", "delivered"]);
  });

  it("a run that reaches the step after a wait waits there too, on the executor's clock", async () => {
    h.clock.set(utc(3, 20, 30));
    const late = await h.profile("late-reader");
    const graph = {
      nodes: [node("entry", "entry_audience", { audienceId: await h.list([late]) }), node("pause", "wait", { mode: "duration", duration: { amount: 1, unit: "hours" } }), node("hello", "message", email("Hello")), node("x", "exit")],
      edges: [edge("entry", "pause"), edge("pause", "hello"), edge("hello", "x")],
    };
    const { journeyId } = await h.publish(graph);
    await h.executor.advance("1h"); // 21:30: quiet
    expect(await h.pathOf(journeyId, late)).toMatchObject({ status: "active", at: "hello" });
    expect((await h.messagesOf(journeyId, "hello"))[0]).toMatchObject({ status: "deferred", deferredUntil: utc(4, 8) });
    await h.executor.advance("10h30m"); // 08:00
    expect(await h.pathOf(journeyId, late)).toMatchObject({ status: "completed", steps: ["entry:entered", "pause:waited", "hello:delivered", "x:exited"] });
  });

  it("past the journey's expiry the message is expired, the trace says so and the profile goes on", async () => {
    h.clock.set(utc(5, 22, 30));
    const p = await h.profile("too-late");
    const { journeyId } = await h.publish(await helloJourney([p]), { deferredExpiry: { amount: 2, unit: "hours" } });
    await h.executor.drain();
    expect((await h.pathOf(journeyId, p))?.at).toBe("hello");
    await h.executor.advance("1h");
    expect((await h.pathOf(journeyId, p))?.status).toBe("active");
    await h.executor.advance("1h30m");
    expect(await h.pathOf(journeyId, p)).toMatchObject({ status: "completed", steps: ["entry:entered", "hello:expired", "x:exited"] });
    expect((await h.messagesOf(journeyId, "hello"))[0]).toMatchObject({ status: "expired", deferredUntil: null });
    expect((await h.manager.journeys.stats({ workspaceId: h.ws, journeyId })).nodes.hello).toMatchObject({ sent: 0, deferred: 0, expired: 1 });
  });

  it("the steps before a deferred message run once: waiting for it replays none of them", async () => {
    allowPrivateHost(receiver.url);
    h.clock.set(utc(9, 20, 30));
    const p = await h.profile("hooked");
    const graph = {
      nodes: [
        node("entry", "entry_audience", { audienceId: await h.list([p]) }),
        node("pause", "wait", { mode: "duration", duration: { amount: 1, unit: "hours" } }),
        node("hook", "webhook", { url: `${receiver.url}/hook`, method: "POST" }),
        node("hello", "message", email("Hello")),
        node("x", "exit"),
      ],
      edges: [edge("entry", "pause"), edge("pause", "hook"), edge("hook", "hello"), edge("hello", "x")],
    };
    const { journeyId } = await h.publish(graph);
    await h.executor.advance("1h"); // 21:30: the webhook is called, the message deferred
    expect((await h.pathOf(journeyId, p))?.at).toBe("hello");
    await h.executor.advance("10h30m");
    expect(await h.pathOf(journeyId, p)).toMatchObject({ status: "completed", steps: ["entry:entered", "pause:waited", "hook:called", "hello:delivered", "x:exited"] });
    expect(calls).toBe(1);
  });

  it("a profile that leaves by an exit event while its message waits never gets it: the message expires", async () => {
    h.clock.set(utc(11, 22, 30));
    const p = await h.profile("converted");
    const exitId = await h.definition("Purchased");
    const { journeyId } = await h.publish(await helloJourney([p]), { exitEventDefinitionIds: [exitId] });
    await h.executor.drain();
    expect((await h.pathOf(journeyId, p))?.at).toBe("hello");
    await h.track("converted", "Purchased");
    await h.executor.drain();
    expect((await h.pathOf(journeyId, p))?.status).toBe("exited");
    await h.executor.advance("10h"); // 08:30: the message would be due
    expect((await h.messagesOf(journeyId, "hello"))[0]).toMatchObject({ status: "expired", error: "The profile left the journey before the message could go" });
    expect((await h.pathOf(journeyId, p))?.status).toBe("exited");
  });

  it("stopping the journey expires the messages its profiles were waiting for", async () => {
    h.clock.set(utc(13, 22, 30));
    const p = await h.profile("stopped-night");
    const { journeyId } = await h.publish(await helloJourney([p]));
    await h.executor.drain();
    expect((await h.messagesOf(journeyId, "hello"))[0]?.status).toBe("deferred");
    await h.manager.journeys.stop({ workspaceId: h.ws, journeyId });
    await h.executor.drain();
    expect((await h.messagesOf(journeyId, "hello"))[0]).toMatchObject({ status: "expired", error: "The journey was stopped" });
    expect((await h.manager.journeys.stats({ workspaceId: h.ws, journeyId })).nodes.hello).toMatchObject({ deferred: 0, expired: 1 });
  });
});

describe("exempt message steps", () => {
  it("only an admin marks a message step exempt from caps or clears it", async () => {
    const p = await h.profile("exempt-check");
    const exempt = async (on: boolean) => {
      const g = await helloJourney([p]);
      g.nodes[1]!.data = { ...g.nodes[1]!.data, capExempt: on };
      return g;
    };
    const j = await h.manager.journeys.create({ workspaceId: h.ws, name: "Exempt step" });
    const settings = { reEntry: { mode: "never" as const }, exitEventDefinitionIds: [], entryRatePerSecond: 1000 };
    await expect(h.manager.journeys.saveDraft({ workspaceId: h.ws, journeyId: j.id, revision: j.revision, graph: await exempt(true), settings })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/Only an admin/) });
    const admin = callerFor(h.team.users.admin);
    const saved = await admin.journeys.saveDraft({ workspaceId: h.ws, journeyId: j.id, revision: j.revision, graph: await exempt(true), settings });
    // A manager's later edit that keeps the mark is fine; clearing it is not.
    const kept = await h.manager.journeys.saveDraft({ workspaceId: h.ws, journeyId: j.id, revision: saved.revision, graph: await exempt(true), settings });
    await expect(h.manager.journeys.saveDraft({ workspaceId: h.ws, journeyId: j.id, revision: kept.revision, graph: await exempt(false), settings })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
