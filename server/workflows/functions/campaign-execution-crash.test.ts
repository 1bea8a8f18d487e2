import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { closeDb, getDb, migrateDb, openPglite, setDbHandle } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { campaignExecutions, profiles } from "@/db/schema";
import { createAppExecutor } from "../embedded/start-embedded";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { createConfiguration } from "@/server/channels/manage-configurations";
import { callerFor, createTeam } from "@/test/fixtures";

// A 20,000-recipient campaign whose worker process is SIGKILLed mid-send; a second process
// finishes it. On PGlite the database is a folder the two processes open in turn (the kill
// is then also a database crash); on PostgreSQL both use the test's database.
const RECIPIENTS = 20_000;
const pglite = inject("dbTemplate").kind === "pglite";
const dataDir = mkdtempSync(path.join(os.tmpdir(), "parcours-crash-"));
const workers = new Set<ReturnType<typeof spawn>>();
afterAll(() => {
  for (const child of workers) child.kill("SIGKILL"); // a failed test leaves none behind
  rmSync(dataDir, { recursive: true, force: true });
});

/** The test's own connection: on PGlite, only while no worker has the folder. */
async function attach() {
  if (!pglite) return getDb();
  await closeDb();
  const handle = await openPglite({ dir: path.join(dataDir, "pgdata") });
  await migrateDb(handle);
  setDbHandle(handle);
  return handle.db;
}
const detach = () => (pglite ? closeDb() : Promise.resolve());

function startWorker(executionId: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, WATCH_EXECUTION_ID: executionId, WORKER_LEASE_MS: "3000", PARCOURS_SENDING_LEASE_MS: "6000" };
  if (pglite) {
    delete env.DATABASE_URL;
    env.PARCOURS_DATA_DIR = dataDir;
  } else env.DATABASE_URL = process.env.PARCOURS_TEST_DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "server/campaigns/execution/testing/campaign-worker.ts"], { env, stdio: ["pipe", "pipe", "inherit"] });
  workers.add(child);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => (workers.delete(child), resolve(code))));
  return { child, exited };
}

type TProgress = { status: string; processed: number; sending: number };

/** Resolves with the first progress line that passes `until`. */
function watch(child: ReturnType<typeof startWorker>["child"], until: (p: TProgress) => boolean): Promise<TProgress> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop()!;
      for (const line of lines) {
        const [word, status, processed, sending] = line.split(" ");
        const progress = { status: status!, processed: Number(processed), sending: Number(sending) };
        if (word === "progress" && until(progress)) resolve(progress);
      }
    });
    child.on("exit", (code) => reject(new Error(`the worker exited (${code}) before the awaited progress`)));
  });
}

async function countsOf(workspaceId: string, executionId: string) {
  const db = await getDb();
  const [row] = rowsOf<{ messages: number; profiles: number; duplicated: number; unsent: number; undelivered: number; sending: number; sent_events: number }>(
    await db.execute(sql`with m as (select id, profile_id, status from messages where workspace_id = ${workspaceId} and source_type = 'campaign' and source_id = ${executionId}),
      per as (select profile_id, count(*) as n from m group by 1)
      select (select count(*)::int from m) as messages,
        (select count(*)::int from per) as profiles,
        (select count(*)::int from per where n > 1) as duplicated,
        (select count(*)::int from campaign_recipients r left join per on per.profile_id = r.profile_id where r.execution_id = ${executionId} and per.profile_id is null) as unsent,
        (select count(*)::int from m where status <> 'delivered') as undelivered,
        (select count(*)::int from m where status = 'sending') as sending,
        (select count(*)::int from message_events e join m on m.id = e.message_id where e.type = 'sent') as sent_events`),
  );
  return row!;
}

describe(`a campaign send survives its worker process being killed (${pglite ? "PGlite" : "PostgreSQL"})`, () => {
  it("restarted, it completes with exactly one message per recipient", async () => {
    let db = await attach();
    const team = await createTeam("Crash");
    const ws = team.workspace.id;
    await callerFor(team.users.admin).campaigns.setApproval({ workspaceId: ws, required: false });
    const audienceId = (await createAudience(ws, { kind: "list", name: "Everyone" }, cliActor)).id;
    await db.execute(sql`insert into profiles (workspace_id, attributes)
      select ${ws}, jsonb_build_object('firstName', 'P' || g, 'email', 'p' || g || '@example.com') from generate_series(1, ${RECIPIENTS}) g`);
    await db.execute(sql`insert into audience_members (audience_id, profile_id, workspace_id) select ${audienceId}, id, workspace_id from ${profiles} where workspace_id = ${ws}`);
    await createAppExecutor(); // not started: activation's event is stored for the workers to run
    const manager = callerFor(team.users.manager);
    const content = { subject: "Hi {{ profile.firstName }}", html: '<p>Hello {{ profile.firstName | default: "there" }}, <a href="https://shop.example/sale">shop</a></p>' };
    const paced = await createConfiguration(ws, { name: "Dev inbox (paced)", pluginId: "dev-inbox", kind: "email", settings: {}, rateLimitPerSecond: 5_000 }, cliActor);
    const campaign = await manager.campaigns.create({ workspaceId: ws, campaign: { name: "Crash", type: "scheduled", audienceId, kind: "email", configurationId: paced.id, content, schedule: { type: "now" } } });
    await manager.campaigns.activate({ workspaceId: ws, campaignId: campaign.id });
    const [execution] = await db.select().from(campaignExecutions).where(eq(campaignExecutions.campaignId, campaign.id));
    await detach();

    const first = startWorker(execution!.id);
    // Killed a fifth of the way, in the middle of a group: messages claimed, not yet stored as
    // sent (the configuration's rate spreads the delivery of each group of 500 over ~100 ms).
    const killedAt = await watch(first.child, (p) => p.status === "sending" && p.processed >= RECIPIENTS / 5 && p.sending > 0);
    first.child.kill("SIGKILL");
    await first.exited;
    db = await attach();
    const atKill = await countsOf(ws, execution!.id);
    expect(atKill.messages).toBeLessThan(RECIPIENTS); // it died mid-send
    expect(atKill.messages).toBeGreaterThan(killedAt.processed);
    expect(atKill.sending).toBeGreaterThan(0); // the second worker waits out their lease, then sends them
    await detach();

    const second = startWorker(execution!.id);
    await watch(second.child, (p) => p.status === "completed");
    second.child.stdin.end();
    expect(await second.exited).toBe(0);
    db = await attach();
    const [done] = await db.select().from(campaignExecutions).where(eq(campaignExecutions.id, execution!.id));
    expect(done).toMatchObject({ status: "completed", targeted: RECIPIENTS, processed: RECIPIENTS });
    expect(await countsOf(ws, execution!.id)).toEqual({ messages: RECIPIENTS, profiles: RECIPIENTS, duplicated: 0, unsent: 0, undelivered: 0, sending: 0, sent_events: RECIPIENTS });
  }, 120_000);
});
