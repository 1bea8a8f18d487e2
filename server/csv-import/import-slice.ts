import { eq } from "drizzle-orm";
import { getDbHandle } from "@/db/client";
import { csvImports } from "@/db/schema";
import { failOnFormat, importBatch, type TChunkResult } from "./import-chunk";
import { CsvFormatError, recordBatches, type TRecordBatch } from "./read-records";
import { absolutePathOf } from "./upload-files";

/**
 * Rows per batch and how long a step keeps taking batches (PARCOURS_CSV_CHUNK_ROWS,
 * PARCOURS_CSV_SLICE_MS). Embedded PGlite runs its queries on the app's own thread, so
 * there batches are smaller and the import pauses between them: pages stay usable while a
 * large file is imported.
 */
function settings(driver: "pglite" | "postgres") {
  const pglite = driver === "pglite";
  return {
    chunkRows: Number(process.env.PARCOURS_CSV_CHUNK_ROWS ?? (pglite ? 1000 : 5000)),
    sliceMs: Number(process.env.PARCOURS_CSV_SLICE_MS ?? 10_000),
    pauseMs: pglite ? 25 : 0,
  };
}

/**
 * Imports batches from the stored offset until the file ends or the time slice is up. The
 * next batch is read and parsed while the current one is written, so the parser and the
 * database work at the same time; each batch still commits on its own, in file order.
 */
export async function importSlice(importId: string): Promise<TChunkResult> {
  const handle = await getDbHandle();
  const db = handle.db;
  const options = settings(handle.driver);
  const [job] = await db.select().from(csvImports).where(eq(csvImports.id, importId));
  const state = { status: job?.status ?? "missing", bytesProcessed: job?.bytesProcessed ?? 0, rowsProcessed: job?.rowsProcessed ?? 0 };
  if (!job || job.status !== "importing") return { done: true, ...state };
  const until = Date.now() + options.sliceMs;
  const batches = recordBatches(absolutePathOf(job.storedPath), job.bytesProcessed, options.chunkRows);
  try {
    let next = prefetch(batches);
    for (;;) {
      const read = await next;
      if ("error" in read) return read.error instanceof CsvFormatError ? await failOnFormat(importId, read.error) : Promise.reject(read.error);
      if (!read.batch) return { done: true, ...state };
      if (!read.batch.done) next = prefetch(batches);
      const result = await importBatch(importId, read.batch);
      if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      // Stop when done, out of time, or when someone else moved the offset (start over from it).
      if (result.done || result.moved || Date.now() >= until) return { done: result.done, status: result.status, bytesProcessed: result.bytesProcessed, rowsProcessed: result.rowsProcessed };
    }
  } finally {
    await batches.return(undefined);
  }
}

type TRead = { batch: TRecordBatch | null } | { error: unknown };

/** Starts reading the next batch now; a read error is kept to be dealt with in order. */
function prefetch(batches: AsyncGenerator<TRecordBatch>): Promise<TRead> {
  return batches.next().then(
    (r) => ({ batch: r.done ? null : r.value }),
    (error: unknown) => ({ error }),
  );
}
