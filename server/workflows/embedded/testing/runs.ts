import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { wfRunLog, wfRuns } from "@/db/schema";

/** The runs of one function (full id, with the app prefix), oldest first. */
export async function runsOf(fullFnId: string) {
  const db = await getDb();
  return db.select().from(wfRuns).where(eq(wfRuns.fnId, fullFnId)).orderBy(asc(wfRuns.startedAt), asc(wfRuns.id));
}

export async function logOf(runId: string) {
  const db = await getDb();
  return db.select().from(wfRunLog).where(eq(wfRunLog.runId, runId)).orderBy(asc(wfRunLog.id));
}
