import os from "node:os";
import { and, eq, sql } from "drizzle-orm";
import { getDb, migrateDb, openPostgres, setDbHandle } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { campaignExecutions, channelConfigurations, profiles, users } from "@/db/schema";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { setApprovalRequired } from "@/server/campaigns/approval-setting";
import { activateCampaign } from "@/server/campaigns/control-campaign";
import { createCampaign } from "@/server/campaigns/manage-campaigns";
import { sendMessage } from "@/server/messaging/send-message";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { boundHeapGrowth } from "@/server/setup/heap-growth";
import { STARTER_CONTENT } from "@/server/templates/starter-content";
import { createWorkspace } from "@/server/workspaces/create-workspace";
import { databaseUrlFor } from "@/test/database-url";
import { rawMessageWrites } from "./campaign-raw-writes";
import { rssSampler, triggerLatency } from "./campaign-trigger";

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 1_000_000);
const BASELINE = Number(process.env.BENCH_BASELINE_SENDS ?? 5_000);
/** Messages written by the raw-writes ceiling, after the campaign (messages already hold its rows). */
const RAW_MESSAGES = Number(process.env.BENCH_RAW_MESSAGES ?? 200_000);
const DB_NAME = "parcours_bench_campaign";

/** Profiles p1…p<n> of a new workspace, with a first name and an email (attribute and identity), in SQL. */
async function seedProfiles(workspaceId: string, n: number) {
  const db = await getDb();
  await db.execute(sql`insert into profiles (workspace_id, attributes)
    select ${workspaceId}, jsonb_build_object('firstName', 'P' || g, 'email', 'p' || g || '@example.com', 'signupDate', '2024-05-01') from generate_series(1, ${n}) g`);
  await db.execute(sql`insert into profile_identities (workspace_id, namespace, value, profile_id)
    select workspace_id, 'email', attributes->>'email', id from ${profiles} where workspace_id = ${workspaceId}`);
}

/** A scheduled campaign to every recipient, through the Dev inbox, with the starter email (4.9 kB of HTML, 8 merge tags). */
async function sendCampaign(workspaceId: string, ownerId: string) {
  const db = await getDb();
  const actor = { userId: ownerId, label: "bench" };
  const audienceId = (await createAudience(workspaceId, { kind: "list", name: "Everyone" }, cliActor)).id;
  await db.execute(sql`insert into audience_members (audience_id, profile_id, workspace_id) select ${audienceId}, id, workspace_id from ${profiles} where workspace_id = ${workspaceId}`);
  const campaign = await createCampaign(workspaceId, { name: "Bench campaign", type: "scheduled", audienceId, kind: "email", content: STARTER_CONTENT.email, schedule: { type: "now" } } as never, actor);
  const rss = rssSampler();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await activateCampaign(workspaceId, campaign.id, actor);
  for (;;) {
    const [row] = await db.select().from(campaignExecutions).where(eq(campaignExecutions.campaignId, campaign.id));
    if (row && ["completed", "failed", "stopped"].includes(row.status)) {
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const sending = (row.finishedAt!.getTime() - row.startedAt!.getTime()) / 1000;
      const [counts] = rowsOf<{ messages: number; delivered: number; events: number; published: number; messages_mb: number }>(
        await db.execute(sql`select (select count(*)::int from messages where source_id = ${row.id}) as messages,
          (select count(*)::int from messages where source_id = ${row.id} and status = 'delivered') as delivered,
          (select count(*)::int from message_events) as events, (select count(*)::int from wf_events where name = 'parcours/message.event') as published,
          (pg_total_relation_size('messages') / 1048576)::int as messages_mb`),
      );
      return { status: row.status, targeted: row.targeted, totalSeconds: +seconds.toFixed(1), messagesPerSecond: Math.round(row.targeted / seconds), sendingSeconds: +sending.toFixed(1), sendingMessagesPerSecond: Math.round(row.targeted / sending), nodeCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1), peakRssMb: rss.stop(), ...counts };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Baseline, same run: the per-message path (sendMessage, 8 at a time, as campaign batches sent before), on fresh profiles. */
async function perMessageBaseline(workspaceId: string) {
  const db = await getDb();
  const ids = (await db.select({ id: profiles.id }).from(profiles).where(eq(profiles.workspaceId, workspaceId)).limit(BASELINE)).map((p) => p.id);
  const t0 = performance.now();
  for (let i = 0; i < ids.length; i += 8) {
    await Promise.all(ids.slice(i, i + 8).map((profileId) => sendMessage({ workspaceId, kind: "email", profileId, content: STARTER_CONTENT.email, cacheKey: "bench:baseline", source: { type: "campaign", id: "baseline", stepId: "send" } })));
  }
  const seconds = (performance.now() - t0) / 1000;
  return { messages: ids.length, seconds: +seconds.toFixed(1), messagesPerSecond: Math.round(ids.length / seconds) };
}

/**
 * A scheduled campaign to BENCH_RECIPIENTS profiles on PostgreSQL, run by the embedded executor
 * in this process (the app's setup), then API trigger latency at a fixed rate. Own database,
 * dropped at the end (BENCH_KEEP_DB=1 keeps it).
 */
export async function run() {
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const admin = await openPostgres(databaseUrlFor(url, "postgres"));
  const adminSql = (admin.db as unknown as { $client: import("postgres").Sql }).$client;
  await adminSql.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await adminSql.unsafe(`CREATE DATABASE ${DB_NAME}`);
  const handle = await openPostgres(databaseUrlFor(url, DB_NAME));
  const figures: Record<string, unknown> = { config: { recipients: RECIPIENTS, baselineSends: BASELINE, channel: "dev-inbox", content: "starter email template" } };
  try {
    await migrateDb(handle);
    setDbHandle(handle);
    const db = await getDb();
    const [owner] = await db.insert(users).values({ email: "bench@example.com", name: "bench" }).returning({ id: users.id });
    const workspace = await createWorkspace({ name: "Bench" }, { userId: owner!.id, actor: cliActor });
    await setApprovalRequired(workspace.id, false, cliActor);
    const t = performance.now();
    await seedProfiles(workspace.id, RECIPIENTS);
    figures.seedSeconds = +((performance.now() - t) / 1000).toFixed(1);
    await db.execute(sql`analyze`);
    figures.heapGrowthPercent = boundHeapGrowth(); // as the app's start-up does
    const executor = await createAppExecutor();
    executor.start();
    figures.campaign = await sendCampaign(workspace.id, owner!.id);
    figures.loadAverageAfterCampaign = os.loadavg().map((x) => +x.toFixed(1));
    const [config] = await db.select({ id: channelConfigurations.id }).from(channelConfigurations).where(and(eq(channelConfigurations.workspaceId, workspace.id), eq(channelConfigurations.pluginId, "dev-inbox"))).limit(1);
    figures.rawMessageWrites = await rawMessageWrites(workspace.id, config!.id, Math.min(RECIPIENTS, RAW_MESSAGES));
    const baselineWorkspace = await createWorkspace({ name: "Baseline" }, { userId: owner!.id, actor: cliActor });
    await seedProfiles(baselineWorkspace.id, BASELINE);
    figures.baselinePerMessage = await perMessageBaseline(baselineWorkspace.id);
    figures.trigger = await triggerLatency(workspace.id, owner!.id, RECIPIENTS);
    await executor.stop();
    figures.loadAverage = os.loadavg().map((x) => +x.toFixed(1));
  } finally {
    await handle.close();
    if (!process.env.BENCH_KEEP_DB) await adminSql.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.close();
  }
  return figures;
}
