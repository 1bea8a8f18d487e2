import type { TCampaignSchedule } from "@/db/schema";
import { zonedToUtc } from "./zoned-time";

type TLocal = Extract<TCampaignSchedule, { type: "local" }>;

const HOUR = 3_600_000;
/** Zones run from UTC-12 (Baker Island) to UTC+14 (Kiritimati). */
const EARLIEST_OFFSET = 14 * HOUR;
const LATEST_OFFSET = 12 * HOUR;

const wallClock = (s: TLocal) => Date.parse(`${s.date}T${s.time}:00Z`);

/**
 * The span in which `time` on `date` comes round somewhere on Earth: first in UTC+14, last
 * in UTC-12. An execution starts (and snapshots its audience) at `first`.
 */
export function localWindow(s: TLocal): { first: Date; last: Date } {
  const at = wallClock(s);
  return { first: new Date(at - EARLIEST_OFFSET), last: new Date(at + LATEST_OFFSET) };
}

/** When a local-time campaign activated at `now` starts: its window's first instant, or now once that is past; null when the time has passed in every zone. */
export function localStart(s: TLocal, now: Date): Date | null {
  const { first, last } = localWindow(s);
  if (last.getTime() <= now.getTime()) return null;
  return first > now ? first : now;
}

/**
 * When recipients in `zone` get a local-time send that started at `startsAt`: `time` on
 * `date` in that zone, or, when that instant was already past as the send started (the
 * campaign was activated late), the same time on the next day. Decided so: a message that
 * promises 9:00 arrives at 9:00, a day late, rather than at 15:00 the same day.
 */
export function waveInstant(s: TLocal, zone: string, startsAt: Date): Date {
  const at = zonedToUtc(`${s.date}T${s.time}`, zone)!;
  if (at.getTime() >= startsAt.getTime()) return at;
  const next = new Date(Date.parse(`${s.date}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);
  return zonedToUtc(`${next}T${s.time}`, zone)!;
}
