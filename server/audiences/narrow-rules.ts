import { sql, type SQL } from "drizzle-orm";
import type { TAttributeRule, TEventRule, TRule, TRuleGroup } from "./rules";

/**
 * A condition every member of the rules satisfies, in a shape indexes can serve, or null
 * when none is found. Counting queries AND it with compileRules(), which stays the exact
 * test: this only lets PostgreSQL find the candidates through an index instead of testing
 * every profile. Attribute equality becomes JSONB containment (the GIN index on
 * profiles.attributes); "performed X at least N times" becomes the set of profiles with such
 * events, read through the (workspace_id, name, timestamp) index on track events. It relies on
 * a profile's events being in its workspace, which ingestion and merges keep.
 */
export function narrowRules(group: TRuleGroup, workspaceId: string, now: Date): SQL | null {
  return narrowGroup(group, workspaceId, now);
}

function narrowGroup(group: TRuleGroup, workspaceId: string, now: Date): SQL | null {
  const parts = group.rules.map((rule) => narrowRule(rule, workspaceId, now));
  if (group.combinator === "and") {
    const known = parts.filter((p): p is SQL => p !== null);
    return known.length ? sql`(${sql.join(known, sql` and `)})` : null;
  }
  // An OR narrows only if every branch does (an empty OR matches nobody).
  if (parts.some((p) => p === null)) return null;
  return parts.length ? sql`(${sql.join(parts as SQL[], sql` or `)})` : sql`false`;
}

function narrowRule(rule: TRule, workspaceId: string, now: Date): SQL | null {
  if (rule.kind === "group") return narrowGroup(rule, workspaceId, now);
  if (rule.kind === "event") return narrowEvent(rule, workspaceId, now);
  if (rule.kind === "attribute") return narrowAttribute(rule);
  return null;
}

const containable = (value: unknown) => typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));

function narrowAttribute(r: TAttributeRule): SQL | null {
  const contains = (value: unknown) => sql`p.attributes @> ${JSON.stringify({ [r.key]: value })}::jsonb`;
  if (r.op === "equals" && containable(r.value)) return contains(r.value);
  if (r.op === "one_of" && r.values?.length && r.values.every(containable)) return sql`(${sql.join(r.values.map(contains), sql` or `)})`;
  return null;
}

function narrowEvent(r: TEventRule, workspaceId: string, now: Date): SQL | null {
  const atLeast = r.count?.op === "at_least" ? r.count.n : r.count ? 0 : 1;
  if (!r.performed || atLeast < 1) return null;
  const filters = [sql`e.workspace_id = ${workspaceId}`, sql`e.type = 'track'`, sql`e.name = ${r.name}`];
  if (r.withinDays) filters.push(sql`e.timestamp >= ${new Date(now.getTime() - r.withinDays * 86_400_000).toISOString()}::timestamptz`);
  for (const w of r.where) filters.push(sql`e.properties @> ${JSON.stringify({ [w.key]: w.value })}::jsonb`);
  const having = atLeast > 1 ? sql` group by e.profile_id having count(*) >= ${atLeast}` : sql``;
  return sql`p.id in (select e.profile_id from events e where ${sql.join(filters, sql` and `)}${having})`;
}
