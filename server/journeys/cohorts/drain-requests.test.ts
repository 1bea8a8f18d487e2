import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { recordMessageEvent } from "@/server/messaging/message-events";
import { edge, email, journeyHarness, node } from "../testing/engine-harness";

let h: Awaited<ReturnType<typeof journeyHarness>>;
beforeAll(async () => {
  h = await journeyHarness("Drain requests");
});

async function openedJourney(n: number, prefix: string) {
  const ids = await Promise.all(
    Array.from({ length: n }, (_, i) => h.profile(`${prefix}-${i}`)),
  );
  const { journeyId } = await h.publish({
    nodes: [
      node("entry", "entry_audience", { audienceId: await h.list(ids) }),
      node("first", "message", email("First")),
      node("react", "reaction", {
        messageNodeId: "first",
        reaction: "opened",
        timeout: { amount: 1, unit: "days" },
      }),
      node("yes", "message", email("Yes")),
      node("no", "message", email("No")),
      node("x1", "exit"),
      node("x2", "exit"),
    ],
    edges: [
      edge("entry", "first"),
      edge("first", "react"),
      edge("react", "yes", "reacted"),
      edge("react", "no", "timeout"),
      edge("yes", "x1"),
      edge("no", "x2"),
    ],
  });
  await h.executor.drain();
  return { journeyId, firsts: await h.messagesOf(journeyId, "first") };
}

/** Drain events published for the workspace (each starts a journey.waits-decided run). */
const drainEvents = async () =>
  Number(
    rowsOf<{ n: number }>(
      await h.db.execute(
        sql`select count(*)::int as n from wf_events where name = 'parcours/journey.waits.decided' and data ->> 'workspaceId' = ${h.ws}`,
      ),
    )[0]!.n,
  );

describe("drain requests: one drain run per burst of decided waits, not one per open", () => {
  it("opens while a drain is pending start no other run; the drain takes them all; the next open starts a new one", async () => {
    const { journeyId, firsts } = await openedJourney(8, "burst");
    const before = await drainEvents();
    // Four opens at once (recorded together), then two one after the other: all before the drain starts.
    await Promise.all(
      firsts.slice(0, 4).map((m) => recordMessageEvent(m.id, "opened")),
    );
    for (const m of firsts.slice(4, 6))
      await recordMessageEvent(m.id, "opened");
    expect(await drainEvents()).toBe(before + 1);
    await h.executor.drain();
    expect(await h.messagesOf(journeyId, "yes")).toHaveLength(6);
    // The drain cleared the request: the next open asks for a new drain.
    await recordMessageEvent(firsts[6]!.id, "opened");
    expect(await drainEvents()).toBe(before + 2);
    await h.executor.drain();
    expect(await h.messagesOf(journeyId, "yes")).toHaveLength(7);
  });

  it("a request pending for longer than 5 s (its event lost with a process) is asked again", async () => {
    const { journeyId, firsts } = await openedJourney(3, "stale");
    const before = await drainEvents();
    // A request is pending, but no drain will come for it.
    await h.db
      .execute(sql`insert into journey_drain_requests (workspace_id, requested_at) values (${h.ws}, now() - interval '1 minute')
      on conflict (workspace_id) do update set requested_at = excluded.requested_at`);
    await recordMessageEvent(firsts[0]!.id, "opened");
    expect(await drainEvents()).toBe(before + 1);
    // A fresh one is not asked again.
    await recordMessageEvent(firsts[1]!.id, "opened");
    expect(await drainEvents()).toBe(before + 1);
    await h.executor.drain();
    expect(await h.messagesOf(journeyId, "yes")).toHaveLength(2);
  });
});
