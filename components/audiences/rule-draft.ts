import type { TAttributeRule, TEventRule, TMembershipRule, TRule, TRuleGroup } from "@/server/audiences/rules";

// Client-side helpers of the rule builder: typed operators, new rules, and a stable `uid`
// on every rule so React keeps each row's local state while rows are added and removed.
// The server's zod schemas strip `uid`.

export type TValueType = "string" | "number" | "boolean" | "date";
export type TAttributeOp = TAttributeRule["op"];

export const OP_LABELS: Record<TAttributeOp, string> = {
  equals: "is",
  not_equals: "is not",
  one_of: "is one of",
  contains: "contains",
  starts_with: "starts with",
  gt: "is greater than",
  lt: "is less than",
  between: "is between",
  before: "is before",
  after: "is after",
  within_last_days: "is within the last",
  exists: "exists",
  not_exists: "does not exist",
};

export const OPS_BY_TYPE: Record<TValueType, TAttributeOp[]> = {
  string: ["equals", "not_equals", "one_of", "contains", "starts_with", "exists", "not_exists"],
  number: ["equals", "not_equals", "one_of", "gt", "lt", "between", "exists", "not_exists"],
  boolean: ["equals", "not_equals", "exists", "not_exists"],
  date: ["before", "after", "within_last_days", "exists", "not_exists"],
};

/** The type the builder offers for a key observed with these types. */
export function valueTypeOf(observed: string[]): TValueType {
  for (const t of ["number", "date", "boolean"] as const) if (observed.includes(t)) return t;
  return "string";
}

/** Turns what was typed into the rule's value for the attribute's type (undefined if not valid yet). */
export function parseValue(raw: string, type: TValueType): string | number | boolean | undefined {
  const text = raw.trim();
  if (text === "") return undefined;
  if (type === "number") return Number.isFinite(Number(text)) ? Number(text) : undefined;
  if (type === "boolean") return text === "true" ? true : text === "false" ? false : undefined;
  return text;
}

let counter = 0;
export const newUid = () => `r${Date.now().toString(36)}${(counter++).toString(36)}`;
export const uidOf = (rule: TRule): string => (rule as { uid?: string }).uid ?? "";

export function withUids<T extends TRule>(rule: T): T {
  const copy = { ...rule, uid: uidOf(rule) || newUid() } as T;
  if (copy.kind === "group") (copy as TRuleGroup).rules = (copy as TRuleGroup).rules.map(withUids);
  return copy;
}

export const newAttributeRule = (key = ""): TAttributeRule => withUids({ kind: "attribute", key, op: "equals" } as TAttributeRule);
export const newEventRule = (name = ""): TEventRule => withUids({ kind: "event", name, performed: true, where: [] });
export const newMembershipRule = (audienceId = ""): TMembershipRule => withUids({ kind: "membership", audienceId, member: true });
export const newGroup = (combinator: "and" | "or" = "and", rules: TRule[] = []): TRuleGroup => withUids({ kind: "group", combinator, rules });

/** Counts rules (not groups), to say how big a definition is. */
export function ruleCount(group: TRuleGroup): number {
  return group.rules.reduce((n, r) => n + (r.kind === "group" ? ruleCount(r) : 1), 0);
}
