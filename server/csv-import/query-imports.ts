import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { audiences, csvImportErrors, csvImports } from "@/db/schema";
import { findImport } from "./find-import";

const PUBLIC_COLUMNS = {
  id: csvImports.id,
  fileName: csvImports.fileName,
  status: csvImports.status,
  bytesTotal: csvImports.bytesTotal,
  bytesProcessed: csvImports.bytesProcessed,
  rowsProcessed: csvImports.rowsProcessed,
  rowsImported: csvImports.rowsImported,
  rowsFailed: csvImports.rowsFailed,
  error: csvImports.error,
  audienceId: csvImports.audienceId,
  createdAt: csvImports.createdAt,
  startedAt: csvImports.startedAt,
  finishedAt: csvImports.finishedAt,
};

/** An import's progress and counts, with the name of its list. */
export async function getImport(workspaceId: string, importId: string) {
  const db = await getDb();
  await findImport(db, workspaceId, importId);
  const [row] = await db
    .select({ ...PUBLIC_COLUMNS, audienceName: audiences.name })
    .from(csvImports)
    .leftJoin(audiences, eq(audiences.id, csvImports.audienceId))
    .where(eq(csvImports.id, importId));
  return row!;
}

/** The workspace's latest imports. */
export async function listImports(workspaceId: string, limit = 20) {
  const db = await getDb();
  return db
    .select({ ...PUBLIC_COLUMNS, audienceName: audiences.name })
    .from(csvImports)
    .leftJoin(audiences, eq(audiences.id, csvImports.audienceId))
    .where(eq(csvImports.workspaceId, workspaceId))
    .orderBy(desc(csvImports.createdAt))
    .limit(limit);
}

/** The first stored error rows of an import, by row number. */
export async function importErrors(workspaceId: string, importId: string, limit = 100) {
  const db = await getDb();
  await findImport(db, workspaceId, importId);
  return db
    .select({ rowNumber: csvImportErrors.rowNumber, message: csvImportErrors.message, raw: csvImportErrors.raw })
    .from(csvImportErrors)
    .where(and(eq(csvImportErrors.importId, importId)))
    .orderBy(asc(csvImportErrors.rowNumber))
    .limit(limit);
}
