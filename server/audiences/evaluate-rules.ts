import { ISO_DATE_PATTERN } from "./compile-rules";
import type { TAttributeRule, TAudienceRefs, TEventRule, TRule, TRuleGroup } from "./rules";

export interface TProfileFacts {
  attributes: Record<string, unknown>;
  events: { name: string; timestamp: Date; properties: Record<string, unknown> }[];
  /** Ids of the static lists the profile is in. */
  lists?: string[];
}

const ISO_DATE = new RegExp(ISO_DATE_PATTERN);

/** The same rules evaluated in memory: the reference the SQL compiler is tested against. */
export function evaluateRules(group: TRuleGroup, profile: TProfileFacts, now: Date, refs: TAudienceRefs = new Map()): boolean {
  const results = group.rules.map((rule) => evaluateRule(rule, profile, now, refs));
  return group.combinator === "and" ? results.every(Boolean) : results.some(Boolean);
}

function evaluateRule(rule: TRule, profile: TProfileFacts, now: Date, refs: TAudienceRefs): boolean {
  if (rule.kind === "group") return evaluateRules(rule, profile, now, refs);
  if (rule.kind === "event") return evaluateEvent(rule, profile, now);
  if (rule.kind === "membership") {
    const ref = refs.get(rule.audienceId);
    if (!ref) throw new Error(`Audience ${rule.audienceId} is not resolved`);
    const inside = ref.kind === "list" ? (profile.lists ?? []).includes(rule.audienceId) : evaluateRules(ref.rules, profile, now, refs);
    return inside === rule.member;
  }
  return evaluateAttribute(rule, profile.attributes[rule.key], now);
}

function asDate(v: unknown): number | null {
  if (typeof v !== "string" || !ISO_DATE.test(v)) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

function equals(v: unknown, value: unknown): boolean {
  return typeof value === typeof v && v === value;
}

function evaluateAttribute(r: TAttributeRule, v: unknown, now: Date): boolean {
  const present = v !== undefined && v !== null;
  const num = typeof v === "number" ? v : null;
  const str = typeof v === "string" ? v : null;
  switch (r.op) {
    case "exists":
      return present;
    case "not_exists":
      return !present;
    case "equals":
      return equals(v, r.value);
    case "not_equals":
      return !equals(v, r.value);
    case "one_of":
      return (r.values ?? []).some((x) => equals(v, x));
    case "contains":
      return str !== null && str.toLowerCase().includes(String(r.value).toLowerCase());
    case "starts_with":
      return str !== null && str.toLowerCase().startsWith(String(r.value).toLowerCase());
    case "gt":
      return num !== null && num > Number(r.value);
    case "lt":
      return num !== null && num < Number(r.value);
    case "between":
      return num !== null && num >= Number(r.value) && num <= Number(r.to);
    case "before": {
      const d = asDate(v);
      return d !== null && d < Date.parse(String(r.value));
    }
    case "after": {
      const d = asDate(v);
      return d !== null && d > Date.parse(String(r.value));
    }
    case "within_last_days": {
      const d = asDate(v);
      return d !== null && d >= now.getTime() - Number(r.value) * 86_400_000 && d <= now.getTime();
    }
  }
}

function evaluateEvent(r: TEventRule, profile: TProfileFacts, now: Date): boolean {
  const since = r.withinDays ? now.getTime() - r.withinDays * 86_400_000 : -Infinity;
  const n = profile.events.filter(
    (e) => e.name === r.name && e.timestamp.getTime() >= since && r.where.every((w) => equals(e.properties[w.key], w.value)),
  ).length;
  if (!r.performed) return n === 0;
  if (r.count?.op === "at_most") return n <= r.count.n;
  return n >= (r.count?.n ?? 1);
}
