import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { campaignExecutions, profiles } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { createConfiguration } from "@/server/channels/manage-configurations";
import { callerFor, createTeam } from "@/test/fixtures";

/**
 * A workspace with `recipients` profiles (p1..pN, external ids and emails), an audience of
 * them all, a Dev-inbox email configuration paced at `perSecond`, a scheduled "now" campaign
 * to the audience (not yet activated) and a write key, for the multi-process tests.
 */
export async function sendFixture(recipients: number, perSecond: number) {
  const db = await getDb();
  const team = await createTeam("Workers");
  const ws = team.workspace.id;
  await callerFor(team.users.admin).campaigns.setApproval({ workspaceId: ws, required: false });
  const audienceId = (await createAudience(ws, { kind: "list", name: "Everyone" }, cliActor)).id;
  await db.execute(sql`insert into profiles (workspace_id, attributes)
    select ${ws}, jsonb_build_object('firstName', 'P' || g, 'email', 'p' || g || '@example.com', 'n', g) from generate_series(1, ${recipients}) g`);
  await db.execute(sql`insert into profile_identities (workspace_id, namespace, value, profile_id)
    select workspace_id, 'external_id', 'p' || (attributes->>'n'), id from ${profiles} where workspace_id = ${ws}`);
  await db.execute(sql`insert into audience_members (audience_id, profile_id, workspace_id) select ${audienceId}, id, workspace_id from ${profiles} where workspace_id = ${ws}`);
  const paced = await createConfiguration(ws, { name: "Dev inbox (paced)", pluginId: "dev-inbox", kind: "email", settings: {}, rateLimitPerSecond: perSecond }, cliActor);
  const content = { subject: "Hi {{ profile.firstName }}", html: '<p>Hello {{ profile.firstName | default: "there" }}</p>' };
  const campaign = await callerFor(team.users.manager).campaigns.create({
    workspaceId: ws,
    campaign: { name: "Everyone", type: "scheduled", audienceId, kind: "email", configurationId: paced.id, content, schedule: { type: "now" } },
  });
  const writeKey = (await createApiKey(ws, { name: "ingest", kind: "write" }, cliActor)).key;
  return { team, ws, campaignId: campaign.id, configurationId: paced.id, writeKey };
}

export async function executionOf(campaignId: string) {
  const db = await getDb();
  const [execution] = await db.select().from(campaignExecutions).where(eq(campaignExecutions.campaignId, campaignId));
  return execution ?? null;
}

/** Messages of one source: how many, to how many (profile, step) pairs, pairs sent twice, still being sent. */
export async function sentCounts(workspaceId: string, sourceType: "campaign" | "journey", sourceId: string) {
  const db = await getDb();
  const [row] = rowsOf<{ messages: number; pairs: number; duplicated: number; sending: number }>(
    await db.execute(sql`with m as (select profile_id, step_id, status from messages where workspace_id = ${workspaceId} and source_type = ${sourceType} and source_id = ${sourceId}),
      per as (select profile_id, step_id, count(*) as n from m group by 1, 2)
      select (select count(*)::int from m) as messages, (select count(*)::int from per) as pairs,
        (select count(*)::int from per where n > 1) as duplicated, (select count(*)::int from m where status = 'sending') as sending`),
  );
  return row!;
}
