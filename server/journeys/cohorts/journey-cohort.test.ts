import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { edge, email, journeyHarness, node } from "../testing/engine-harness";
import { loadCohort } from "./cohort-rows";
import { takeWaitPage } from "./take-wait-page";

let h: Awaited<ReturnType<typeof journeyHarness>>;
beforeAll(async () => {
  h = await journeyHarness("Journey cohorts");
});

const day = (id: string) => node(id, "wait", { mode: "duration", duration: { amount: 1, unit: "days" } });

/** email -> wait 1 day -> email (-> wait 1 day -> email, with `twoWaits`) -> exit, for an audience of `ids`. */
async function publishEmails(ids: string[], twoWaits = false, settings = {}) {
  const chain = twoWaits ? ["entry", "first", "wait", "second", "wait2", "third", "x"] : ["entry", "first", "wait", "second", "x"];
  const make: Record<string, () => ReturnType<typeof node>> = { first: () => node("first", "message", email("First")), wait: () => day("wait"), second: () => node("second", "message", email("Second")), wait2: () => day("wait2"), third: () => node("third", "message", email("Third")), x: () => node("x", "exit") };
  const entry = node("entry", "entry_audience", { audienceId: await h.list(ids) });
  return h.publish({ nodes: [entry, ...chain.slice(1).map((id) => make[id]!())], edges: chain.slice(1).map((id, i) => edge(chain[i]!, id)) }, settings);
}

/** Profiles made in one statement (the harness's one by one is slow for a thousand). */
async function manyProfiles(n: number, prefix: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(await h.db.execute(sql`with p as (insert into profiles (workspace_id, attributes) select ${h.ws}, jsonb_build_object('firstName', ${prefix} || g) from generate_series(1, ${n}) g returning id)
    , i as (insert into profile_identities (workspace_id, namespace, value, profile_id) select ${h.ws}, 'email', ${prefix} || id || '@example.com', id from p)
    select id from p`));
  return rows.map((r) => r.id);
}

const count = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await h.db.execute(q))[0]?.n ?? 0);
const runsOf = (journeyId: string, fn: string) => count(sql`select count(*)::int as n from wf_runs where fn_id like ${`%${fn}`} and event -> 'data' ->> 'journeyId' = ${journeyId}`);
const cohortsOf = (journeyId: string) => h.db.execute(sql`select id, node_id, status, size, moved from journey_cohorts where journey_id = ${journeyId} order by created_at`).then((r) => rowsOf<{ id: string; node_id: string; status: string; size: number; moved: number }>(r));

describe("profiles that wait together move together", () => {
  it("a cohort's profiles get the second email once the day is over, each along its own path", async () => {
    const ids = [await h.profile("co-ann"), await h.profile("co-bob"), await h.profile("co-cy")];
    const { journeyId } = await publishEmails(ids);
    await h.executor.drain();
    expect(await h.messagesOf(journeyId, "first")).toHaveLength(3);
    expect(await cohortsOf(journeyId)).toMatchObject([{ node_id: "wait", status: "waiting", size: 3, moved: 0 }]);
    await h.executor.advance("23h");
    expect(await h.messagesOf(journeyId, "second")).toHaveLength(0);
    await h.executor.advance("1h");
    const second = await h.messagesOf(journeyId, "second");
    expect(second.map((m) => m.profileId).sort()).toEqual([...ids].sort());
    expect(second[0]?.content).toMatchObject({ subject: "Second" });
    for (const id of ids) expect(await h.pathOf(journeyId, id)).toMatchObject({ status: "completed", steps: ["entry:entered", "first:delivered", "wait:waited", "second:delivered", "x:exited"] });
    expect(await cohortsOf(journeyId)).toMatchObject([{ status: "done", moved: 3 }]);
    expect(await runsOf(journeyId, "journey.run")).toBe(0);
    expect(await count(sql`select count(*)::int as n from journey_enrollments where journey_id = ${journeyId} and status = 'active' and cohort_id is not null`)).toBe(0);
  });

  it("at most one durable run per 500 profiles per wait, and none per profile", async () => {
    const ids = await manyProfiles(1_200, "many-");
    const { journeyId } = await publishEmails(ids, true);
    // Two entry pages (1,000 a second), so two cohorts at the first wait.
    await h.executor.advance("5s");
    expect(await h.messagesOf(journeyId, "first")).toHaveLength(1_200);
    await h.executor.advance("1d");
    expect(await h.messagesOf(journeyId, "second")).toHaveLength(1_200);
    await h.executor.advance("1d");
    expect(await h.messagesOf(journeyId, "third")).toHaveLength(1_200);
    expect(await count(sql`select count(*)::int as n from journey_enrollments where journey_id = ${journeyId} and status = 'completed'`)).toBe(1_200);
    const cohorts = await cohortsOf(journeyId);
    for (const wait of ["wait", "wait2"]) expect(cohorts.filter((c) => c.node_id === wait).length).toBeLessThanOrEqual(Math.ceil(1_200 / 500));
    expect(await runsOf(journeyId, "journey.cohort")).toBe(cohorts.length);
    expect(await runsOf(journeyId, "journey.run")).toBe(0);
    expect(await count(sql`select count(*)::int as n from wf_runs where fn_id like '%journey.cohort' and status <> 'completed' and event -> 'data' ->> 'journeyId' = ${journeyId}`)).toBe(0);
  }, 120_000);

  it("stopping the journey ends its cohorts: their members are stopped and their run cancelled", async () => {
    const ids = [await h.profile("stop-a"), await h.profile("stop-b")];
    const { journeyId } = await publishEmails(ids);
    await h.executor.drain();
    await h.manager.journeys.stop({ workspaceId: h.ws, journeyId });
    await h.executor.advance("2d");
    expect(await cohortsOf(journeyId)).toMatchObject([{ status: "stopped", moved: 0 }]);
    for (const id of ids) expect(await h.pathOf(journeyId, id)).toMatchObject({ status: "stopped", steps: ["entry:entered", "first:delivered", "wait:journey stopped"] });
    expect(await h.messagesOf(journeyId, "second")).toHaveLength(0);
    expect(await count(sql`select count(*)::int as n from wf_runs where fn_id like '%journey.cohort' and status = 'cancelled' and event -> 'data' ->> 'journeyId' = ${journeyId}`)).toBe(1);
  });

  it("an exit event ends a member while it waits: the cohort does not take it on", async () => {
    await h.profile("exit-stays");
    await h.profile("exit-leaves");
    const leave = await h.definition("Left Us");
    const join = await h.definition("Joined Us");
    const graph = {
      nodes: [node("entry", "entry_event", { definitionId: join }), node("first", "message", email("First")), day("wait"), node("second", "message", { kind: "email", content: { subject: "Second for {{ event.plan }}", html: "<p>x</p>" } }), node("x", "exit")],
      edges: [edge("entry", "first"), edge("first", "wait"), edge("wait", "second"), edge("second", "x")],
    };
    const { journeyId } = await h.publish(graph, { exitEventDefinitionIds: [leave] });
    await h.track("exit-stays", "Joined Us", { plan: "gold" });
    await h.track("exit-leaves", "Joined Us", { plan: "tin" });
    await h.executor.drain();
    await h.track("exit-leaves", "Left Us");
    await h.executor.advance("1d");
    const second = await h.messagesOf(journeyId, "second");
    expect(second).toHaveLength(1);
    // The member's {{ event.* }} comes from its enrollment's trigger.
    expect(second[0]?.content).toMatchObject({ subject: "Second for gold" });
    const rows = rowsOf<{ status: string }>(await h.db.execute(sql`select status from journey_enrollments where journey_id = ${journeyId} order by status`));
    expect(rows.map((r) => r.status)).toEqual(["completed", "exited"]);
  });

  it("attribute and list steps after the wait are taken together too: no run per profile", async () => {
    const ids = [await h.profile("al-a"), await h.profile("al-b")];
    const tagged = await h.list([ids[1]!]);
    const graph = {
      nodes: [node("entry", "entry_audience", { audienceId: await h.list(ids) }), day("wait"), node("mark", "update_attribute", { key: "stage", value: "after-wait" }), node("tag", "list", { action: "add", listId: tagged }), node("x", "exit")],
      edges: [edge("entry", "wait"), edge("wait", "mark"), edge("mark", "tag"), edge("tag", "x")],
    };
    const { journeyId } = await h.publish(graph);
    await h.executor.drain();
    await h.executor.advance("1d");
    const members = rowsOf<{ profile_id: string }>(await h.db.execute(sql`select profile_id from audience_members where audience_id = ${tagged}`));
    expect(members.map((m) => m.profile_id).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(await h.pathOf(journeyId, id)).toMatchObject({ status: "completed", steps: ["entry:entered", "wait:waited", "mark:updated", "tag:added", "x:exited"] });
      const [p] = rowsOf<{ stage: string }>(await h.db.execute(sql`select attributes ->> 'stage' as stage from profiles where id = ${id}`));
      expect(p?.stage).toBe("after-wait");
    }
    const details = rowsOf<{ detail: { changed: number } }>(await h.db.execute(sql`select s.detail from journey_steps s join journey_enrollments e on e.id = s.enrollment_id where e.journey_id = ${journeyId} and s.node_id = 'tag' order by e.profile_id = ${ids[1]!}`));
    expect(details.map((d) => d.detail.changed)).toEqual([1, 0]); // the second was in the list already
    expect(await runsOf(journeyId, "journey.run")).toBe(0);
  });

  it("a retried page goes on from where each member's trace says and sends nothing twice", async () => {
    const ids = [await h.profile("rp-a"), await h.profile("rp-b"), await h.profile("rp-c")];
    const { journeyId } = await publishEmails(ids, true);
    await h.executor.drain();
    const [first] = await cohortsOf(journeyId);
    const cohort = (await loadCohort(first!.id))!;
    // Due, but the executor has not run the cohort: this test takes its page itself.
    h.clock.add("1d");
    expect(await takeWaitPage(cohort, { after: null, taken: 0 }, 500)).toMatchObject({ taken: 3, done: true });
    // As if that attempt had crashed before its members left the cohort, one of them before
    // reaching the second wait (its second email sent): the retry finds all three in the cohort.
    const [early] = rowsOf<{ id: string }>(await h.db.execute(sql`select id from journey_enrollments where journey_id = ${journeyId} order by id limit 1`));
    await h.db.execute(sql`update journey_enrollments set cohort_id = ${cohort.id} where journey_id = ${journeyId}`);
    await h.db.execute(sql`update journey_enrollments set current_node_id = 'second' where id = ${early!.id}`);
    await h.db.execute(sql`delete from journey_steps where enrollment_id = ${early!.id} and node_id = 'wait2'`);
    expect(await takeWaitPage(cohort, { after: null, taken: 0 }, 500)).toMatchObject({ taken: 3, done: true });
    expect(await h.messagesOf(journeyId, "second")).toHaveLength(3);
    for (const id of ids) expect(await h.pathOf(journeyId, id)).toMatchObject({ status: "active", at: "wait2", steps: ["entry:entered", "first:delivered", "wait:waited", "second:delivered", "wait2:…"] });
    await h.executor.advance("1d");
    expect(await h.messagesOf(journeyId, "third")).toHaveLength(3);
    for (const id of ids) expect(await h.pathOf(journeyId, id)).toMatchObject({ status: "completed", steps: ["entry:entered", "first:delivered", "wait:waited", "second:delivered", "wait2:waited", "third:delivered", "x:exited"] });
    expect(await runsOf(journeyId, "journey.run")).toBe(0);
  });
});
