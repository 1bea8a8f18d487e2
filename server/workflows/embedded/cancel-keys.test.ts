import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { createTestHarness } from "./testing/test-executor";

const statusByUser = async (runs: { event: unknown; status: string }[]) => runs.map((r) => [(r.event as { data: { userId: string } }).data.userId, r.status]).sort();

describe("cancelOn found by key", () => {
  it("files keyed runs under their key, unconditional cancels under the scan key; both cancel what they match", async () => {
    const h = createTestHarness();
    const sleeper = async ({ step }: { step: { sleep: (id: string, d: string) => Promise<void> } }) => {
      await step.sleep("long", "7d");
      return "finished";
    };
    const keyed = h.inngest.createFunction({ id: "keyed", triggers: [{ event: "test/start" }], cancelOn: [{ event: "test/stop", if: "event.data.userId == async.data.userId && async.data.reason == 'asked'" }] }, sleeper);
    const every = h.inngest.createFunction({ id: "every", triggers: [{ event: "test/start" }], cancelOn: [{ event: "test/halt" }] }, sleeper);
    const ex = await h.start([keyed, every]);
    await ex.send(["a", "b", "c"].map((userId) => ({ name: "test/start", data: { userId } })));
    await ex.drain();
    const filed = rowsOf<{ fn_id: string; scan: boolean }>(
      await (await getDb()).execute(sql`select r.fn_id, k.match_key = '*' as scan from wf_cancel_keys k join wf_runs r on r.id = k.run_id where r.fn_id like ${`${h.appId}-%`}`),
    );
    expect(filed.map((f) => `${f.fn_id.slice(h.appId.length + 1)}:${f.scan}`).sort()).toEqual(["every:true", "every:true", "every:true", "keyed:false", "keyed:false", "keyed:false"]);

    await ex.send([{ name: "test/stop", data: { userId: "a", reason: "other" } }, { name: "test/stop", data: { userId: "b", reason: "asked" } }, { name: "test/stop", data: { userId: 1, reason: "asked" } }]);
    await ex.send({ name: "test/halt" });
    await ex.advance("7d");
    expect(await statusByUser(await h.runsOf("keyed"))).toEqual([["a", "completed"], ["b", "cancelled"], ["c", "completed"]]);
    expect(await statusByUser(await h.runsOf("every"))).toEqual([["a", "cancelled"], ["b", "cancelled"], ["c", "cancelled"]]);
  });

  it("a run started before keys were filed (migration 0024) is still checked", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "old", triggers: [{ event: "test/start" }], cancelOn: [{ event: "test/stop", match: "data.userId" }] }, async ({ step }) => {
      await step.sleep("long", "7d");
    });
    const ex = await h.start([fn]);
    await ex.send([{ name: "test/start", data: { userId: "a" } }, { name: "test/start", data: { userId: "b" } }]);
    await ex.drain();
    const db = await getDb();
    const runIds = sql`(select id from wf_runs where fn_id = ${`${h.appId}-old`})`;
    await db.execute(sql`delete from wf_cancel_keys where run_id in ${runIds}`);
    await db.execute(sql`insert into wf_cancel_keys (event_name, match_key, run_id) select '*', '*', id from wf_runs where id in ${runIds}`);
    await ex.send({ name: "test/stop", data: { userId: "b" } });
    await ex.advance("7d");
    expect(await statusByUser(await h.runsOf("old"))).toEqual([["a", "completed"], ["b", "cancelled"]]);
  });
});
