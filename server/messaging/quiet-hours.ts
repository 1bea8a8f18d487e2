// Quiet hours in a profile's own time zone: a message due inside the window waits until the
// window ends, local time. Pure, so the DST and midnight cases are unit-tested.

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function minutesOf(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new Error(`"${hhmm}" is not a HH:MM time`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes since local midnight at `at` in `timeZone`. */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get("hour") * 60 + get("minute");
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * When the quiet window containing `at` ends, or null when `at` is outside it. The window
 * may wrap midnight (21:00-08:00). The end is found by stepping minute-accurate local time,
 * so a DST change inside the window still lands on the local end time.
 */
export function quietHoursEnd(at: Date, window: { start: string; end: string }, timeZone: string): Date | null {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) return null;
  const inside = (m: number) => (start < end ? m >= start && m < end : m >= start || m < end);
  const now = localMinutes(at, timeZone);
  if (!inside(now)) return null;
  const wait = (end - now + 1440) % 1440;
  let candidate = new Date(Math.floor(at.getTime() / 60_000) * 60_000 + wait * 60_000);
  // A DST shift inside the window moves local time by up to an hour: correct once.
  const drift = (localMinutes(candidate, timeZone) - end + 1440) % 1440;
  if (drift !== 0) candidate = new Date(candidate.getTime() - (drift > 720 ? drift - 1440 : drift) * 60_000);
  return candidate;
}
