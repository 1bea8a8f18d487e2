const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Inngest duration strings: "30s", "1d", "1h30m", "2w"; a number is milliseconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === "number") return value;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const re = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = re.exec(text); match; match = re.exec(text)) {
    total += Number(match[1]) * (UNIT_MS[match[2]!] ?? 0);
    consumed = re.lastIndex;
  }
  if (consumed !== text.length || consumed === 0) throw new Error(`Invalid duration "${value}"`);
  return total;
}

/** A Sleep op's name is a duration ("1d") or, for sleepUntil, an ISO date. */
export function sleepTarget(name: string, now: Date): Date {
  if (name === "" || name === "0") return now; // the SDK sends an empty name for sleep("0s")
  if (/^\d{4}-\d{2}-\d{2}T/.test(name)) {
    const at = new Date(name);
    if (Number.isNaN(at.getTime())) throw new Error(`Invalid sleep date "${name}"`);
    return at;
  }
  return new Date(now.getTime() + parseDuration(name));
}
