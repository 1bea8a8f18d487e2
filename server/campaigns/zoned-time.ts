/** The UTC offset of a zone at an instant, in minutes (Paris in summer: 120). */
function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant of a wall-clock time ("2026-05-01T09:30") in a zone. A time skipped by a DST
 * change moves forward by the gap, as clocks do.
 */
export function zonedToUtc(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(local);
  if (!m) return null;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  const candidates = [offsetMinutes(new Date(guess), timeZone)];
  candidates.push(offsetMinutes(new Date(guess - candidates[0]! * 60_000), timeZone));
  // The offset that holds at the instant it gives; in a DST gap neither does: take the later.
  const exact = candidates.find((off) => offsetMinutes(new Date(guess - off * 60_000), timeZone) === off);
  return new Date(exact !== undefined ? guess - exact * 60_000 : Math.max(...candidates.map((off) => guess - off * 60_000)));
}
