import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { wfRuns } from "@/db/schema";
import { transaction } from "@/db/transaction";
import { VirtualClock } from "./clock";
import { EmbeddedExecutor } from "./executor";
import { registerWait } from "./register-wait";

const WAITS = 2_000;
const SCANNED = 50; // waits whose `if` has no equality on async: matched by scan
const DUPLICATES = 300; // further events matching a wait another event also matches
// Far ahead of every other test's clock: the calls this queues are due for no other executor.
const NOW = new Date("2100-01-01T00:00:00Z");

describe("embedded executor: concurrent intakes resolve every wait once", () => {
  it("thousands of events from several connections at once: each wait resolves exactly once, none is lost", async () => {
    const db = await getDb();
    const fnId = `concurrent-${crypto.randomUUID().slice(0, 8)}`;
    const name = `test/${fnId}/paid`;
    const runs = Array.from({ length: WAITS }, (_, i) => ({
      id: crypto.randomUUID(),
      fnId,
      status: "running" as const,
      event: { name: "test/start", id: `s${i}`, ts: 0, data: { profileId: `p${i}`, n: i } },
      maxAttempts: 1,
      startedAt: NOW,
    }));
    for (let i = 0; i < WAITS; i += 500) await db.insert(wfRuns).values(runs.slice(i, i + 500));
    await transaction(db, async (tx) => {
      for (const [i, run] of runs.entries()) {
        const expression = i < SCANNED ? "async.data.n >= event.data.n && async.data.n <= event.data.n" : 'event.data.profileId == async.data.profileId && async.data.kind == "order"';
        await registerWait(tx, { runId: run.id, stepId: "paid", eventName: name, expression, createdAt: NOW, expiresAt: new Date(NOW.getTime() + 86_400_000) }, run.event);
      }
    });
    const events = [...runs.keys(), ...Array.from({ length: DUPLICATES }, (_, i) => (i * 7) % WAITS)].map((i) => ({ name, data: { profileId: `p${i}`, n: i, kind: "order" } }));
    events.sort(() => Math.random() - 0.5);

    const executor = new EmbeddedExecutor({ db, functions: [], appId: fnId, invoke: () => Promise.reject(new Error("not started")), clock: new VirtualClock(NOW) });
    let next = 0;
    const sender = async () => {
      while (next < events.length) {
        const chunk = events.slice(next, next + 10);
        next += 10;
        await executor.send(chunk);
      }
    };
    await Promise.all(Array.from({ length: 8 }, sender));

    const perRun = rowsOf<{ id: string; resolved: number; open: number; stack: number; profile: string | null; calls: number }>(
      await db.execute(sql`select r.id,
        (select count(*)::int from wf_run_log l where l.run_id = r.id and l.kind = 'wait.resolved') as resolved,
        (select count(*)::int from wf_waits w where w.run_id = r.id and w.resolved_at is null) as open,
        jsonb_array_length(r.stack) as stack,
        r.steps #>> '{paid,data,data,profileId}' as profile,
        (select count(*)::int from wf_jobs j where j.run_id = r.id and j.kind = 'call') as calls
        from wf_runs r where r.fn_id = ${fnId}`),
    );
    const scanned = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from wf_waits w join wf_runs r on r.id = w.run_id where r.fn_id = ${fnId} and w.matched_by_scan`));
    await db.delete(wfRuns).where(sql`${wfRuns.fnId} = ${fnId}`);

    expect(scanned[0]!.n).toBe(SCANNED);
    expect(perRun).toHaveLength(WAITS);
    const byId = new Map(runs.map((r) => [r.id, r.event.data.profileId]));
    const wrong = perRun.filter((r) => r.resolved !== 1 || r.open !== 0 || r.stack !== 1 || r.calls !== 1 || r.profile !== byId.get(r.id));
    expect(wrong).toEqual([]);
  }, 300_000);
});
