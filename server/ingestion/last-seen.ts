/**
 * last_seen_at is kept to the minute: a call on a profile seen less than this long ago,
 * bringing no traits and no new time zone, does not rewrite the profile's row.
 */
export const SEEN_PRECISION_MS = 60_000;

/**
 * Profiles whose last_seen_at this process set, and when: a call on one of them within
 * SEEN_PRECISION_MS (no traits, no time zone) needs no UPDATE at all. Bounded: cleared when full.
 */
const lastSeenHere = new Map<string, number>();
const SEEN_ENTRIES = 200_000;

export function seenRecently(profileId: string, now: Date): boolean {
  const at = lastSeenHere.get(profileId);
  return at !== undefined && now.getTime() - at < SEEN_PRECISION_MS;
}

export function markSeen(ids: string[], now: Date) {
  if (lastSeenHere.size + ids.length > SEEN_ENTRIES) lastSeenHere.clear();
  for (const id of ids) lastSeenHere.set(id, now.getTime());
}
