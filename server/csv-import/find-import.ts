import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { csvImports } from "@/db/schema";
import { notFound } from "@/server/errors";

/** An import of the workspace (NOT_FOUND for another workspace's), optionally locked. */
export async function findImport(db: DbOrTx, workspaceId: string, importId: string, lock = false) {
  const query = db.select().from(csvImports).where(and(eq(csvImports.id, importId), eq(csvImports.workspaceId, workspaceId)));
  const [job] = lock ? await query.for("update") : await query;
  if (!job) throw notFound("Import");
  return job;
}
