import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { fileShapesCte } from "@/server/workflows/embedded/match-shapes";
import { SCAN_KEY, waitKeyOf } from "@/server/workflows/embedded/wait-keys";

const EXPRESSION = "event.data.profileId == async.data.profileId"; // what `match: "data.profileId"` sends
const CHUNK = 5_000;

/**
 * Opens `count` waits for `name`, one per run and profile (p<from> …), as registerWait files
 * them (keyed), or as the old code kept them (every one read on each event: "scan"), with their
 * timeout jobs; in bulk, since one by one 100,000 would take minutes. Returns the next profile number.
 */
export async function openWaits(db: Db, name: string, from: number, count: number, mode: "keyed" | "scan"): Promise<number> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 86_400_000).toISOString();
  const shapes: { eventName: string; shape: string }[] = [];
  for (let start = from; start < from + count; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, from + count - start) }, (_, i) => {
      const event = { name: "bench/start", id: `${name}-${start + i}`, ts: now.getTime(), data: { profileId: `p${start + i}` } };
      const keyed = mode === "keyed" ? waitKeyOf(EXPRESSION, event) : null;
      if (i === 0 && keyed) shapes.push({ eventName: name, shape: keyed.shape });
      return { id: crypto.randomUUID(), event, match_key: keyed?.key ?? SCAN_KEY, scan: !keyed };
    });
    const json = JSON.stringify(rows);
    await db.execute(sql`insert into wf_runs (id, fn_id, status, event, max_attempts, started_at)
      select x.id, 'bench-waiter', 'running', x.event, 1, ${now.toISOString()}::timestamptz from jsonb_to_recordset(${json}::jsonb) as x(id uuid, event jsonb)`);
    await db.execute(sql`insert into wf_waits (run_id, step_id, event_name, expression, created_at, expires_at, match_key, matched_by_scan)
      select x.id, 'paid', ${name}, ${EXPRESSION}, ${now.toISOString()}::timestamptz, ${expiresAt}::timestamptz, x.match_key, x.scan
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, match_key text, scan boolean)`);
    await db.execute(sql`insert into wf_jobs (run_id, fn_id, kind, step_id, run_at)
      select x.id, 'bench-waiter', 'wait-timeout', 'paid', ${expiresAt}::timestamptz from jsonb_to_recordset(${json}::jsonb) as x(id uuid)`);
  }
  if (shapes.length) await db.execute(fileShapesCte(shapes));
  await db.execute(sql`analyze wf_waits`);
  return from + count;
}

/** Throws unless each event name has exactly the number of resolved waits given: each event resolved one wait, none was lost. */
export async function expectResolved(db: Db, expected: Record<string, number>): Promise<void> {
  const rows = rowsOf<{ name: string; resolved: number }>(
    await db.execute(sql`select event_name as name, count(*)::int as resolved from wf_waits where resolved_at is not null group by event_name`),
  );
  const got = Object.fromEntries(rows.map((r) => [r.name, Number(r.resolved)]));
  for (const [name, n] of Object.entries(expected)) if (got[name] !== n) throw new Error(`${name}: ${got[name] ?? 0} waits resolved, expected ${n}`);
}
