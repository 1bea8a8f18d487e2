import { z } from "zod";

// The audience rule model: nested AND/OR groups of attribute, event and membership rules. Pure data,
// compiled to one SQL statement by compile-rules.ts and evaluated in memory by evaluate-rules.ts.

export const ATTRIBUTE_OPS = [
  "equals", "not_equals", "one_of", "contains", "starts_with",
  "gt", "lt", "between", "before", "after", "within_last_days", "exists", "not_exists",
] as const;

const ZScalar = z.union([z.string().max(500), z.number(), z.boolean()]);

export const ZAttributeRule = z
  .object({
    kind: z.literal("attribute"),
    key: z.string().min(1, "Choose an attribute").max(200),
    op: z.enum(ATTRIBUTE_OPS),
    value: ZScalar.optional(),
    values: z.array(ZScalar).max(500).optional(),
    to: ZScalar.optional(),
  })
  .superRefine((r, ctx) => {
    const needsValue = !["exists", "not_exists", "one_of"].includes(r.op);
    if (needsValue && r.value === undefined) ctx.addIssue({ code: "custom", path: ["value"], message: "A value is required" });
    if (r.op === "one_of" && !r.values?.length) ctx.addIssue({ code: "custom", path: ["values"], message: "Give at least one value" });
    if (r.op === "between" && r.to === undefined) ctx.addIssue({ code: "custom", path: ["to"], message: "Give the upper bound" });
    if (["gt", "lt", "between", "within_last_days"].includes(r.op) && typeof r.value !== "number") ctx.addIssue({ code: "custom", path: ["value"], message: "Must be a number" });
  });

export const ZEventRule = z.object({
  kind: z.literal("event"),
  /** A track event name (or a business event's track name). */
  name: z.string().min(1, "Choose an event").max(255),
  performed: z.boolean().default(true),
  /** At least / at most N times (default: at least once). */
  count: z.object({ op: z.enum(["at_least", "at_most"]), n: z.number().int().min(0).max(1_000_000) }).optional(),
  withinDays: z.number().int().min(1).max(3650).optional(),
  /** Payload filters: property equals value. */
  where: z.array(z.object({ key: z.string().min(1).max(200), value: ZScalar })).max(20).default([]),
});

/** In (or not in) another saved audience: a rules audience is inlined, a list is looked up. */
export const ZMembershipRule = z.object({
  kind: z.literal("membership"),
  audienceId: z.uuid("Choose an audience or list"),
  member: z.boolean().default(true),
});

export type TAttributeRule = z.infer<typeof ZAttributeRule>;
export type TEventRule = z.infer<typeof ZEventRule>;
export type TMembershipRule = z.infer<typeof ZMembershipRule>;
export type TRule = TAttributeRule | TEventRule | TMembershipRule | TRuleGroup;
export interface TRuleGroup {
  kind: "group";
  combinator: "and" | "or";
  rules: TRule[];
}

export const ZRuleGroup: z.ZodType<TRuleGroup> = z.lazy(() =>
  z.object({
    kind: z.literal("group"),
    combinator: z.enum(["and", "or"]),
    rules: z.array(z.union([ZAttributeRule, ZEventRule, ZMembershipRule, ZRuleGroup])).max(100),
  }),
) as z.ZodType<TRuleGroup>;

/** What membership rules refer to: the saved audiences by id (see resolve-refs.ts). */
export type TAudienceRef = { kind: "rules"; rules: TRuleGroup } | { kind: "list" };
export type TAudienceRefs = ReadonlyMap<string, TAudienceRef>;

/** Typed columns of profiles holding attributes (indexed-attributes/): column names by key and JSON type. */
export type TIndexedColumns = ReadonlyMap<string, { string?: string; number?: string }>;

/** The audience ids a rule group names, at any depth (not following other audiences). */
export function referencedAudienceIds(group: TRuleGroup): string[] {
  return group.rules.flatMap((r) => (r.kind === "group" ? referencedAudienceIds(r) : r.kind === "membership" ? [r.audienceId] : []));
}
