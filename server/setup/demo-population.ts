import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDbHandle, type Tx } from "@/db/client";
import { audienceMembers, audiences, eventDefinitions, profileAttributeTypes } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { diffOf, recordAudit } from "@/server/audit/record-audit";
import { evaluateRules } from "@/server/audiences/evaluate-rules";
import { ZRuleGroup } from "@/server/audiences/rules";
import { matchDefinition } from "@/server/events/match-definitions";
import { typeOf } from "@/server/profiles/attribute-types";
import { DEMO_LIST, DEMO_RULE_AUDIENCES, demoListMembers } from "./demo-audiences";
import { demoEvents, type TDemoEvent } from "./demo-events";
import { demoProfiles, type TDemoProfile } from "./demo-profiles";

const CHUNK = 5_000;

/**
 * Fills a workspace with the demo population in one transaction: profiles with identities
 * and attribute types, three weeks of events (purchases matched to the workspace's event
 * definitions, as ingestion would), the two seed rules audiences and a "VIP customers" list.
 * Rows go in as JSON record sets, thousands per statement, so PGlite takes seconds.
 */
export async function seedDemoPopulation(tx: Tx, workspaceId: string, actor: TActor, now = new Date()) {
  // The rows are consistent by construction, so on PGlite (the first `npm run dev`) the
  // per-row foreign-key triggers are skipped for this transaction: a quarter of the time.
  if ((await getDbHandle()).driver === "pglite") await tx.execute(sql`set local session_replication_role = replica`);
  const population = demoProfiles(now);
  const ids = population.map(() => randomUUID());
  const calls = demoEvents(population, now);
  await insertProfiles(tx, workspaceId, population, ids, calls, now);
  await insertEvents(tx, workspaceId, calls, ids);
  await insertAudiences(tx, workspaceId, population, ids, actor, now);
  return { profiles: population.length, events: calls.length };
}

async function insertProfiles(tx: Tx, workspaceId: string, population: TDemoProfile[], ids: string[], calls: TDemoEvent[], now: Date) {
  const lastSeen = new Map(calls.map((e) => [e.profile, e.timestamp]));
  await insertRecords(
    tx, "profiles", workspaceId,
    { id: "uuid", attributes: "jsonb", timezone: "text", created_at: "timestamptz", updated_at: "timestamptz", last_seen_at: "timestamptz" },
    population.map((p, i) => ({ id: ids[i], attributes: p.attributes, timezone: p.timezone, created_at: p.signedUpAt, updated_at: p.signedUpAt, last_seen_at: lastSeen.get(i) ?? null })),
  );
  const identity = (i: number, namespace: string, value: string) => ({ namespace, value, profile_id: ids[i], created_at: population[i]!.signedUpAt });
  await insertRecords(
    tx, "profile_identities", workspaceId,
    { namespace: "text", value: "text", profile_id: "uuid", created_at: "timestamptz" },
    population.flatMap((p, i) => [
      identity(i, "external_id", p.externalId),
      ...(p.email ? [identity(i, "email", p.email)] : []),
      ...(p.phone ? [identity(i, "phone", p.phone)] : []),
    ]),
  );
  const types = new Map(population.flatMap((p) => Object.entries(p.attributes).map(([key, value]) => [`${key}:${typeOf(value)}`, { key, type: typeOf(value)! }])));
  await tx.insert(profileAttributeTypes).values([...types.values()].map((t) => ({ workspaceId, ...t, lastSeenAt: now }))).onConflictDoNothing();
}

// Track calls get the definition they match, as at ingestion; they are not published to workflows.
async function insertEvents(tx: Tx, workspaceId: string, calls: TDemoEvent[], ids: string[]) {
  const definitions = await tx.select().from(eventDefinitions).where(eq(eventDefinitions.workspaceId, workspaceId));
  const definitionOf = (e: TDemoEvent) => {
    const match = e.type === "track" && e.name ? matchDefinition(definitions, e.name, e.properties) : null;
    return match && "definition" in match ? match.definition.id : null;
  };
  await insertRecords(
    tx, "events", workspaceId,
    { profile_id: "uuid", type: "text", name: "text", properties: "jsonb", message_id: "text", definition_id: "uuid", timestamp: "timestamptz" },
    calls.map((e) => ({ profile_id: ids[e.profile], type: e.type, name: e.name, properties: e.properties, message_id: e.messageId, definition_id: definitionOf(e), timestamp: e.timestamp })),
  );
}

async function insertAudiences(tx: Tx, workspaceId: string, population: TDemoProfile[], ids: string[], actor: TActor, now: Date) {
  const created = async (id: string, name: string, kind: "rules" | "list") =>
    recordAudit(tx, { workspaceId, actor, action: "audience.create", entityType: "audience", entityId: id, diff: diffOf(null, { name, kind }) });
  for (const { name, description, rules: raw } of DEMO_RULE_AUDIENCES) {
    const rules = ZRuleGroup.parse(raw);
    const size = population.filter((p) => evaluateRules(rules, { attributes: p.attributes, events: [] }, now)).length;
    const [row] = await tx.insert(audiences).values({ workspaceId, name, description, kind: "rules", rules, lastCount: size, countedAt: now, createdById: actor.userId }).returning();
    await created(row!.id, name, "rules");
  }
  const members = demoListMembers(population);
  const [list] = await tx.insert(audiences).values({ workspaceId, ...DEMO_LIST, kind: "list", lastCount: members.length, countedAt: now, createdById: actor.userId }).returning();
  await tx.insert(audienceMembers).values(members.map((i) => ({ audienceId: list!.id, profileId: ids[i]!, workspaceId, addedAt: now })));
  await created(list!.id, DEMO_LIST.name, "list");
}

/** `insert into <table> select from jsonb_to_recordset(...)`, CHUNK rows per statement. */
async function insertRecords(tx: Tx, table: string, workspaceId: string, columns: Record<string, string>, rows: Record<string, unknown>[]) {
  const names = Object.keys(columns);
  const into = sql.raw(["workspace_id", ...names].map((n) => `"${n}"`).join(", "));
  const select = sql.raw(names.map((n) => `r."${n}"`).join(", "));
  const shape = sql.raw(names.map((n) => `"${n}" ${columns[n]}`).join(", "));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK));
    await tx.execute(sql`insert into ${sql.raw(table)} (${into}) select ${workspaceId}::uuid, ${select} from jsonb_to_recordset(${json}::jsonb) as r(${shape})`);
  }
}
