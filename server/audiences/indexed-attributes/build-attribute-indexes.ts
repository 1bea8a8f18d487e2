import type { TIndexedAttributeStatus } from "@/db/schema";
import { backfillStatement, dropColumnsStatement, INDEX_PREFIX, literal, structureStatement, wantedIndexes, type TIndexedEntry } from "./attribute-index-sql";
import { openBuilderSession, type TBuilderSession } from "./builder-session";

type TEntry = TIndexedEntry & { status: TIndexedAttributeStatus };

/** Heap pages a backfill statement covers (~30 profiles a page): short row locks, steady progress. */
const BACKFILL_PAGES = 1000;
/** VACUUM between backfill statements, so updated rows reuse the space of the rows before them. */
const VACUUM_EVERY_PAGES = 4000;
/** One builder at a time across processes (a session advisory lock). */
const LOCK_KEY = 7_301_946_011;

let running: Promise<void> | null = null;
let requested = false;

/**
 * Brings profiles in line with the indexed_attributes catalog, in the background of this
 * process: 'building' attributes get their column, trigger, backfill and index, then are
 * 'ready'; 'removing' ones lose theirs and leave the catalog. Every step is idempotent, so a
 * build cut short is resumed by the next. Resolves when there is nothing left to do.
 */
export function requestIndexBuild(): Promise<void> {
  requested = true;
  running ??= runBuilds();
  return running;
}

async function runBuilds(): Promise<void> {
  try {
    while (requested) {
      requested = false;
      const outcome = await buildWithLock();
      // Another process holds the lock: it looks at the catalog again once it lets go.
      if (outcome === "busy") return;
      if (outcome === "done" && (await hasWork())) requested = true;
    }
  } catch (error) {
    // No session could be opened (the database is down): the next request or start-up tries again.
    console.error("Indexing attributes could not start", error);
  } finally {
    running = null;
  }
}

async function buildWithLock(): Promise<"done" | "busy" | "failed"> {
  const s = await openBuilderSession();
  const pass = { building: [] as number[] };
  try {
    const [lock] = await s.rows<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS ok`);
    if (!lock?.ok) return "busy";
    try {
      await buildPass(s, pass);
      return "done";
    } finally {
      await s.rows(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    }
  } catch (error) {
    console.error("Indexing attributes failed", error);
    const message = literal(String((error as Error)?.message ?? error).slice(0, 500));
    if (pass.building.length) {
      await s.rows(`UPDATE indexed_attributes SET status = 'failed', error = ${message}, updated_at = now() WHERE status = 'building' AND id IN (${pass.building.join(", ")})`).catch(() => {});
    }
    return "failed";
  } finally {
    await s.release();
  }
}

async function hasWork(): Promise<boolean> {
  const s = await openBuilderSession();
  try {
    return (await s.rows(`SELECT 1 FROM indexed_attributes WHERE status IN ('building', 'removing') LIMIT 1`)).length > 0;
  } finally {
    await s.release();
  }
}

async function buildPass(s: TBuilderSession, pass: { building: number[] }): Promise<void> {
  const entries = await s.rows<TEntry>(`SELECT id, key, type, status FROM indexed_attributes ORDER BY id`);
  const kept = entries.filter((e) => e.status !== "removing");
  const building = kept.filter((e) => e.status === "building");
  const removing = entries.filter((e) => e.status === "removing");
  pass.building = building.map((e) => e.id);
  if (building.length === 0 && removing.length === 0) return;
  // 1. Columns and the trigger that keeps them (no longer the removed ones).
  await withLockRetries(() => s.rows(structureStatement(kept)));
  // 2. Existing rows, committed before the trigger (ALTER TABLE waited for their writers).
  if (building.length) {
    const [size] = await s.rows<{ pages: number }>(`SELECT (pg_relation_size('profiles') / current_setting('block_size')::int)::int AS pages`);
    for (let from = 0; from < (size?.pages ?? 0); from += BACKFILL_PAGES) {
      await s.rows(backfillStatement(building, from, from + BACKFILL_PAGES));
      // Else every row's new version is appended and the table doubles.
      if ((from + BACKFILL_PAGES) % VACUUM_EVERY_PAGES === 0) await s.rows(`VACUUM profiles`);
    }
  }
  // 3. The wanted indexes, built without blocking writes; a failed build left an invalid one.
  const wanted = wantedIndexes(kept);
  const existing = new Map((await existingIndexes(s)).map((i) => [i.name, i.valid]));
  for (const index of wanted) {
    if (existing.get(index.name) === false) await s.rows(`DROP INDEX CONCURRENTLY IF EXISTS ${index.name}`);
    if (existing.get(index.name) !== true) await s.rows(index.create);
  }
  // 4. Removed attributes: their columns (and any index still holding one), then their rows.
  if (removing.length) {
    await withLockRetries(() => s.rows(dropColumnsStatement(removing)));
    await s.rows(`DELETE FROM indexed_attributes WHERE status = 'removing' AND id IN (${removing.map((e) => e.id).join(", ")})`);
  }
  for (const stale of (await existingIndexes(s)).filter((i) => !wanted.some((w) => w.name === i.name))) {
    await s.rows(`DROP INDEX CONCURRENTLY IF EXISTS ${stale.name}`);
  }
  // 5. Index-only scans need the visibility map, the planner statistics on the new columns.
  if (building.length) {
    await s.rows(`VACUUM (ANALYZE) profiles`);
    await s.rows(`UPDATE indexed_attributes SET status = 'ready', error = NULL, updated_at = now() WHERE status = 'building' AND id IN (${building.map((e) => e.id).join(", ")})`);
  }
}

function existingIndexes(s: TBuilderSession) {
  return s.rows<{ name: string; valid: boolean }>(
    `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = 'profiles'::regclass AND starts_with(c.relname, ${literal(INDEX_PREFIX)})`,
  );
}

/** ALTER TABLE waits at most 2 s for the lock (meanwhile it holds up other queries), then tries again. */
async function withLockRetries<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if ((error as { code?: string })?.code !== "55P03" || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}
