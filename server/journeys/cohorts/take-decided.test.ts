import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { journeyWaits } from "@/db/schema";
import { recordMessageEvent } from "@/server/messaging/message-events";
import { edge, email, journeyHarness, node } from "../testing/engine-harness";
import { takeDecidedPage } from "./take-decided";

let h: Awaited<ReturnType<typeof journeyHarness>>;
beforeAll(async () => {
  h = await journeyHarness("Decided waits");
});

async function openedJourney(n: number, prefix: string) {
  const ids = await Promise.all(Array.from({ length: n }, (_, i) => h.profile(`${prefix}-${i}`)));
  const { journeyId } = await h.publish({
    nodes: [
      node("entry", "entry_audience", { audienceId: await h.list(ids) }),
      node("first", "message", email("First")),
      node("react", "reaction", { messageNodeId: "first", reaction: "opened", timeout: { amount: 1, unit: "days" } }),
      node("yes", "message", email("Yes")), node("no", "message", email("No")),
      node("x1", "exit"), node("x2", "exit"),
    ],
    edges: [edge("entry", "first"), edge("first", "react"), edge("react", "yes", "reacted"), edge("react", "no", "timeout"), edge("yes", "x1"), edge("no", "x2")],
  });
  await h.executor.drain();
  return { ids, journeyId };
}

const expected = ["entry:entered", "first:delivered", "react:opened", "yes:delivered", "x1:exited"];

describe("a drain of decided waits that crashed", () => {
  it("is taken again: by its own retry at once, by another drain once its hold is over; nobody is sent twice", async () => {
    const { ids, journeyId } = await openedJourney(4, "crash");
    // The opens are decided, but their drain never runs (a crash between the intake and it).
    for (const m of await h.messagesOf(journeyId, "first")) await recordMessageEvent(m.id, "opened");
    const decided = await h.db.select().from(journeyWaits).where(eq(journeyWaits.journeyId, journeyId));
    expect(decided.every((w) => w.decided?.handle === "reacted")).toBe(true);
    // A drain took two and died; its hold is still on.
    await h.db.execute(sql`update journey_waits set taken_by = 'dead-run', taken_until = now() + interval '2 minutes'
      where enrollment_id in (select enrollment_id from journey_waits where journey_id = ${journeyId} order by enrollment_id limit 2)`);
    const held = (await h.db.select().from(journeyWaits).where(eq(journeyWaits.takenBy, "dead-run"))).map((w) => w.enrollmentId);
    // Another drain skips the held rows and takes the other two.
    expect(await takeDecidedPage(h.ws, "other-run", 500)).toEqual({ moved: 2, more: false });
    expect((await h.db.select().from(journeyWaits).where(eq(journeyWaits.journeyId, journeyId))).map((w) => w.enrollmentId).sort()).toEqual([...held].sort());
    // The dead drain's retry (the same run) takes its own rows again.
    expect(await takeDecidedPage(h.ws, "dead-run", 500)).toEqual({ moved: 2, more: false });
    for (const id of ids) expect(await h.pathOf(journeyId, id)).toMatchObject({ status: "completed", steps: expected });
    expect(await h.messagesOf(journeyId, "yes")).toHaveLength(4);
    expect(await takeDecidedPage(h.ws, "any-run", 500)).toEqual({ moved: 0, more: false });
  });

  it("a hold that ran out is taken by any drain, and the timeout at the deadline never takes a decided profile", async () => {
    const { ids, journeyId } = await openedJourney(3, "expired");
    const [opened] = await h.messagesOf(journeyId, "first");
    await recordMessageEvent(opened!.id, "opened");
    await h.db.execute(sql`update journey_waits set taken_by = 'dead-run', taken_until = now() - interval '1 second' where decided is not null and journey_id = ${journeyId}`);
    // The deadline comes with the decided row still there: the timeout takes only the other two, then drains it.
    await h.executor.advance("1d");
    const opener = ids.find((id) => id === opened!.profileId)!;
    expect(await h.pathOf(journeyId, opener)).toMatchObject({ status: "completed", steps: expected });
    for (const id of ids.filter((x) => x !== opener)) expect((await h.pathOf(journeyId, id))?.steps).toContain("react:timeout");
    expect((await h.messagesOf(journeyId, "yes")).map((m) => m.profileId)).toEqual([opener]);
    expect(await h.messagesOf(journeyId, "no")).toHaveLength(2);
  });
});
