import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { audiences, csvImports } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { publishEvents } from "@/server/workflows/client";
import { csvImportRequested } from "@/server/workflows/events";
import { findImport } from "./find-import";
import { validateMapping, ZMapping } from "./mapping";
import { readRecords } from "./read-records";
import { absolutePathOf } from "./upload-files";

export const ZStartImport = z.object({
  importId: z.uuid("importId must be a UUID"),
  mapping: ZMapping,
  listName: z.string().trim().min(1, "Name the new list").max(120, "Keep the name under 120 characters"),
});

/**
 * Checks the mapping, creates the static list the rows will join and queues the
 * background import, all or nothing.
 */
export async function startImport(workspaceId: string, input: z.infer<typeof ZStartImport>, actor: TActor) {
  const db = await getDb();
  const job = await findImport(db, workspaceId, input.importId);
  const { header } = await readRecords(absolutePathOf(job.storedPath), 0, 0).catch(() => ({ header: null }));
  if (job.status !== "uploaded" || !header) throw new AppError("CONFLICT", "This import has already started", "importId");
  const mapping = validateMapping(input.mapping, header.map((h, i) => h.trim() || `Column ${i + 1}`));
  const started = await db.transaction(async (tx) => {
    const locked = await findImport(tx, workspaceId, input.importId, true);
    if (locked.status !== "uploaded") throw new AppError("CONFLICT", "This import has already started", "importId");
    const clash = await tx.select({ id: audiences.id }).from(audiences).where(and(eq(audiences.workspaceId, workspaceId), sql`lower(${audiences.name}) = lower(${input.listName})`));
    if (clash.length) throw new AppError("CONFLICT", `An audience named "${input.listName}" already exists`, "listName");
    const [list] = await tx
      .insert(audiences)
      .values({ workspaceId, name: input.listName, kind: "list", description: `Imported from ${job.fileName}`, createdById: actor.userId })
      .returning({ id: audiences.id });
    const [row] = await tx
      .update(csvImports)
      .set({ status: "importing", mapping, audienceId: list!.id, startedAt: new Date() })
      .where(eq(csvImports.id, job.id))
      .returning();
    await recordAudit(tx, { workspaceId, actor, action: "audience.create", entityType: "audience", entityId: list!.id, diff: { name: { to: input.listName }, kind: { to: "list" } } });
    await recordAudit(tx, { workspaceId, actor, action: "csvImport.start", entityType: "csv_import", entityId: job.id, diff: { listName: { to: input.listName }, mapping: { to: mapping } } });
    return row!;
  });
  try {
    await publishEvents(csvImportRequested.create({ importId: started.id, workspaceId }));
  } catch (error) {
    // Nothing would ever run it: say so on the import rather than leave it "importing".
    await db.update(csvImports).set({ status: "failed", error: "The import could not be queued; upload the file again", finishedAt: new Date() }).where(eq(csvImports.id, started.id));
    throw error;
  }
  return started;
}
