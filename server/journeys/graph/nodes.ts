import { z } from "zod";
// The check only, not the SDK index: the journey editor imports this file in the browser.
import { refuseInternalUrl } from "@/plugins/sdk/outgoing/check-outgoing-url";
import { ZRuleGroup } from "@/server/audiences/rules";

// What each journey node holds. A draft may hold half-filled nodes; validate-graph.ts checks
// each node's data against these schemas before a journey can be tested or published, and the
// engine reads published nodes through them.

const ZUuid = (what: string) => z.uuid(what);
const ZScalar = z.union([z.string().max(2000), z.number(), z.boolean()]);

export const DURATION_UNITS = ["minutes", "hours", "days"] as const;
export const ZDuration = z.object({
  amount: z.number({ error: "Give a number" }).int("A whole number").min(1, "At least 1").max(3650, "At most 3,650"),
  unit: z.enum(DURATION_UNITS, { error: "minutes, hours or days" }),
});
export type TDuration = z.infer<typeof ZDuration>;

const ZBranchId = z.string().regex(/^[a-z0-9_-]{1,40}$/i, "Branch ids are letters, digits, - and _");
const ZLabel = z.string().trim().min(1, "Give the branch a name").max(60);

export const REACTIONS = ["opened", "clicked", "delivered"] as const;
export const BEHAVIOURS = ["opened", "clicked", "delivered", "not_opened", "not_clicked"] as const;

export const ZBranchCondition = z.discriminatedUnion("type", [
  z.object({ type: z.literal("audience"), audienceId: ZUuid("Choose an audience or list") }),
  z.object({ type: z.literal("rules"), rules: ZRuleGroup }),
  z.object({ type: z.literal("message"), messageNodeId: z.string().min(1, "Choose a message step"), behaviour: z.enum(BEHAVIOURS) }),
]);
export type TBranchCondition = z.infer<typeof ZBranchCondition>;

export const NODE_DATA = {
  entry_audience: z.object({ audienceId: ZUuid("Choose an audience") }),
  entry_event: z.object({ definitionId: ZUuid("Choose a business event") }),
  message: z.object({
    kind: z.string().min(1, "Choose a channel"),
    configurationId: ZUuid("Choose a channel configuration").nullish(),
    templateId: ZUuid("templateId must be a UUID").nullish(),
    content: z.record(z.string(), z.unknown(), { error: "Design the message" }),
    /** Set by an admin: frequency caps do not hold this message back (quiet hours still do). */
    capExempt: z.boolean().optional(),
    /** The subscription topic (docs/messaging.md, consent model); none: the channel's general marketing consent. */
    topicId: ZUuid("Choose a subscription topic").nullish(),
  }),
  update_attribute: z.object({ key: z.string().trim().min(1, "Name the attribute").max(200), value: ZScalar }),
  list: z.object({ action: z.enum(["add", "remove"]), listId: ZUuid("Choose a list") }),
  webhook: z.object({
    url: z.url({ protocol: /^https?$/, error: "Give an http(s) URL" }).superRefine(refuseInternalUrl),
    method: z.enum(["POST", "PUT", "GET"]).default("POST"),
    body: z.string().max(20_000).optional(),
  }),
  wait: z.discriminatedUnion("mode", [
    z.object({ mode: z.literal("duration"), duration: ZDuration }),
    z.object({ mode: z.literal("until"), at: z.iso.datetime({ offset: true, error: "Pick a date and time" }) }),
    z.object({ mode: z.literal("time_of_day"), time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM, e.g. 09:00") }),
  ]),
  reaction: z.object({ messageNodeId: z.string().min(1, "Choose the message it reacts to"), reaction: z.enum(REACTIONS), timeout: ZDuration }),
  wait_event: z.object({
    definitionId: ZUuid("Choose a business event"),
    where: z.array(z.object({ key: z.string().min(1).max(200), value: ZScalar })).max(20).default([]),
    timeout: ZDuration,
  }),
  condition: z.object({
    branches: z.array(z.object({ id: ZBranchId, label: ZLabel, condition: ZBranchCondition })).min(1, "Add at least one branch").max(10),
  }),
  random: z.object({
    branches: z
      .array(z.object({ id: ZBranchId, label: ZLabel, percent: z.number().int().min(0).max(100) }))
      .min(2, "Add at least two branches")
      .max(10)
      .refine((b) => b.reduce((s, x) => s + x.percent, 0) === 100, "Percentages must add up to 100"),
  }),
  exit: z.object({}),
} as const;

export type TNodeType = keyof typeof NODE_DATA;
export const NODE_TYPES = Object.keys(NODE_DATA) as TNodeType[];
export type TNodeData<T extends TNodeType> = z.infer<(typeof NODE_DATA)[T]>;
export const ENTRY_TYPES: readonly TNodeType[] = ["entry_audience", "entry_event"];
export const isEntry = (type: string) => ENTRY_TYPES.includes(type as TNodeType);
