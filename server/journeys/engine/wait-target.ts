import { zonedToUtc } from "@/server/campaigns/zoned-time";
import { isValidTimeZone } from "@/server/messaging/quiet-hours";
import { durationMs } from "../graph/model";
import type { TNodeData } from "../graph/nodes";

function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
  return parts; // en-CA formats as YYYY-MM-DD
}

/** The next HH:MM in the profile's zone (UTC when it has none), strictly after `now`. */
export function nextTimeOfDay(time: string, timeZone: string | null, now: Date): Date {
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : "UTC";
  const today = zonedToUtc(`${localDate(now, zone)}T${time}`, zone)!;
  if (today.getTime() > now.getTime()) return today;
  const tomorrow = new Date(now.getTime() + 86_400_000);
  return zonedToUtc(`${localDate(tomorrow, zone)}T${time}`, zone)!;
}

/** When a wait node ends for this profile, or null when it already has. */
export function waitTarget(data: TNodeData<"wait">, timeZone: string | null, now: Date): Date | null {
  const at = data.mode === "duration" ? new Date(now.getTime() + durationMs(data.duration)) : data.mode === "until" ? new Date(data.at) : nextTimeOfDay(data.time, timeZone, now);
  return at.getTime() > now.getTime() ? at : null;
}

/** A wait as the duration Inngest takes ("90s"), at least a second. */
export function remaining(target: Date, now: Date): string {
  return `${Math.max(1, Math.ceil((target.getTime() - now.getTime()) / 1000))}s`;
}
