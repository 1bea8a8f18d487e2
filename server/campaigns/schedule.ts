import { Cron } from "croner";
import type { TCampaignSchedule } from "@/db/schema";
import { localStart } from "./local-time";
import { zonedToUtc } from "./zoned-time";

type TRecurring = Extract<TCampaignSchedule, { type: "recurring" }>;

/** The croner pattern of a recurrence (seconds first: croner takes 6 fields). */
function patternOf(s: TRecurring): string {
  const [hour, minute] = s.time.split(":").map(Number);
  if (s.frequency === "daily") return `0 ${minute} ${hour} * * *`;
  if (s.frequency === "weekly") return `0 ${minute} ${hour} * * ${(s.daysOfWeek?.length ? s.daysOfWeek : [1]).join(",")}`;
  return `0 ${minute} ${hour} ${s.dayOfMonth ?? 1} * *`;
}

/** The end of the `until` day in the schedule's zone: the last instant an occurrence may fall. */
export function untilInstant(s: TRecurring): Date | null {
  if (!s.until) return null;
  const start = zonedToUtc(s.until, s.timezone);
  return start ? new Date(start.getTime() + 24 * 3_600_000 - 1) : null;
}

/** The first occurrence strictly after `after` (null: none left). A local-time send has one, its start (firstOccurrence). */
export function nextOccurrence(schedule: TCampaignSchedule, after: Date): Date | null {
  if (schedule.type === "now" || schedule.type === "local") return null;
  if (schedule.type === "at") {
    const at = zonedToUtc(schedule.at, schedule.timezone);
    return at && at > after ? at : null;
  }
  const startsAt = zonedToUtc(schedule.startsOn, schedule.timezone);
  const from = startsAt && startsAt.getTime() - 1000 > after.getTime() ? new Date(startsAt.getTime() - 1000) : after;
  const next = new Cron(patternOf(schedule), { timezone: schedule.timezone, paused: true }).nextRun(from);
  const until = untilInstant(schedule);
  if (!next || (until && next > until)) return null;
  return next;
}

/** When the first execution of an activated campaign runs. */
export function firstOccurrence(schedule: TCampaignSchedule, now: Date): Date | null {
  if (schedule.type === "local") return localStart(schedule, now);
  return schedule.type === "now" ? now : nextOccurrence(schedule, now);
}

/** Up to `n` upcoming occurrences, for the review step. */
export function upcomingOccurrences(schedule: TCampaignSchedule, now: Date, n = 3): Date[] {
  const out: Date[] = [];
  for (let at = firstOccurrence(schedule, now); at && out.length < n; at = schedule.type === "recurring" ? nextOccurrence(schedule, at) : null) out.push(at);
  return out;
}
