import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { audienceMembers, csvImportErrors, csvImports, profileAttributeTypes, profileIdentities, profiles } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { createTeam } from "@/test/fixtures";
import { importChunk } from "./import-chunk";
import { startImport } from "./start-import";
import { createTestUpload } from "./test-upload";

const mapping = [
  { column: 0, header: "email", role: "identity" as const, namespace: "email" as const },
  { column: 1, header: "name", role: "attribute" as const, key: "name", type: "string" as const },
  { column: 2, header: "age", role: "attribute" as const, key: "age", type: "number" as const },
];

let workspaceId: string;
beforeAll(async () => {
  workspaceId = (await createTeam("Importers")).workspace.id;
  // startImport queues the run; no executor is needed to record the event.
  const { startEmbeddedExecutor } = await import("@/server/workflows/embedded/start-embedded");
  await (await startEmbeddedExecutor()).stop();
});

async function started(csv: string) {
  const upload = await createTestUpload(workspaceId, csv, "people.csv");
  const job = await startImport(workspaceId, { importId: upload.id, mapping, listName: `List ${crypto.randomUUID().slice(0, 6)}` }, cliActor);
  return job;
}

async function state(importId: string) {
  const db = await getDb();
  const [job] = await db.select().from(csvImports).where(eq(csvImports.id, importId));
  const members = await db.select().from(audienceMembers).where(eq(audienceMembers.audienceId, job!.audienceId!));
  const errors = await db.select().from(csvImportErrors).where(eq(csvImportErrors.importId, importId)).orderBy(csvImportErrors.rowNumber);
  return { job: job!, members, errors };
}

async function profileOf(email: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: profiles.id, attributes: profiles.attributes })
    .from(profileIdentities)
    .innerJoin(profiles, eq(profiles.id, profileIdentities.profileId))
    .where(eq(profileIdentities.value, email));
  return row;
}

describe("importChunk", () => {
  it("creates and updates profiles, merges with existing identities, fills the list and keeps error rows", async () => {
    const db = await getDb();
    const [existing] = await db.insert(profiles).values({ workspaceId, attributes: { plan: "pro", name: "Old" } }).returning();
    await db.insert(profileIdentities).values({ workspaceId, namespace: "email", value: "known@example.com", profileId: existing!.id });

    const job = await started("email,name,age\r\nKnown@Example.com,Known,40\nnew@example.com,New,\nbad-email,X,1\nthird@example.com,Third,old\nnew@example.com,,31\n");
    const result = await importChunk(job.id, 100);
    expect(result).toMatchObject({ done: true, status: "completed", rowsProcessed: 5 });

    const { job: after, members, errors } = await state(job.id);
    expect(after).toMatchObject({ status: "completed", rowsProcessed: 5, rowsImported: 3, rowsFailed: 2, bytesProcessed: after.bytesTotal });
    expect(errors.map((e) => [e.rowNumber, e.message, e.raw])).toEqual([
      [4, '"email" is not a valid email: bad-email', "bad-email,X,1"],
      [5, '"age" is not a number: old', "third@example.com,Third,old"],
    ]);
    expect((await profileOf("known@example.com"))).toEqual({ id: existing!.id, attributes: { plan: "pro", name: "Known", age: 40, email: "known@example.com" } });
    // A repeated identity is one profile; later rows' cells win, empty cells keep what was there.
    expect((await profileOf("new@example.com"))?.attributes).toEqual({ email: "new@example.com", name: "New", age: 31 });
    expect(members.map((m) => m.profileId).sort()).toEqual([existing!.id, (await profileOf("new@example.com"))!.id].sort());
    const types = await db.select().from(profileAttributeTypes).where(eq(profileAttributeTypes.workspaceId, workspaceId));
    expect(types.map((t) => `${t.key}:${t.type}`).sort()).toEqual(["age:number", "email:string", "name:string"]);
  });

  it("resumes from the stored offset chunk by chunk, without duplicates or double counts", async () => {
    const lines = Array.from({ length: 23 }, (_, i) => `p${i}@example.com,"Name, ${i}",${i}`);
    const job = await started(`email,name,age\n${lines.join("\n")}`);
    const offsets: number[] = [];
    for (let guard = 0; guard < 20; guard++) {
      const r = await importChunk(job.id, 5);
      offsets.push(r.bytesProcessed);
      if (r.done) break;
    }
    expect(offsets.length).toBe(5);
    // A chunk run again after the import finished (a retried step) changes nothing.
    expect(await importChunk(job.id, 5)).toMatchObject({ done: true, rowsProcessed: 23 });
    const { job: after, members } = await state(job.id);
    expect(after).toMatchObject({ rowsProcessed: 23, rowsImported: 23, rowsFailed: 0 });
    expect(members).toHaveLength(23);
    expect((await profileOf("p22@example.com"))?.attributes).toEqual({ email: "p22@example.com", name: "Name, 22", age: 22 });
  });

  it("two imports of the same people at once make one profile per person, in both lists", async () => {
    const db = await getDb();
    const csv = `email,name,age\n${Array.from({ length: 300 }, (_, i) => `same${i}@example.com,S${i},${i}`).join("\n")}\n`;
    const [a, b] = await Promise.all([started(csv), started(csv)]);
    await Promise.all([importChunk(a.id, 1000), importChunk(b.id, 1000)]);
    const ids = await db
      .select({ profileId: profileIdentities.profileId })
      .from(profileIdentities)
      .where(sql`${profileIdentities.value} like 'same%'`);
    expect(new Set(ids.map((r) => r.profileId)).size).toBe(300);
    expect((await state(a.id)).members).toHaveLength(300);
    expect((await state(b.id)).members).toHaveLength(300);
    // No profile was left behind by the identity race.
    const [orphans] = await db.select({ n: count() }).from(profiles).where(sql`not exists (select 1 from profile_identities i where i.profile_id = ${profiles.id})`);
    expect(orphans!.n).toBe(0);
  });

  it("fails the import on a file that is not CSV, keeping the rows before", async () => {
    const job = await started('email,name,age\nok@example.com,Ok,1\nbroken@example.com,"unclosed,2\n');
    expect(await importChunk(job.id, 100)).toMatchObject({ done: false, rowsProcessed: 1 });
    expect(await importChunk(job.id, 100)).toMatchObject({ done: true, status: "failed" });
    const { job: after } = await state(job.id);
    expect(after.error).toBe("The file is not valid CSV at row 3: a quoted field is never closed. Rows before it were imported.");
    expect(after.rowsImported).toBe(1);
  });
});
