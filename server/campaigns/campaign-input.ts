import { z } from "zod";
import { isValidTimeZone } from "@/server/messaging/quiet-hours";
import { ZTemplateKind } from "@/server/templates/validate-content";

const ZZone = z.string().refine(isValidTimeZone, "Unknown time zone, e.g. Europe/Paris");
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");

export const ZCampaignSchedule = z.discriminatedUnion("type", [
  z.object({ type: z.literal("now") }),
  z.object({ type: z.literal("at"), at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Pick a date and time"), timezone: ZZone }),
  z.object({
    type: z.literal("recurring"),
    frequency: z.enum(["daily", "weekly", "monthly"], { error: "Frequency is daily, weekly or monthly" }),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM, e.g. 09:00"),
    timezone: ZZone,
    daysOfWeek: z.array(z.number().int().min(0).max(6)).min(1, "Pick at least one day").optional(),
    dayOfMonth: z.number().int().min(1, "Day 1 to 28").max(28, "Day 1 to 28 (every month has them)").optional(),
    startsOn: ZDate,
    until: ZDate.optional(),
  }),
  /** Local-time delivery: `time` on `date` in each recipient's zone (the workspace default zone without a valid one). */
  z.object({ type: z.literal("local"), date: ZDate, time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM, e.g. 09:00") }),
]);

const common = {
  name: z.string().trim().min(1, "Name is required").max(120, "Name is at most 120 characters"),
  kind: ZTemplateKind,
  configurationId: z.uuid("Pick a channel configuration").nullish(),
  templateId: z.uuid("templateId must be a UUID").nullish(),
  content: z.record(z.string(), z.unknown(), { error: "Content must be an object" }).optional(),
  /** Its messages ignore frequency caps; only an admin sets or clears it. Unset on an edit: kept. */
  capExempt: z.boolean({ error: "capExempt must be true or false" }).optional(),
  /** The subscription topic its messages go under (null: the channel's general marketing consent). Unset on an edit: kept. */
  topicId: z.uuid("topicId must be a subscription topic's id").nullish(),
};

/** A scheduled campaign: one audience, sent at once, at a time, or on a recurrence. */
export const ZScheduledCampaignInput = z.object({
  ...common,
  type: z.literal("scheduled"),
  audienceId: z.uuid("Pick an audience"),
  schedule: ZCampaignSchedule,
  ratePerSecond: z.number().int().min(1, "At least 1 message per second").max(10_000, "At most 10,000 messages per second").nullish(),
  /** Internal addresses copied on every send (emails; E.164 phones for SMS), checked against the kind in checkCampaignInput. */
  seedAddresses: z.array(z.string().trim().min(1, "A seed address is empty").max(254, "A seed address is at most 254 characters"), { error: "seedAddresses is a list of addresses" }).max(20, "At most 20 seed addresses").optional(),
});

/** An API-triggered campaign: one recipient per POST /api/v1/campaigns/{id}/trigger. */
export const ZApiCampaignInput = z.object({
  ...common,
  type: z.literal("api"),
  apiMode: z.enum(["marketing", "transactional"], { error: "Choose marketing or transactional" }),
});

export const ZCampaignInput = z.discriminatedUnion("type", [ZScheduledCampaignInput, ZApiCampaignInput], { error: "type is scheduled or api" });
export type TCampaignInput = z.input<typeof ZCampaignInput>;
