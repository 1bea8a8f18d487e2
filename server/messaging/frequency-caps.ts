import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { transaction } from "@/db/transaction";
import type { TCap } from "./messaging-settings";

/** A cap that applies to a send: across every channel (kind null) or one channel's. */
export type TCapRule = TCap & { kind: string | null };

/** The caps a message of this channel is held to: the global one and its channel's. */
export function capsFor(settings: { frequencyCap?: TCap | null; channelCaps?: Record<string, TCap> | null } | undefined, kind: string): TCapRule[] {
  const caps: TCapRule[] = [];
  if (settings?.frequencyCap) caps.push({ ...settings.frequencyCap, kind: null });
  const own = settings?.channelCaps?.[kind];
  if (own) caps.push({ ...own, kind });
  return caps;
}

export interface TCapTarget {
  index: number;
  messageId: string;
  profileId: string;
}

export type TCapRefusal = { until: Date; cap: TCapRule };

const uuids = (ids: string[]) => `{${ids.join(",")}}`;

/**
 * Takes frequency-cap slots for messages about to go, serialized per profile so concurrent
 * sends never exceed a cap: in one transaction the batch's profiles are locked
 * (pg_advisory_xact_lock, in key order, so batches sharing profiles cannot deadlock), their
 * marketing messages in the longest window are counted (sent, delivered, or reserved by a send
 * in flight), and the messages that fit are marked reserved (capped_at) before the locks go.
 * A few statements per batch whatever its size. Returns, by target index, when each refused
 * message's slot frees up.
 */
export async function reserveCapSlots(db: Db, kind: string, caps: TCapRule[], now: Date, targets: TCapTarget[]): Promise<Map<number, TCapRefusal>> {
  const refused = new Map<number, TCapRefusal>();
  if (caps.length === 0 || targets.length === 0) return refused;
  const profileIds = [...new Set(targets.map((t) => t.profileId))];
  const since = new Date(now.getTime() - Math.max(...caps.map((c) => c.hours)) * 3_600_000);
  await transaction(db, async (tx) => {
    await tx.execute(sql`select count(pg_advisory_xact_lock(k)) from (select distinct hashtextextended('cap:' || p, 0) as k from unnest(${uuids(profileIds)}::text[]) p order by k) x`);
    const rows = rowsOf<{ profile_id: string; kind: string; at: string | Date }>(
      await tx.execute(sql`select profile_id, kind, coalesce(capped_at, sent_at) as at from messages
        where profile_id = any(${uuids(profileIds)}::uuid[]) and source_type in ('campaign', 'journey') and not is_test
          and status in ('sending', 'sent', 'delivered', 'bounced', 'complained')
          and coalesce(capped_at, sent_at) > ${since.toISOString()}::timestamptz
          and id <> all(${uuids(targets.map((t) => t.messageId))}::uuid[])`),
    );
    const taken = new Map<string, { kind: string; at: number }[]>();
    for (const r of rows) {
      const list = taken.get(r.profile_id) ?? [];
      list.push({ kind: r.kind, at: new Date(r.at).getTime() });
      taken.set(r.profile_id, list);
    }
    const reserved: string[] = [];
    for (const t of targets) {
      const mine = taken.get(t.profileId) ?? [];
      const refusal = fullCap(caps, mine, now.getTime());
      if (refusal) {
        refused.set(t.index, refusal);
        continue;
      }
      mine.push({ kind, at: now.getTime() });
      taken.set(t.profileId, mine);
      reserved.push(t.messageId);
    }
    if (reserved.length) await tx.execute(sql`update messages set capped_at = ${now.toISOString()}::timestamptz where id = any(${uuids(reserved)}::uuid[])`);
  });
  return refused;
}

/** The cap this message would break, with when its oldest counted message leaves the window (the latest of several). */
function fullCap(caps: TCapRule[], taken: { kind: string; at: number }[], now: number): TCapRefusal | null {
  let worst: TCapRefusal | null = null;
  for (const cap of caps) {
    const window = cap.hours * 3_600_000;
    const times = taken.filter((m) => (cap.kind === null || m.kind === cap.kind) && m.at > now - window).map((m) => m.at).sort((a, b) => a - b);
    if (times.length < cap.max) continue;
    const until = new Date(times[times.length - cap.max]! + window);
    if (!worst || until > worst.until) worst = { until, cap };
  }
  return worst;
}
