import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { audiences, channelConfigurations, templates, type TCampaignSchedule } from "@/db/schema";
import { AppError } from "@/server/errors";
import { validateContent } from "@/server/templates/validate-content";
import type { z } from "zod";
import type { ZCampaignInput } from "./campaign-input";
import { firstOccurrence, untilInstant } from "./schedule";
import { normalizeSeeds } from "./seed-addresses";

type TParsed = z.output<typeof ZCampaignInput>;

/** References in the workspace, content as its kind's schema has it, and for a scheduled campaign a schedule with a send ahead. */
export async function checkCampaignInput(db: DbOrTx, workspaceId: string, input: TParsed, now = new Date()) {
  if (input.type === "scheduled") {
    const [audience] = await db.select({ id: audiences.id }).from(audiences).where(and(eq(audiences.id, input.audienceId), eq(audiences.workspaceId, workspaceId)));
    if (!audience) throw new AppError("NOT_FOUND", "Audience not found", "audienceId");
  }
  if (input.configurationId) {
    const [config] = await db.select({ kind: channelConfigurations.kind }).from(channelConfigurations).where(and(eq(channelConfigurations.id, input.configurationId), eq(channelConfigurations.workspaceId, workspaceId)));
    if (!config) throw new AppError("NOT_FOUND", "Channel configuration not found", "configurationId");
    if (config.kind !== input.kind) throw new AppError("BAD_REQUEST", `This configuration sends ${config.kind}, not ${input.kind}`, "configurationId");
  }
  let raw = input.content;
  if (input.templateId) {
    const [template] = await db.select({ kind: templates.kind, content: templates.content }).from(templates).where(and(eq(templates.id, input.templateId), eq(templates.workspaceId, workspaceId)));
    if (!template) throw new AppError("NOT_FOUND", "Template not found", "templateId");
    if (template.kind !== input.kind) throw new AppError("BAD_REQUEST", `This template is ${template.kind}, not ${input.kind}`, "templateId");
    raw ??= template.content;
  }
  if (!raw) throw new AppError("BAD_REQUEST", "Write the content or pick a template", "content");
  const content = await validateContent(input.kind, raw);
  if (input.type === "scheduled") checkSchedule(input.schedule, now);
  return { content, seedAddresses: input.type === "scheduled" ? normalizeSeeds(input.kind, input.seedAddresses) : [] };
}

export function checkSchedule(schedule: TCampaignSchedule, now: Date): void {
  if (schedule.type === "at" && !firstOccurrence(schedule, now)) throw new AppError("BAD_REQUEST", "The send time is in the past", "schedule.at");
  if (schedule.type === "local" && !isCalendarDate(schedule.date)) throw new AppError("BAD_REQUEST", "Not a date on the calendar", "schedule.date");
  if (schedule.type === "local" && !firstOccurrence(schedule, now)) throw new AppError("BAD_REQUEST", "That time has passed in every time zone; pick a later date", "schedule.date");
  if (schedule.type === "recurring") {
    const until = untilInstant(schedule);
    if (until && schedule.until! < schedule.startsOn) throw new AppError("BAD_REQUEST", "The end date is before the start date", "schedule.until");
    if (!firstOccurrence(schedule, now)) throw new AppError("BAD_REQUEST", "No occurrence left before the end date", "schedule.until");
  }
}

const isCalendarDate = (date: string) => {
  const at = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === date;
};
