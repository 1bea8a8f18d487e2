import { parse } from "csv-parse/sync";
import { and, asc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { csvImportErrors } from "@/db/schema";
import { csvRow } from "@/server/csv-export/csv-cell";
import { findImport } from "./find-import";
import { readRecords } from "./read-records";
import { absolutePathOf } from "./upload-files";

/**
 * An import's error rows as CSV: row number and reason, then the row's own cells under the
 * file's header (when the file is still there), so it can be fixed and imported again.
 * Streamed page by page; every cell goes through csvRow, so a formula in the file is not
 * run by the spreadsheet that opens the download.
 */
export async function errorsCsv(workspaceId: string, importId: string): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  const db = await getDb();
  const job = await findImport(db, workspaceId, importId);
  const header = job.mapping?.map((m) => m.header) ?? (await readRecords(absolutePathOf(job.storedPath), 0, 0).catch(() => ({ header: null }))).header ?? [];
  const encoder = new TextEncoder();
  let after = 0;
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(encoder.encode(`${csvRow(["row", "error", ...header])}\r\n`));
        return;
      }
      const page = await db
        .select()
        .from(csvImportErrors)
        .where(and(eq(csvImportErrors.importId, importId), gt(csvImportErrors.rowNumber, after)))
        .orderBy(asc(csvImportErrors.rowNumber))
        .limit(500);
      if (page.length === 0) return controller.close();
      after = page.at(-1)!.rowNumber;
      controller.enqueue(encoder.encode(page.map((e) => `${csvRow([e.rowNumber, e.message, ...cellsOf(e.raw)])}\r\n`).join("")));
    },
  });
  return { fileName: `${job.fileName.replace(/\.[^.]+$/, "")}-errors.csv`, body };
}

/** The cells of a stored error row (one CSV line, as csvLine wrote it). */
function cellsOf(raw: string | null): string[] {
  if (!raw) return [];
  try {
    return (parse(raw, { relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? [];
  } catch {
    return [raw];
  }
}
