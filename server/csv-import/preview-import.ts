import { getDb } from "@/db/client";
import { AppError } from "@/server/errors";
import { findImport } from "./find-import";
import { guessMapping } from "./guess-columns";
import { readRecords } from "./read-records";
import { absolutePathOf } from "./upload-files";

export const PREVIEW_ROWS = 10;

/** The header, the first rows and a proposed mapping of an uploaded file. */
export async function previewImport(workspaceId: string, importId: string) {
  const db = await getDb();
  const job = await findImport(db, workspaceId, importId);
  if (job.status !== "uploaded") throw new AppError("CONFLICT", "This import has already started; its file is no longer previewed", "importId");
  // The guesses look at more rows than are shown, so a column's 11th value counts too.
  const { header, records } = await readRecords(absolutePathOf(job.storedPath), 0, 200);
  const names = (header ?? []).map((h, i) => h.trim() || `Column ${i + 1}`);
  const defaultListName = job.fileName.replace(/\.[^.]+$/, "").replace(/[_-]+/g, " ").trim().slice(0, 100) || "Imported list";
  return {
    id: job.id,
    fileName: job.fileName,
    bytesTotal: job.bytesTotal,
    header: names,
    rows: records.slice(0, PREVIEW_ROWS),
    mapping: guessMapping(names, records),
    defaultListName,
  };
}
