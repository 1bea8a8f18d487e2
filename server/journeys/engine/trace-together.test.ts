import { beforeAll, describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { edge, email, journeyHarness, node } from "../testing/engine-harness";
import { enterStatement, exitStatement, exitTogether, finishStatement, type TAt } from "./trace-together";

const ENROLLMENTS = 5_000; // two steps each: a trace of 10,000 rows, where the planner used to hash-join it whole

let h: Awaited<ReturnType<typeof journeyHarness>>;
let ats: TAt[];
let journeyId: string;
beforeAll(async () => {
  h = await journeyHarness("Trace together");
  const published = await h.publish({ nodes: [node("entry", "entry_audience", { audienceId: await h.list([]) }), node("first", "message", email("First")), node("x", "exit")], edges: [edge("entry", "first"), edge("first", "x")] });
  journeyId = published.journeyId;
  await h.db.execute(sql`
    with p as (insert into profiles (workspace_id, attributes) select ${h.ws}, '{}'::jsonb from generate_series(1, ${ENROLLMENTS}) returning id),
    e as (insert into journey_enrollments (workspace_id, journey_id, version_id, profile_id, current_node_id) select ${h.ws}, ${journeyId}, ${published.versionId}, id, 'first' from p returning id)
    insert into journey_steps (enrollment_id, journey_id, node_id, finished_at) select id, ${journeyId}, n, case n when 'entry' then now() end from e, unnest(array['entry', 'first']) n`);
  await h.db.execute(sql`analyze journey_steps`);
  await h.db.execute(sql`analyze journey_enrollments`);
  const some = rowsOf<{ id: string; profile_id: string }>(await h.db.execute(sql`select id, profile_id from journey_enrollments where journey_id = ${journeyId} limit 20`));
  ats = some.map((e) => ({ enrollmentId: e.id, profileId: e.profile_id, left: { nodeId: "first", outcome: "sent" } }));
}, 120_000);

const planOf = async (statement: SQL) => rowsOf<{ "QUERY PLAN": string }>(await h.db.execute(sql`explain ${statement}`)).map((r) => r["QUERY PLAN"]).join("\n");

describe("closing a page's steps reads the trace by its index, however long the trace", () => {
  it("finishTogether", async () => {
    const plan = await planOf(finishStatement(ats, "completed", null));
    expect(plan).not.toMatch(/Seq Scan on journey_steps/);
    expect(plan).toMatch(/Index Scan (using|on) journey_steps_enrollment_id_node_id_index/);
  });

  it("enterTogether", async () => {
    const plan = await planOf(enterStatement(ats, journeyId, "x", false));
    expect(plan).not.toMatch(/Seq Scan on journey_steps/);
    expect(plan).toMatch(/Index Scan (using|on) journey_steps_enrollment_id_node_id_index/);
  });

  it("exitTogether", async () => {
    const plan = await planOf(exitStatement(ats, journeyId, "x"));
    expect(plan).not.toMatch(/Seq Scan on journey_steps/);
    expect(plan).toMatch(/Index Scan (using|on) journey_steps_enrollment_id_node_id_index/);
  });
});

describe("exitTogether", () => {
  it("closes the step left, records the exit closed and completes the enrollment in one statement; one ended meanwhile gets no exit step", async () => {
    const [first, second, ended] = ats.slice(-3);
    await h.db.execute(sql`update journey_enrollments set status = 'exited', exit_reason = 'Exit event', finished_at = now() where id = ${ended!.enrollmentId}`);
    await exitTogether([first!, second!, ended!], journeyId, "x");
    await exitTogether([first!], journeyId, "x"); // a retried page changes nothing
    const rows = rowsOf<{ id: string; status: string; current_node_id: string; steps: string }>(
      await h.db.execute(sql`select e.id, e.status, e.current_node_id,
        (select string_agg(s.node_id || ':' || coalesce(s.outcome, '-') || ':' || (s.finished_at is not null), ',' order by s.id) from journey_steps s where s.enrollment_id = e.id) as steps
        from journey_enrollments e where e.id in (${first!.enrollmentId}, ${second!.enrollmentId}, ${ended!.enrollmentId})`),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const at of [first!, second!]) expect(byId.get(at.enrollmentId)).toMatchObject({ status: "completed", current_node_id: "x", steps: "entry:-:true,first:sent:true,x:exited:true" });
    // No exit step and no new status for it (what ended it closes its own steps).
    expect(byId.get(ended!.enrollmentId)).toMatchObject({ status: "exited", current_node_id: "first" });
    expect(byId.get(ended!.enrollmentId)!.steps).not.toMatch(/x:/);
  });
});
