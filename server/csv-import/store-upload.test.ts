import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { dataDir } from "@/server/config/data-dir";
import { createTeam } from "@/test/fixtures";
import { previewImport } from "./preview-import";
import { UploadTooLargeError } from "./store-upload";
import { createTestUpload } from "./test-upload";
import { absolutePathOf } from "./upload-files";

let workspaceId: string;
beforeAll(async () => {
  workspaceId = (await createTeam("Uploads")).workspace.id;
});
afterEach(() => {
  delete process.env.PARCOURS_CSV_MAX_BYTES;
});

describe("storeUpload", () => {
  it("streams the file to the data folder and previews it with a guessed mapping", async () => {
    const job = await createTestUpload(workspaceId, "\uFEFFuser_id,Plan,Score,Active\nu1,pro,3,yes\nu2,free,4.5,no\n", "My_customers-2024.csv");
    expect(job).toMatchObject({ status: "uploaded", storedPath: path.join("uploads", `${job.id}.csv`), fileName: "My_customers-2024.csv" });
    expect(existsSync(absolutePathOf(job.storedPath))).toBe(true);
    const preview = await previewImport(workspaceId, job.id);
    expect(preview).toMatchObject({ header: ["user_id", "Plan", "Score", "Active"], rows: [["u1", "pro", "3", "yes"], ["u2", "free", "4.5", "no"]], defaultListName: "My customers 2024" });
    expect(preview.mapping).toEqual([
      { column: 0, header: "user_id", role: "identity", namespace: "external_id" },
      { column: 1, header: "Plan", role: "attribute", key: "plan", type: "string" },
      { column: 2, header: "Score", role: "attribute", key: "score", type: "number" },
      { column: 3, header: "Active", role: "attribute", key: "active", type: "boolean" },
    ]);
  });

  it("refuses a file over the limit as it arrives and keeps nothing of it", async () => {
    process.env.PARCOURS_CSV_MAX_BYTES = "100";
    const before = readdirSync(path.join(dataDir(), "uploads")).length;
    await expect(createTestUpload(workspaceId, `email\n${"a@example.com\n".repeat(20)}`)).rejects.toThrow(new UploadTooLargeError("The file is larger than 100 bytes"));
    expect(readdirSync(path.join(dataDir(), "uploads")).length).toBe(before);
  });

  it("refuses an empty file or one without rows, on the file field", async () => {
    await expect(createTestUpload(workspaceId, "")).rejects.toMatchObject({ field: "file", message: "The file is empty" });
    await expect(createTestUpload(workspaceId, "email\n")).rejects.toMatchObject({ field: "file", message: "The file has a header but no rows" });
  });
});
