import { sql, type SQL } from "drizzle-orm";
import type { TAttributeRule, TEventRule, TIndexedColumns, TRule, TRuleGroup } from "./rules";

/**
 * A condition every member of the rules satisfies, in a shape indexes can serve, or null
 * when none is found. Counting queries AND it with compileRules(), which stays the exact
 * test: this only lets PostgreSQL find the candidates through an index instead of testing
 * every profile. Attribute equality becomes JSONB containment (the GIN index on
 * profiles.attributes), or for an indexed attribute a comparison of its typed column, which
 * that attribute's index serves; "performed X at least N times" becomes the set of profiles with such
 * events, read through the (workspace_id, name, timestamp) index on track events. It relies on
 * a profile's events being in its workspace, which ingestion and merges keep.
 */
export function narrowRules(group: TRuleGroup, workspaceId: string, now: Date, indexed: TIndexedColumns = new Map()): SQL | null {
  return narrowGroup(group, { workspaceId, now, indexed });
}

type TNarrowContext = { workspaceId: string; now: Date; indexed: TIndexedColumns };

function narrowGroup(group: TRuleGroup, c: TNarrowContext): SQL | null {
  const parts = group.rules.map((rule) => narrowRule(rule, c));
  if (group.combinator === "and") {
    const known = parts.filter((p): p is SQL => p !== null);
    return known.length ? sql`(${sql.join(known, sql` and `)})` : null;
  }
  // An OR of equalities on one attribute is its one_of (one index condition, not an OR of them).
  const equalities = group.rules.filter((r): r is TAttributeRule => r.kind === "attribute" && (r.op === "equals" || r.op === "one_of"));
  if (equalities.length > 1 && equalities.length === group.rules.length && equalities.every((r) => r.key === equalities[0]!.key)) {
    return narrowRule({ kind: "attribute", key: equalities[0]!.key, op: "one_of", values: equalities.flatMap((r) => (r.op === "one_of" ? (r.values ?? []) : [r.value!])) }, c);
  }
  // An OR narrows only if every branch does (an empty OR matches nobody).
  if (parts.some((p) => p === null)) return null;
  return parts.length ? sql`(${sql.join(parts as SQL[], sql` or `)})` : sql`false`;
}

function narrowRule(rule: TRule, c: TNarrowContext): SQL | null {
  if (rule.kind === "group") return narrowGroup(rule, c);
  if (rule.kind === "event") return narrowEvent(rule, c.workspaceId, c.now);
  if (rule.kind === "attribute") return narrowAttribute(rule, c.indexed.get(rule.key) ?? {});
  return null;
}

const containable = (value: unknown) => typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));

// For an indexed attribute the narrowing reads only its column (as compileRules then does),
// so a count over indexed attributes never needs the profile row itself.
function narrowAttribute(r: TAttributeRule, columns: { string?: string; number?: string }): SQL | null {
  const number = columns.number ? sql`p.${sql.identifier(columns.number)}` : null;
  if (number && r.op === "gt") return sql`${number} > ${Number(r.value)}`;
  if (number && r.op === "lt") return sql`${number} < ${Number(r.value)}`;
  if (number && r.op === "between") return sql`${number} between ${Number(r.value)} and ${Number(r.to)}`;
  const values = r.op === "equals" ? [r.value] : r.op === "one_of" ? (r.values ?? []) : [];
  if (values.length === 0 || !values.every(containable)) return null;
  const strings = columns.string ? values.filter((v): v is string => typeof v === "string") : [];
  const numbers = number ? values.filter((v): v is number => typeof v === "number") : [];
  const rest = values.filter((v) => !(typeof v === "string" && columns.string) && !(typeof v === "number" && number));
  const parts = [
    ...(strings.length ? [sql`p.${sql.identifier(columns.string!)} in (${sql.join(strings.map((v) => sql`${v}`), sql`, `)})`] : []),
    ...(numbers.length ? [sql`${number} in (${sql.join(numbers.map((v) => sql`${v}`), sql`, `)})`] : []),
    ...rest.map((value) => sql`p.attributes @> ${JSON.stringify({ [r.key]: value })}::jsonb`),
  ];
  return parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` or `)})`;
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
