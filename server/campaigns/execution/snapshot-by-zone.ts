import { eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { messagingSettings, type TCampaignSchedule, type TExecutionWave } from "@/db/schema";
import { isValidTimeZone } from "@/server/messaging/quiet-hours";
import { waveInstant } from "../local-time";

type TLocal = Extract<TCampaignSchedule, { type: "local" }>;

/**
 * The snapshot of a local-time execution: the audience's members (`source`: "from profiles p
 * …") numbered by the instant their zone reaches the schedule's time, then by profile id, so
 * each wave is a run of positions. Profiles without a valid zone take the workspace's default
 * zone (Sending rules). Two statements: the audience's zones, then one INSERT … SELECT that
 * also returns each wave's positions, read from the rows it inserted.
 */
export async function snapshotByZone(tx: DbOrTx, executionId: string, workspaceId: string, source: SQL, schedule: TLocal, startsAt: Date): Promise<TExecutionWave[]> {
  const [settings] = await tx.select({ zone: messagingSettings.defaultTimezone }).from(messagingSettings).where(eq(messagingSettings.workspaceId, workspaceId));
  const fallback = settings?.zone && isValidTimeZone(settings.zone) ? settings.zone : "UTC";
  const fallbackAt = waveInstant(schedule, fallback, startsAt).getTime();
  const zones = rowsOf<{ zone: string | null }>(await tx.execute(sql`select distinct p.timezone as zone ${source}`));
  const instants: Record<string, number> = {};
  const zonesAt = new Map<number, Set<string>>([[fallbackAt, new Set()]]);
  for (const { zone } of zones) {
    const valid = zone && isValidTimeZone(zone);
    const at = valid ? waveInstant(schedule, zone, startsAt).getTime() : fallbackAt;
    if (valid) instants[zone] = at;
    if (!zonesAt.has(at)) zonesAt.set(at, new Set());
    zonesAt.get(at)!.add(valid ? zone : "");
  }
  const waves = rowsOf<{ at: string; first: number; last: number }>(
    await tx.execute(sql`
      with src as (select p.id, coalesce((${JSON.stringify(instants)}::jsonb ->> p.timezone)::bigint, ${fallbackAt}::bigint) as at ${source}),
      numbered as (select id, at, row_number() over (order by at, id) as position from src),
      inserted as (insert into campaign_recipients (execution_id, position, profile_id) select ${executionId}, position, id from numbered returning position)
      select n.at::text as at, min(n.position)::int as first, max(n.position)::int as last
      from numbered n join inserted i on i.position = n.position group by n.at order by n.at`),
  );
  return waves.map((w) => {
    const at = Number(w.at);
    // A profile that took a new zone between the two statements goes with the default's wave: its zone may be missing here.
    return { at: new Date(at).toISOString(), after: Number(w.first) - 1, to: Number(w.last), zones: [...(zonesAt.get(at) ?? [])].sort() };
  });
}
