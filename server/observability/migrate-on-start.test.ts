import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDbHandle, migrateDb } from "@/db/client";
import { readyResponse } from "./probes";

afterEach(() => vi.unstubAllEnvs());

describe("PARCOURS_MIGRATE_ON_START", () => {
  it("=0 opens the database unmigrated (not ready) until migrations are applied", { timeout: 120_000 }, async () => {
    // This file's own database is closed: the process opens one from the environment, an embedded one in a new folder.
    await closeDb();
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("PARCOURS_DATA_DIR", mkdtempSync(path.join(os.tmpdir(), "parcours-migrate-")));
    vi.stubEnv("PARCOURS_MIGRATE_ON_START", "0");
    const running = () => true;

    const handle = await getDbHandle();
    const before = await readyResponse({ executorRunning: running });
    const body = await before.json();
    expect(before.status).toBe(503);
    expect(body.checks.migrations.detail).toMatch(/^0 applied, \d+ shipped; pending up to /);

    await migrateDb(handle); // what `parcours migrate` does
    const after = await readyResponse({ executorRunning: running });
    expect(after.status).toBe(200);
    await closeDb();
  });
});
