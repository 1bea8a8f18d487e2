import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { audienceMembers, csvImports } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { importChunk } from "@/server/csv-import/import-chunk";
import { startImport } from "@/server/csv-import/start-import";
import { createTestUpload } from "@/server/csv-import/test-upload";
import { createTeam } from "@/test/fixtures";
import { VirtualClock } from "../embedded/clock";
import { createAppExecutor } from "../embedded/start-embedded";
import { runsOf } from "../embedded/testing/runs";

const FN = "parcours-csv-import.run";
const mapping = [
  { column: 0, header: "id", role: "identity" as const, namespace: "external_id" as const },
  { column: 1, header: "score", role: "attribute" as const, key: "score", type: "number" as const },
];

let workspaceId: string;
beforeAll(async () => {
  workspaceId = (await createTeam("Function imports")).workspace.id;
});
afterEach(() => {
  delete process.env.PARCOURS_CSV_CHUNK_ROWS;
  delete process.env.PARCOURS_CSV_SLICE_MS;
});

async function importOf(id: string) {
  const db = await getDb();
  const [job] = await db.select().from(csvImports).where(eq(csvImports.id, id));
  return { job: job!, members: await db.select().from(audienceMembers).where(eq(audienceMembers.audienceId, job!.audienceId!)) };
}

const rows = (n: number) => `id,score\n${Array.from({ length: n }, (_, i) => (i === 4 ? `u${i},high` : `u${i},${i}`)).join("\n")}\n`;

describe("csv-import.run on the embedded executor", () => {
  it("imports the file in steps of chunks and completes the import", async () => {
    // One chunk of 3 rows per step, so the run takes several steps.
    process.env.PARCOURS_CSV_CHUNK_ROWS = "3";
    process.env.PARCOURS_CSV_SLICE_MS = "0";
    const executor = await createAppExecutor({ clock: new VirtualClock(new Date()) });
    const upload = await createTestUpload(workspaceId, rows(10), "scores.csv");
    await startImport(workspaceId, { importId: upload.id, mapping, listName: "Scores" }, cliActor);
    await executor.drain();
    const run = (await runsOf(FN)).find((r) => (r.event as { data: { importId: string } }).data.importId === upload.id);
    expect(run).toMatchObject({ status: "completed", output: { done: true, status: "completed", rowsProcessed: 10 } });
    const { job, members } = await importOf(upload.id);
    expect(job).toMatchObject({ status: "completed", rowsImported: 9, rowsFailed: 1, bytesProcessed: job.bytesTotal });
    expect(members).toHaveLength(9);
  });

  it("resumes a half-done import from its stored offset (as after a crash) without counting rows twice", async () => {
    process.env.PARCOURS_CSV_CHUNK_ROWS = "4";
    const upload = await createTestUpload(workspaceId, rows(10), "resume.csv");
    await startImport(workspaceId, { importId: upload.id, mapping, listName: "Resumed" }, cliActor);
    // A worker committed two chunks, then died before its step returned.
    await importChunk(upload.id, 4);
    await importChunk(upload.id, 4);
    expect((await importOf(upload.id)).job.rowsProcessed).toBe(8);
    const executor = await createAppExecutor({ clock: new VirtualClock(new Date()) });
    await executor.drain();
    const { job, members } = await importOf(upload.id);
    expect(job).toMatchObject({ status: "completed", rowsProcessed: 10, rowsImported: 9, rowsFailed: 1 });
    expect(members).toHaveLength(9);
  });
});
