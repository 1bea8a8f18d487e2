import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, like, sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { wfRuns } from "@/db/schema";
import { enroll } from "../enroll";
import { edge, email, journeyHarness, node } from "../testing/engine-harness";

let h: Awaited<ReturnType<typeof journeyHarness>>;
beforeAll(async () => {
  h = await journeyHarness("Advance together");
});

const runsOf = async (journeyId: string) => {
  const rows = await h.db.select({ event: wfRuns.event, status: wfRuns.status }).from(wfRuns).where(and(like(wfRuns.fnId, "%journey.run"), sql`${wfRuns.event} -> 'data' ->> 'journeyId' = ${journeyId}`));
  return rows.map((r) => ({ ...(r.event.data as { profileId: string; resume?: { nodeId: string } }), status: r.status }));
};

describe("a page of live profiles takes its first steps together", () => {
  it("sends the first email to the page, splits it, and starts a run only where a profile waits", async () => {
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await h.profile(`page-${i}`));
    const graph = {
      nodes: [
        node("entry", "entry_audience", { audienceId: await h.list(ids) }),
        node("first", "message", email("Welcome")),
        node("split", "random", { branches: [{ id: "a", label: "Now", percent: 50 }, { id: "b", label: "Later", percent: 50 }] }),
        node("wait", "wait", { mode: "duration", duration: { amount: 1, unit: "days" } }),
        node("second", "message", email("Second")),
        node("x1", "exit"), node("x2", "exit"),
      ],
      edges: [edge("entry", "first"), edge("first", "split"), edge("split", "x1", "a"), edge("split", "wait", "b"), edge("wait", "second"), edge("second", "x2")],
    };
    const { journeyId } = await h.publish(graph);
    await h.executor.drain();

    expect((await h.messagesOf(journeyId, "first")).map((m) => m.profileId).sort()).toEqual([...ids].sort());
    const paths = await Promise.all(ids.map((id) => h.pathOf(journeyId, id)));
    const exited = paths.filter((p) => p?.status === "completed");
    const waiting = paths.filter((p) => p?.status === "active");
    expect(exited.length + waiting.length).toBe(12);
    expect(exited.length).toBeGreaterThan(0);
    expect(waiting.length).toBeGreaterThan(0);
    for (const p of exited) expect(p?.steps).toEqual(["entry:entered", "first:delivered", "split:Now", "x1:exited"]);
    for (const p of waiting) expect(p).toMatchObject({ at: "wait", steps: ["entry:entered", "first:delivered", "split:Later", "wait:…"] });
    // The waiting profiles are one cohort with one durable run, asleep until the wait ends; no run per profile.
    expect(await runsOf(journeyId)).toHaveLength(0);
    const pending = rowsOf<{ kind: string; early: boolean; members: number }>(await h.db.execute(sql`select j.kind, j.run_at < ${h.clock.now().toISOString()}::timestamptz + interval '23 hours' as early,
      (select count(*)::int from journey_enrollments e where e.cohort_id = (r.event -> 'data' ->> 'cohortId')::uuid and e.status = 'active') as members
      from wf_jobs j join wf_runs r on r.id = j.run_id where j.done_at is null and r.fn_id like '%journey.cohort' and r.event -> 'data' ->> 'journeyId' = ${journeyId}`));
    expect(pending).toEqual([{ kind: "sleep", early: false, members: waiting.length }]);

    await h.executor.advance("1d");
    expect(await h.messagesOf(journeyId, "second")).toHaveLength(waiting.length);
    const after = rowsOf<{ status: string; steps: number }>(await h.db.execute(sql`select status, (select count(*)::int from journey_steps s where s.enrollment_id = e.id) as steps
      from journey_enrollments e where e.journey_id = ${journeyId} and e.id = any(${`{${waiting.map((p) => p!.enrollmentId).join(",")}}`}::uuid[])`));
    expect(after).toEqual(waiting.map(() => ({ status: "completed", steps: 6 })));
  });

  it("a retried page goes on from each profile's trace and sends nothing twice", async () => {
    const ids = [await h.profile("retry-a"), await h.profile("retry-b")];
    const graph = {
      nodes: [
        node("entry", "entry_audience", { audienceId: await h.list([]) }),
        node("first", "message", email("Once")),
        node("react", "reaction", { messageNodeId: "first", reaction: "opened", timeout: { amount: 1, unit: "days" } }),
        node("x1", "exit"), node("x2", "exit"),
      ],
      edges: [edge("entry", "first"), edge("first", "react"), edge("react", "x1", "reacted"), edge("react", "x2", "timeout")],
    };
    const { journeyId, versionId } = await h.publish(graph);
    await h.executor.drain();
    const request = { workspaceId: h.ws, journeyId, versionId, profileIds: ids, test: false, reEntry: { mode: "never" as const } };
    expect(await enroll(request)).toMatchObject({ entered: 2, read: 2 });
    // The same step again, as after a crash between sending and returning.
    expect(await enroll(request)).toMatchObject({ entered: 0, read: 2 });
    await h.executor.drain();

    expect(await h.messagesOf(journeyId, "first")).toHaveLength(2);
    // They wait for their reaction as rows (cohorts/enter-waits.ts), once each, without a run.
    expect(await runsOf(journeyId)).toHaveLength(0);
    const waits = rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from journey_waits where journey_id = ${journeyId} and node_id = 'react'`));
    expect(waits[0]?.n).toBe(2);
    for (const id of ids) expect(await h.pathOf(journeyId, id)).toMatchObject({ status: "active", at: "react", steps: ["entry:entered", "first:delivered", "react:…"] });
    await h.executor.advance("1d");
    for (const id of ids) expect(await h.pathOf(journeyId, id)).toMatchObject({ status: "completed", steps: ["entry:entered", "first:delivered", "react:timeout", "x2:exited"] });
    expect(await h.db.select().from(wfRuns).where(eq(wfRuns.status, "failed"))).toHaveLength(0);
  });
});
