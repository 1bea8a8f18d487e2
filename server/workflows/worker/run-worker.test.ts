import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Runs `npm run worker`'s entry with `env` in place of the database and Inngest settings; its exit code and stderr. */
function runWorker(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const base = { ...process.env };
  for (const name of ["DATABASE_URL", "INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) delete base[name];
  const child = spawn(process.execPath, ["--import", "tsx", "server/workflows/worker/run-worker.ts"], { env: { ...base, ...env } });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

describe("npm run worker", () => {
  it("refuses the embedded database (PGlite): no other process could share it", async () => {
    const { code, stderr } = await runWorker({});
    expect(code).toBe(1);
    expect(stderr).toContain("npm run worker needs PostgreSQL: set DATABASE_URL");
  });

  it("refuses to run when an Inngest server runs the functions", async () => {
    const { code, stderr } = await runWorker({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", INNGEST_DEV: "1" });
    expect(code).toBe(1);
    expect(stderr).toContain("an Inngest server is configured");
  });
});
