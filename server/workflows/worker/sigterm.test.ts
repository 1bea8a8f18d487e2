import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { messages } from "@/db/schema";
import { callerFor } from "@/test/fixtures";
import { createAppExecutor } from "../embedded/start-embedded";
import { killAll, spawnChild } from "./testing/processes";
import { executionOf, sendFixture, sentCounts } from "./testing/send-fixture";

// `npm run worker` gets SIGTERM while it sends a campaign: it finishes the group of messages
// in hand, gives the run back (no lease to wait out) and exits 0; a second worker finishes.
const url = process.env.PARCOURS_TEST_DATABASE_URL;
// Six paced batches of 2,000 (2 s windows): the stop must land before the last one, so the
// test waits for the first batches, whichever it sees while a group is being sent.
const RECIPIENTS = 12_000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
afterAll(killAll);

async function campaignJob() {
  const db = await getDb();
  const [job] = rowsOf<{ locked_by: string | null }>(await db.execute(sql`select locked_by from wf_jobs where fn_id = 'parcours-campaign.execution' and done_at is null order by id limit 1`));
  return job ?? null;
}

async function sendingNow(executionId: string) {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(messages).where(and(eq(messages.sourceId, executionId), eq(messages.status, "sending")));
  return row!.n;
}

// PostgreSQL only: PGlite is one process's database.
describe.runIf(url)("SIGTERM to a worker during a send", () => {
  it("loses and duplicates nothing, and the next worker takes over at once", async () => {
    const f = await sendFixture(RECIPIENTS, 1_000);
    await createAppExecutor(); // activation's event is stored for the workers
    const first = spawnChild("worker", url!, { PARCOURS_SHUTDOWN_GRACE_MS: "15000" });
    const web = spawnChild("web", url!); // PARCOURS_EXECUTOR=off
    await Promise.all([first.line((l) => l.includes(" running ")), web.line((l) => l === "ready")]);
    await callerFor(f.team.users.manager).campaigns.activate({ workspaceId: f.ws, campaignId: f.campaignId });
    const executionId = await (async () => {
      for (const end = Date.now() + 60_000; Date.now() < end; await pause(20)) {
        const execution = await executionOf(f.campaignId);
        if (execution && execution.processed >= RECIPIENTS / 5 && execution.processed < RECIPIENTS - 2_000 && (await sendingNow(execution.id)) > 0) return execution.id;
      }
      throw new Error("no group was seen being sent before the last batch");
    })();
    const termAt = Date.now();
    first.proc.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    const stopMs = Date.now() - termAt;
    expect(stopMs).toBeLessThan(10_000); // the group in hand finished, well within the grace period
    await first.line((l) => l.includes("stopped in") && l.includes("the jobs in hand finished"));
    const atStop = (await executionOf(f.campaignId))!;
    expect(atStop.status).toBe("sending");
    expect(atStop.processed).toBeLessThan(RECIPIENTS);
    expect(await sendingNow(executionId)).toBe(0); // nothing left half-sent
    expect(await campaignJob()).toEqual({ locked_by: null }); // handed back, not leased
    await pause(1_500);
    expect(await campaignJob()).toEqual({ locked_by: null }); // due, and the web process (executor off) leaves it

    const second = spawnChild("worker", url!);
    await second.line((l) => l.includes(" running "));
    const readyAt = Date.now();
    const taken = async () => (await campaignJob())?.locked_by?.endsWith(`-${second.proc.pid}`) || (await executionOf(f.campaignId))!.status === "completed";
    while (!(await taken()) && Date.now() - readyAt < 15_000) await pause(50);
    const takenMs = Date.now() - readyAt;
    expect(takenMs).toBeLessThan(5_000); // no 20 s lease to wait out
    while ((await executionOf(f.campaignId))!.status !== "completed" && Date.now() - readyAt < 60_000) await pause(200);
    expect(await executionOf(f.campaignId)).toMatchObject({ status: "completed", targeted: RECIPIENTS, processed: RECIPIENTS });
    expect(await sentCounts(f.ws, "campaign", executionId)).toEqual({ messages: RECIPIENTS, pairs: RECIPIENTS, duplicated: 0, sending: 0 });
    for (const child of [second, web]) child.proc.kill("SIGTERM");
    expect(await Promise.all([second.exited, web.exited])).toEqual([0, 0]);
    console.log(`[sigterm] stopped ${stopMs} ms after SIGTERM at ${atStop.processed}/${RECIPIENTS}; the next worker took the run ${takenMs} ms after it was ready`);
  }, 120_000);
});
