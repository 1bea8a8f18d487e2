import { sql, type SQL } from "drizzle-orm";
import type { TAttributeRule, TAudienceRefs, TEventRule, TIndexedColumns, TMembershipRule, TRule, TRuleGroup } from "./rules";

// Strict ISO 8601; the same pattern gates dates in evaluate-rules.ts.
export const ISO_DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$";

/**
 * Compiles a rule group to a boolean SQL condition over `profiles` (alias `p`). Every
 * comparison is typed: a rule on numbers only matches JSON numbers, on dates only ISO date
 * strings; CASE keeps casts from running on values of another type. A string or number read
 * of an indexed attribute reads its typed column instead, which holds the same value.
 */
export function compileRules(group: TRuleGroup, now: Date, refs: TAudienceRefs = new Map(), indexed: TIndexedColumns = new Map()): SQL {
  return compileGroup(group, { now, refs, indexed, path: [] });
}

type TCompileContext = { now: Date; refs: TAudienceRefs; indexed: TIndexedColumns; path: string[] };

function compileGroup(group: TRuleGroup, c: TCompileContext): SQL {
  if (group.rules.length === 0) return group.combinator === "and" ? sql`true` : sql`false`;
  const parts = group.rules.map((rule) => compileRule(rule, c));
  return sql`(${sql.join(parts, group.combinator === "and" ? sql` and ` : sql` or `)})`;
}

function compileRule(rule: TRule, c: TCompileContext): SQL {
  if (rule.kind === "group") return compileGroup(rule, c);
  if (rule.kind === "event") return compileEvent(rule, c.now);
  if (rule.kind === "membership") return compileMembership(rule, c);
  return sql`coalesce(${compileAttribute(rule, c.now, c.indexed.get(rule.key))}, false)`;
}

// A rules audience is inlined (so the planner sees one statement); a list is a lookup.
function compileMembership(r: TMembershipRule, c: TCompileContext): SQL {
  const ref = c.refs.get(r.audienceId);
  if (!ref) throw new Error(`Audience ${r.audienceId} is not resolved`);
  if (c.path.includes(r.audienceId)) throw new Error(`Audience ${r.audienceId} refers to itself`);
  const inside =
    ref.kind === "list"
      ? sql`exists (select 1 from audience_members m where m.audience_id = ${r.audienceId} and m.profile_id = p.id)`
      : compileGroup(ref.rules, { ...c, path: [...c.path, r.audienceId] });
  return r.member ? inside : sql`not ${inside}`;
}

function compileAttribute(r: TAttributeRule, now: Date, columns: { string?: string; number?: string } = {}): SQL {
  const v = sql`(p.attributes -> ${r.key})`;
  const text = sql`(p.attributes ->> ${r.key})`;
  // The columns hold parcours_attribute_number/_text(attributes, key): these same CASEs.
  const num = columns.number ? sql`p.${sql.identifier(columns.number)}` : sql`(case when jsonb_typeof(${v}) = 'number' then (${v})::numeric end)`;
  const str = columns.string ? sql`p.${sql.identifier(columns.string)}` : sql`(case when jsonb_typeof(${v}) = 'string' then ${text} end)`;
  const date = sql`(case when jsonb_typeof(${v}) = 'string' and ${text} ~ ${ISO_DATE_PATTERN} then parcours_try_timestamptz(${text}) end)`;
  const equals = (value: unknown): SQL => {
    // Equal to a JSON string (number) is equal to the typed column, which is null for other types.
    if (typeof value === "string" && columns.string) return sql`${str} = ${value}`;
    if (typeof value === "number" && Number.isFinite(value) && columns.number) return sql`${num} = ${value}`;
    // Containment is exact typed equality for a top-level key ({"k":["x"]} does not contain
    // {"k":"x"}; 1985.0 contains 1985, as numerically equal), and the GIN index can serve it.
    if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) {
      return sql`p.attributes @> ${JSON.stringify({ [r.key]: value })}::jsonb`;
    }
    return typeof value === "number" ? sql`${num} = ${value}` : sql`${str} = ${String(value)}`;
  };
  switch (r.op) {
    case "exists":
      return sql`(${v} is not null and jsonb_typeof(${v}) <> 'null')`;
    case "not_exists":
      return sql`(${v} is null or jsonb_typeof(${v}) = 'null')`;
    case "equals":
      return equals(r.value);
    case "not_equals":
      return sql`not coalesce(${equals(r.value)}, false)`;
    case "one_of":
      return sql`(${sql.join((r.values ?? []).map((x) => sql`coalesce(${equals(x)}, false)`), sql` or `)})`;
    case "contains":
      return sql`strpos(lower(${str}), lower(${String(r.value)})) > 0`;
    case "starts_with":
      return sql`starts_with(lower(${str}), lower(${String(r.value)}))`;
    case "gt":
      return sql`${num} > ${Number(r.value)}`;
    case "lt":
      return sql`${num} < ${Number(r.value)}`;
    case "between":
      return sql`${num} between ${Number(r.value)} and ${Number(r.to)}`;
    case "before":
      return sql`${date} < ${String(r.value)}::timestamptz`;
    case "after":
      return sql`${date} > ${String(r.value)}::timestamptz`;
    case "within_last_days": {
      const since = new Date(now.getTime() - Number(r.value) * 86_400_000);
      return sql`${date} between ${since.toISOString()}::timestamptz and ${now.toISOString()}::timestamptz`;
    }
  }
}

function compileEvent(r: TEventRule, now: Date): SQL {
  const filters = [sql`e.profile_id = p.id`, sql`e.type = 'track'`, sql`e.name = ${r.name}`];
  if (r.withinDays) filters.push(sql`e.timestamp >= ${new Date(now.getTime() - r.withinDays * 86_400_000).toISOString()}::timestamptz`);
  for (const w of r.where) filters.push(sql`e.properties @> jsonb_build_object(${w.key}::text, ${JSON.stringify(w.value)}::jsonb)`);
  const count = sql`(select count(*) from events e where ${sql.join(filters, sql` and `)})`;
  if (!r.performed) return sql`not exists (select 1 from events e where ${sql.join(filters, sql` and `)})`;
  if (r.count?.op === "at_most") return sql`${count} <= ${r.count.n}`;
  const atLeast = r.count?.n ?? 1;
  if (atLeast <= 0) return sql`true`;
  if (atLeast === 1) return sql`exists (select 1 from events e where ${sql.join(filters, sql` and `)})`;
  return sql`${count} >= ${atLeast}`;
}
