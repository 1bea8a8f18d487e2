import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, like, sql } from "drizzle-orm";
import { journeyEnrollments, journeyWaits, wfRuns } from "@/db/schema";
import { recordMessageEvent } from "@/server/messaging/message-events";
import { edge, email, journeyHarness, node } from "../testing/engine-harness";
import { takeTimeoutPage } from "./take-timeouts";

let h: Awaited<ReturnType<typeof journeyHarness>>;
beforeAll(async () => {
  h = await journeyHarness("Journey waits");
});

/** email -> reaction (1 day) -> "yes" email, or "no" email on the timeout. */
const reactionJourney = async (ids: string[], reaction = "opened") => ({
  nodes: [
    node("entry", "entry_audience", { audienceId: await h.list(ids) }),
    node("first", "message", email("First")),
    node("react", "reaction", { messageNodeId: "first", reaction, timeout: { amount: 1, unit: "days" } }),
    node("yes", "message", email("Yes")), node("no", "message", email("No")),
    node("x1", "exit"), node("x2", "exit"),
  ],
  edges: [edge("entry", "first"), edge("first", "react"), edge("react", "yes", "reacted"), edge("react", "no", "timeout"), edge("yes", "x1"), edge("no", "x2")],
});

const profiles = async (prefix: string, n: number) => Promise.all(Array.from({ length: n }, (_, i) => h.profile(`${prefix}-${i}`)));
const waitsOf = (journeyId: string) => h.db.select().from(journeyWaits).where(eq(journeyWaits.journeyId, journeyId));
const runsOf = async (journeyId: string) =>
  h.db.select({ id: wfRuns.id }).from(wfRuns).where(and(like(wfRuns.fnId, "%journey.run"), sql`${wfRuns.event} -> 'data' ->> 'journeyId' = ${journeyId}`));
const firstMessage = async (journeyId: string, profileId: string) => (await h.messagesOf(journeyId, "first")).find((m) => m.profileId === profileId)!;

describe("reactions wait as rows, not runs", () => {
  it("an open takes its profile down 'reacted' at once; the timeout takes the others down 'timeout'", async () => {
    const [opener, clicker, silent] = await profiles("react", 3);
    const { journeyId } = await h.publish(await reactionJourney([opener!, clicker!, silent!]));
    await h.executor.drain();
    expect(await waitsOf(journeyId)).toHaveLength(3);
    expect(await runsOf(journeyId)).toHaveLength(0);

    await recordMessageEvent((await firstMessage(journeyId, opener!)).id, "opened");
    await recordMessageEvent((await firstMessage(journeyId, clicker!)).id, "clicked");
    // Decided by the intake (no run per profile); the workspace's drain takes them on.
    expect((await waitsOf(journeyId)).filter((w) => w.decided).map((w) => w.decided!.outcome).sort()).toEqual(["clicked", "opened"]);
    await h.executor.drain();
    expect(await runsOf(journeyId)).toHaveLength(0);
    expect(await h.pathOf(journeyId, opener!)).toMatchObject({ status: "completed", steps: ["entry:entered", "first:delivered", "react:opened", "yes:delivered", "x1:exited"] });
    expect((await h.pathOf(journeyId, clicker!))?.steps).toContain("react:clicked");
    expect(await waitsOf(journeyId)).toHaveLength(1);
    // A second open of the same message finds nothing to take.
    await recordMessageEvent((await firstMessage(journeyId, opener!)).id, "opened");
    await h.executor.drain();
    expect(await h.messagesOf(journeyId, "yes")).toHaveLength(2);

    await h.executor.advance("1d");
    expect(await h.pathOf(journeyId, silent!)).toMatchObject({ status: "completed", steps: ["entry:entered", "first:delivered", "react:timeout", "no:delivered", "x2:exited"] });
    expect(await waitsOf(journeyId)).toHaveLength(0);
    expect(await runsOf(journeyId)).toHaveLength(0);
    expect((await h.messagesOf(journeyId, "no")).map((m) => m.profileId)).toEqual([silent]);
  });

  it("a message reacted to already goes on at once, as a run that finds the reaction before it waits", async () => {
    const [a] = await profiles("delivered", 1);
    const { journeyId } = await h.publish(await reactionJourney([a!], "delivered"));
    await h.executor.drain();
    expect(await h.pathOf(journeyId, a!)).toMatchObject({ status: "completed", steps: ["entry:entered", "first:delivered", "react:delivered", "yes:delivered", "x1:exited"] });
    expect(await waitsOf(journeyId)).toHaveLength(0);
  });

  it("an open in the same instant as the timeout sends each profile down exactly one branch", async () => {
    for (let round = 0; round < 6; round++) {
      const ids = await profiles(`race-${round}`, 8);
      const { journeyId, versionId } = await h.publish(await reactionJourney(ids));
      await h.executor.drain();
      const [w] = await waitsOf(journeyId);
      const cohort = { id: w!.cohortId!, workspaceId: h.ws, journeyId, versionId, nodeId: "react" };
      const messages = await h.messagesOf(journeyId, "first");
      // The timeout's pages (small, so they interleave) and every profile's open, all at once.
      await Promise.all([
        (async () => {
          while ((await takeTimeoutPage(cohort, 3)).more);
        })(),
        ...messages.map((m) => recordMessageEvent(m.id, "opened")),
      ]);
      await h.executor.drain(); // the opens' drain
      for (const id of ids) {
        const path = await h.pathOf(journeyId, id);
        expect(path?.status).toBe("completed");
        const ways = path!.steps.filter((s) => s === "react:opened" || s === "react:timeout");
        expect(ways).toHaveLength(1);
        expect(path!.steps).toEqual(["entry:entered", "first:delivered", ways[0], ways[0] === "react:opened" ? "yes:delivered" : "no:delivered", ways[0] === "react:opened" ? "x1:exited" : "x2:exited"]);
      }
      expect((await h.messagesOf(journeyId, "yes")).length + (await h.messagesOf(journeyId, "no")).length).toBe(ids.length);
      expect(await waitsOf(journeyId)).toHaveLength(0);
    }
  });
});

describe("a timeout page that failed after taking its rows", () => {
  it("is taken again by its retry: from the wait, or from where the failed attempt left the profile", async () => {
    const [still, further] = await profiles("failed", 2);
    const { journeyId, versionId } = await h.publish(await reactionJourney([still!, further!]));
    await h.executor.drain();
    const [w] = await waitsOf(journeyId);
    // What a crash leaves: the rows taken, one profile still at the wait, the other already at the "no" email.
    await h.db.execute(sql`delete from journey_waits where cohort_id = ${w!.cohortId}`);
    const moved = (await h.pathOf(journeyId, further!))!;
    await h.db.execute(sql`update journey_steps set finished_at = now(), outcome = 'timeout' where enrollment_id = ${moved.enrollmentId} and node_id = 'react'`);
    await h.db.execute(sql`insert into journey_steps (enrollment_id, journey_id, node_id, is_test) values (${moved.enrollmentId}, ${journeyId}, 'no', false)`);
    await h.db.execute(sql`update journey_enrollments set current_node_id = 'no' where id = ${moved.enrollmentId}`);

    const page = await takeTimeoutPage({ id: w!.cohortId!, workspaceId: h.ws, journeyId, versionId, nodeId: "react" }, 500);
    expect(page).toMatchObject({ moved: 2, more: false });
    for (const id of [still!, further!]) expect(await h.pathOf(journeyId, id)).toMatchObject({ status: "completed", steps: ["entry:entered", "first:delivered", "react:timeout", "no:delivered", "x2:exited"] });
    expect(await h.messagesOf(journeyId, "no")).toHaveLength(2);
    expect(await takeTimeoutPage({ id: w!.cohortId!, workspaceId: h.ws, journeyId, versionId, nodeId: "react" }, 500)).toMatchObject({ moved: 0, more: false });
  });
});

describe("a timeout cohort taken in several pages, one of whose profiles a failed page took", () => {
  it("finds that profile once the rows run out, and moves every profile once", async () => {
    const ids = await profiles("later", 3);
    const { journeyId, versionId } = await h.publish(await reactionJourney(ids));
    await h.executor.drain();
    const [w] = await waitsOf(journeyId);
    const lost = (await h.pathOf(journeyId, ids[1]!))!;
    await h.db.execute(sql`delete from journey_waits where enrollment_id = ${lost.enrollmentId}`);
    const cohort = { id: w!.cohortId!, workspaceId: h.ws, journeyId, versionId, nodeId: "react" };
    const pages = [];
    for (let more = true; more; ) {
      const page = await takeTimeoutPage(cohort, 1);
      pages.push(page.moved);
      more = page.more;
    }
    expect(pages.reduce((a, b) => a + b, 0)).toBe(3);
    for (const id of ids) expect(await h.pathOf(journeyId, id)).toMatchObject({ status: "completed", steps: ["entry:entered", "first:delivered", "react:timeout", "no:delivered", "x2:exited"] });
    expect(await h.messagesOf(journeyId, "no")).toHaveLength(3);
  });
});

describe("event waits wait as rows", () => {
  it("the event whose properties match takes the profile down 'received' and becomes its {{ event }}; the others time out", async () => {
    const [buyer, idle] = await profiles("buy", 2);
    const purchase = await h.definition("Purchased");
    const graph = {
      nodes: [
        node("entry", "entry_audience", { audienceId: await h.list([buyer!, idle!]) }),
        node("wait", "wait_event", { definitionId: purchase, where: [{ key: "plan", value: "pro" }], timeout: { amount: 2, unit: "days" } }),
        node("thanks", "message", { kind: "email", content: { subject: "Thanks for {{ event.product }}", html: "<p>{{ event.name }}</p>" } }),
        node("x1", "exit"), node("x2", "exit"),
      ],
      edges: [edge("entry", "wait"), edge("wait", "thanks", "received"), edge("wait", "x2", "timeout"), edge("thanks", "x1")],
    };
    const { journeyId } = await h.publish(graph);
    await h.executor.drain();
    expect((await waitsOf(journeyId)).map((w) => w.kind)).toEqual(["event", "event"]);

    await h.track("buy-0", "Purchased", { plan: "basic", product: "Chair" });
    await h.executor.drain();
    expect((await h.pathOf(journeyId, buyer!))?.at).toBe("wait");
    await h.track("buy-0", "Purchased", { plan: "pro", product: "Lamp" });
    await h.executor.drain();
    const bought = await h.pathOf(journeyId, buyer!);
    expect(bought).toMatchObject({ status: "completed", steps: ["entry:entered", "wait:received", "thanks:delivered", "x1:exited"] });
    const [thanks] = await h.messagesOf(journeyId, "thanks");
    expect(thanks?.content).toMatchObject({ subject: "Thanks for Lamp" });
    const [enrollment] = await h.db.select().from(journeyEnrollments).where(eq(journeyEnrollments.id, bought!.enrollmentId));
    expect(enrollment?.trigger).toMatchObject({ plan: "pro", product: "Lamp" });

    await h.executor.advance("2d");
    expect(await h.pathOf(journeyId, idle!)).toMatchObject({ status: "completed", steps: ["entry:entered", "wait:timeout", "x2:exited"] });
  });
});

describe("exit and stop end the waiting profiles", () => {
  it("an exit event removes the profile's wait; a stop removes every wait of the journey", async () => {
    const [leaver, stays] = await profiles("leave", 2);
    const cancel = await h.definition("Cancelled");
    const { journeyId } = await h.publish(await reactionJourney([leaver!, stays!]), { exitEventDefinitionIds: [cancel] });
    await h.executor.drain();
    await h.track("leave-0", "Cancelled");
    await h.executor.drain();
    expect((await waitsOf(journeyId)).map((w) => w.enrollmentId)).toEqual([(await h.pathOf(journeyId, stays!))!.enrollmentId]);
    await recordMessageEvent((await firstMessage(journeyId, leaver!)).id, "opened");
    expect((await h.pathOf(journeyId, leaver!))?.status).toBe("exited");

    await h.manager.journeys.stop({ workspaceId: h.ws, journeyId });
    await recordMessageEvent((await firstMessage(journeyId, stays!)).id, "opened");
    await h.executor.advance("1d");
    expect(await h.pathOf(journeyId, stays!)).toMatchObject({ status: "stopped", at: "react" });
    expect(await h.messagesOf(journeyId, "yes")).toHaveLength(0);
    expect(await h.messagesOf(journeyId, "no")).toHaveLength(0);
    expect(await waitsOf(journeyId)).toHaveLength(0); // the stop removed the rows
  });
});
