import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { csvImports } from "@/db/schema";
import { importSlice } from "@/server/csv-import/import-slice";
import { inngest } from "../client";
import { csvImportRequested } from "../events";

/**
 * Imports an uploaded CSV into profiles and a list. Each step imports batches for a time
 * slice and returns only the position (small, memoized). The position lives on the import
 * row and moves with each batch's counts, so a retried or crashed step resumes where the
 * last batch committed and never counts a row twice (see server/csv-import/import-chunk.ts).
 */
export const csvImportRun = inngest.createFunction(
  {
    id: "csv-import.run",
    triggers: [csvImportRequested],
    retries: 4,
    onFailure: async ({ event, error }) => {
      const importId = (event.data.event.data as { importId: string }).importId;
      const db = await getDb();
      await db
        .update(csvImports)
        .set({ status: "failed", error: `The import stopped: ${error.message}`, finishedAt: new Date() })
        .where(and(eq(csvImports.id, importId), eq(csvImports.status, "importing")));
    },
  },
  async ({ event, step }) => {
    for (let slice = 1; ; slice++) {
      const state = await step.run(`import-slice-${slice}`, () => importSlice(event.data.importId));
      if (state.done) return state;
    }
  },
);
