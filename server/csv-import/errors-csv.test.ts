import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { csvImportErrors } from "@/db/schema";
import { createTeam } from "@/test/fixtures";
import { csvLine } from "./csv-line";
import { errorsCsv } from "./errors-csv";
import { createTestUpload } from "./test-upload";

describe("errorsCsv", () => {
  it("gives back each error row's cells, with formula cells neutralized", async () => {
    const { workspace } = await createTeam("Errors CSV");
    const upload = await createTestUpload(workspace.id, "email,=note\nada@example.com,ok\n");
    const db = await getDb();
    await db.insert(csvImportErrors).values([
      { importId: upload.id, rowNumber: 2, message: "email is not an address", raw: csvLine(["=cmd|' /C calc'!A0", "@SUM(1)"]) },
      { importId: upload.id, rowNumber: 3, message: "=bad", raw: csvLine(['say "hi", -3', "-2+3"]) },
    ]);
    const { body, fileName } = await errorsCsv(workspace.id, upload.id);
    expect(fileName).toBe("people-errors.csv");
    const rows = parse(await new Response(body).text()) as string[][];
    expect(rows).toEqual([
      ["row", "error", "email", "'=note"],
      ["2", "email is not an address", "'=cmd|' /C calc'!A0", "'@SUM(1)"],
      ["3", "'=bad", 'say "hi", -3', "'-2+3"],
    ]);
  });
});
