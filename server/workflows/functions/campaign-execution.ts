import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignExecutions, campaigns } from "@/db/schema";
import { batchPlan, nextBatchSize } from "@/server/campaigns/execution/batch-plan";
import { executionStatus, finishExecution } from "@/server/campaigns/execution/finish-execution";
import { sendBatch } from "@/server/campaigns/execution/send-batch";
import { sendSeeds } from "@/server/campaigns/execution/send-seeds";
import { snapshotAudience } from "@/server/campaigns/execution/snapshot-audience";
import { inngest } from "../client";
import { campaignExecutionRequested, campaignExecutionResumed } from "../events";

async function loadExecution(executionId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ occurrenceAt: campaignExecutions.occurrenceAt, ratePerSecond: campaigns.ratePerSecond, seeded: sql<boolean>`jsonb_array_length(${campaigns.seedAddresses}) > 0` })
    .from(campaignExecutions)
    .innerJoin(campaigns, eq(campaigns.id, campaignExecutions.campaignId))
    .where(eq(campaignExecutions.id, executionId));
  return row ? { occurrenceAt: row.occurrenceAt.toISOString(), ratePerSecond: row.ratePerSecond, ...(row.seeded ? { seeded: true } : {}) } : null;
}

/**
 * One execution of a scheduled campaign: sleeps until its time, snapshots the audience, then
 * sends it batch by batch at the campaign's rate (local-time delivery: wave by wave, each
 * when its zones reach the time; seed addresses get their copies before the first batch). Before each batch it reads the execution's
 * status: paused waits for a resume event (re-reading every few minutes, so a resume sent
 * just before the wait is not missed), stopped ends the run. A completed execution of a
 * recurring campaign starts the next one.
 */
export const campaignExecutionRun = inngest.createFunction(
  {
    id: "campaign.execution",
    triggers: [campaignExecutionRequested],
    retries: 4,
    onFailure: async ({ event, error }) => {
      const executionId = (event.data.event.data as { executionId: string }).executionId;
      const db = await getDb();
      await db.update(campaignExecutions).set({ status: "failed", error: error.message, finishedAt: new Date() }).where(eq(campaignExecutions.id, executionId));
    },
  },
  async ({ event, step }) => {
    const { executionId } = event.data;
    const execution = await step.run("load", () => loadExecution(executionId));
    if (!execution) return { status: "missing" };
    await step.sleepUntil("until-send-time", new Date(execution.occurrenceAt));

    let checks = 0;
    // The status to go on with; waits out a pause.
    const gate = async (): Promise<string> => {
      for (;;) {
        const status = await step.run(`status-${++checks}`, () => executionStatus(executionId));
        if (status !== "paused") return status;
        await step.waitForEvent(`resume-${checks}`, { event: campaignExecutionResumed, timeout: "5m", if: `async.data.executionId == "${executionId}"` });
      }
    };

    if (!["scheduled", "sending"].includes(await gate())) return { status: "stopped" };
    const snapshot = await step.run("snapshot", () => snapshotAudience(executionId));
    const plan = batchPlan(snapshot.targeted, execution.ratePerSecond);
    // Local-time delivery: one wave per instant, in position order; otherwise everyone at once.
    const waves = snapshot.waves ?? [{ at: null, after: 0, to: snapshot.targeted }];
    let position = 0;
    let size = plan.size;
    let n = 1;
    for (const [w, wave] of waves.entries()) {
      if (wave.at) await step.sleepUntil(`wave-${w + 1}`, new Date(wave.at));
      position = Math.max(position, wave.after);
      for (; position < wave.to; n++) {
        const status = await gate();
        if (status !== "sending") return { status, processed: position };
        if (n === 1 && execution.seeded) await step.run("seeds", () => sendSeeds(executionId));
        const from = position;
        const batch = await step.run(`batch-${n}`, () => sendBatch(executionId, from, Math.min(from + size, wave.to)));
        position = batch.processed;
        if (batch.done) size = nextBatchSize(plan, position - from, batch.ms);
        // A crashed worker's messages are free when their lease ends: then this batch runs again.
        if (batch.waitUntil) await step.sleepUntil(`held-${n}`, new Date(batch.waitUntil));
        else if (batch.done && position < wave.to && plan.windowMs > batch.ms) await step.sleep(`pace-${n}`, plan.windowMs - batch.ms);
      }
    }
    if ((await gate()) !== "sending") return { status: "stopped", processed: position };
    const finished = await step.run("complete", () => finishExecution(executionId));
    if (finished.next) {
      await step.sendEvent("next-occurrence", campaignExecutionRequested.create({ workspaceId: finished.next.workspaceId, campaignId: finished.next.campaignId, executionId: finished.next.id }));
    }
    return { status: "completed", targeted: snapshot.targeted };
  },
);
