// A separate OS process running the app's workflows on the embedded executor, for the crash
// test: the database comes from the environment (DATABASE_URL, or the PGlite folder under
// PARCOURS_DATA_DIR), and the progress of one campaign execution is printed every 25 ms as
// `progress <status> <processed> <sending>` (sending: messages claimed and not yet stored as
// sent) so the test can SIGKILL it mid-send. Stops cleanly when its stdin closes.
import { and, count, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { campaignExecutions, messages } from "@/db/schema";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";

async function main() {
  const executionId = process.env.WATCH_EXECUTION_ID!;
  const db = await getDb();
  const executor = await createAppExecutor({ leaseMs: Number(process.env.WORKER_LEASE_MS ?? 300_000), pollMs: 50, workerId: `campaign-worker-${process.pid}` });
  executor.start();
  const report = async () => {
    const [row] = await db.select().from(campaignExecutions).where(eq(campaignExecutions.id, executionId));
    const [sending] = await db.select({ n: count() }).from(messages).where(and(eq(messages.sourceId, executionId), eq(messages.status, "sending")));
    process.stdout.write(`progress ${row?.status ?? "missing"} ${row?.processed ?? 0} ${sending?.n ?? 0}\n`);
  };
  const timer = setInterval(() => void report().catch(() => {}), 25);
  process.stdin.resume();
  process.stdin.on("end", async () => {
    clearInterval(timer);
    await executor.stop();
    await closeDb();
    process.exit(0);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
