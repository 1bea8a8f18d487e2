import { eq, sql } from "drizzle-orm";
import { getDb, getDbHandle, type Tx } from "@/db/client";
import { audiences, csvImportErrors, csvImports, profileAttributeTypes, type TIdentityNamespace } from "@/db/schema";
import { transaction } from "@/db/transaction";
import { phoneCountryOf } from "@/server/profiles/phone-country";
import { parseRow } from "./parse-row";
import { CsvFormatError, readRecords, type TRecordBatch } from "./read-records";
import { removeUpload, absolutePathOf } from "./upload-files";
import { upsertProfiles } from "./upsert-profiles";
import { recordImportConsents } from "@/server/consents/import-consents";

/** Error rows kept per import for the list and the download; all are counted. */
export const MAX_STORED_ERRORS = 1000;

export type TChunkResult = { done: boolean; status: string; bytesProcessed: number; rowsProcessed: number };

/**
 * Imports a batch of rows read from the import's file, in two phases:
 * 1. the profiles, identities and list memberships, split by identity over a few
 *    concurrent transactions (PARCOURS_CSV_WRITERS, default 2 on PostgreSQL). Writing them
 *    is idempotent: `attributes || new`, and inserts that do nothing on conflict;
 * 2. the error rows, attribute types, new offset and counts, in one transaction that
 *    locks the import and checks it is still at the batch's start.
 * A crash between the two re-runs the batch, which changes nothing twice and is counted
 * once; a batch that another worker already committed is not counted again.
 */
export async function importBatch(importId: string, batch: TRecordBatch): Promise<TChunkResult & { moved?: boolean }> {
  const handle = await getDbHandle();
  const db = handle.db;
  const [peek] = await db.select().from(csvImports).where(eq(csvImports.id, importId));
  if (!peek) return { done: true, status: "missing", bytesProcessed: 0, rowsProcessed: 0 };
  const peekState = { status: peek.status as string, bytesProcessed: peek.bytesProcessed, rowsProcessed: peek.rowsProcessed };
  if (peek.status !== "importing" || !peek.mapping) return { done: true, ...peekState };
  if (!peek.audienceId) {
    await db.update(csvImports).set({ status: "failed", error: "The list was deleted during the import", finishedAt: new Date() }).where(eq(csvImports.id, importId));
    return { done: true, ...peekState, status: "failed" };
  }
  if (peek.bytesProcessed !== batch.start) return { done: false, moved: true, ...peekState };

  const writers = handle.driver === "pglite" ? 1 : Math.max(1, Number(process.env.PARCOURS_CSV_WRITERS ?? 2));
  const country = peek.mapping.some((m) => m.namespace === "phone" || m.key === "phone") ? await phoneCountryOf(db, peek.workspaceId) : undefined;
  const parsed = parseRecords(peek, batch.records, writers, country);
  const target = { workspaceId: peek.workspaceId, namespace: parsed.namespace, listId: peek.audienceId };
  // Commits need not wait for the disk: WAL order keeps an earlier batch's commit durable
  // before a later one's, and a batch lost in a crash is simply re-run.
  const relaxed = async (tx: Tx) => void (handle.driver === "postgres" && (await tx.execute(sql`set local synchronous_commit = off`)));
  await Promise.all(parsed.partitions.filter((p) => p.size).map((rows) => transaction(db, async (tx) => (await relaxed(tx), await upsertProfiles(tx, target, rows), recordImportConsents(tx, target.workspaceId, target.namespace, rows)))));

  const result = await transaction(db, async (tx) => {
    await relaxed(tx);
    const [job] = await tx.select().from(csvImports).where(eq(csvImports.id, importId)).for("update");
    if (!job) return { done: true, status: "missing", bytesProcessed: 0, rowsProcessed: 0 };
    const state = { status: job.status as string, bytesProcessed: job.bytesProcessed, rowsProcessed: job.rowsProcessed };
    if (job.status !== "importing") return { done: true, ...state };
    if (job.bytesProcessed !== batch.start) return { done: false, moved: true, ...state };
    await recordTypes(tx, job.workspaceId, job.mapping!, parsed.partitions);
    const room = MAX_STORED_ERRORS - job.rowsFailed;
    if (parsed.errors.length && room > 0) await tx.insert(csvImportErrors).values(parsed.errors.slice(0, room)).onConflictDoNothing();
    const done = batch.done;
    await tx
      .update(csvImports)
      .set({
        bytesProcessed: done ? job.bytesTotal : batch.nextOffset,
        rowsProcessed: sql`${csvImports.rowsProcessed} + ${batch.records.length}`,
        rowsImported: sql`${csvImports.rowsImported} + ${parsed.imported}`,
        rowsFailed: sql`${csvImports.rowsFailed} + ${parsed.errors.length}`,
        ...(done ? { status: "completed" as const, finishedAt: new Date() } : {}),
      })
      .where(eq(csvImports.id, importId));
    if (done) await tx.update(audiences).set({ updatedAt: new Date() }).where(eq(audiences.id, job.audienceId!));
    return { done, status: done ? "completed" : "importing", bytesProcessed: done ? job.bytesTotal : batch.nextOffset, rowsProcessed: job.rowsProcessed + batch.records.length };
  });
  if (result.status === "completed") await removeUpload(peek.storedPath);
  return result;
}

/** Stops an import on a file that is not CSV, if it is still at the offset the error was found after. */
export async function failOnFormat(importId: string, error: CsvFormatError): Promise<TChunkResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [job] = await tx.select().from(csvImports).where(eq(csvImports.id, importId)).for("update");
    if (!job) return { done: true, status: "missing", bytesProcessed: 0, rowsProcessed: 0 };
    const state = { status: job.status as string, bytesProcessed: job.bytesProcessed, rowsProcessed: job.rowsProcessed };
    if (job.status !== "importing" || job.bytesProcessed !== error.batchStart) return { done: job.status !== "importing", ...state };
    const row = job.rowsProcessed + error.recordsRead + (error.batchStart === 0 ? 0 : 1) + 1;
    const message = `The file is not valid CSV at row ${row}: ${error.reason}. Rows before it were imported.`;
    await tx.update(csvImports).set({ status: "failed", error: message, finishedAt: new Date() }).where(eq(csvImports.id, importId));
    return { done: true, ...state, status: "failed" };
  });
}

/** Reads the next `maxRows` rows from the stored offset and imports them (tests, one-off use). */
export async function importChunk(importId: string, maxRows = 5000): Promise<TChunkResult> {
  const db = await getDb();
  const [job] = await db.select().from(csvImports).where(eq(csvImports.id, importId));
  if (!job || job.status !== "importing") return { done: true, status: job?.status ?? "missing", bytesProcessed: job?.bytesProcessed ?? 0, rowsProcessed: job?.rowsProcessed ?? 0 };
  let batch: TRecordBatch;
  try {
    batch = await readRecords(absolutePathOf(job.storedPath), job.bytesProcessed, maxRows);
  } catch (error) {
    if (error instanceof CsvFormatError) return failOnFormat(importId, error);
    throw error;
  }
  return importBatch(importId, batch);
}

type TJob = typeof csvImports.$inferSelect;

/** The batch's rows by identity value (a value repeated in the file is one profile; later cells win), split into partitions by value. */
function parseRecords(job: TJob, records: string[][], partitions: number, country?: string) {
  const mapping = job.mapping!;
  const parts = Array.from({ length: partitions }, () => new Map<string, Record<string, unknown>>());
  const errors: { importId: string; rowNumber: number; message: string; raw: string }[] = [];
  let namespace: TIdentityNamespace = "external_id";
  let imported = 0;
  records.forEach((fields, i) => {
    const row = parseRow(fields, mapping, mapping.length, country);
    // Row 1 is the header, as in a spreadsheet.
    if (!row.ok) return void errors.push({ importId: job.id, rowNumber: job.rowsProcessed + i + 2, message: row.message, raw: row.raw });
    namespace = row.identity.namespace;
    const part = parts[partitions === 1 ? 0 : hash(row.identity.value) % partitions]!;
    part.set(row.identity.value, { ...part.get(row.identity.value), ...row.attributes });
    imported++;
  });
  return { partitions: parts, errors, namespace, imported };
}

/** FNV-1a: spreads identity values over the writers. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The mapped types of the attributes this chunk set, once per chunk. */
async function recordTypes(tx: Tx, workspaceId: string, mapping: NonNullable<TJob["mapping"]>, partitions: Map<string, Record<string, unknown>>[]) {
  const seen = new Set<string>();
  for (const rows of partitions) for (const attrs of rows.values()) for (const key of Object.keys(attrs)) seen.add(key);
  const types = mapping
    .filter((m) => m.role === "attribute" && m.key && seen.has(m.key))
    .map((m) => ({ workspaceId, key: m.key!, type: m.type ?? "string" }))
    .concat(mapping.filter((m) => m.role === "identity" && m.namespace !== "external_id" && seen.has(m.namespace!)).map((m) => ({ workspaceId, key: m.namespace!, type: "string" as const })));
  if (types.length === 0) return;
  await tx
    .insert(profileAttributeTypes)
    .values(types)
    .onConflictDoUpdate({ target: [profileAttributeTypes.workspaceId, profileAttributeTypes.key, profileAttributeTypes.type], set: { lastSeenAt: sql`now()` } });
}
