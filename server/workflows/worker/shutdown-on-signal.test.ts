import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Starts testing/signal-child.ts, sends SIGTERM once it is ready; its exit code and output. */
function terminate(stopMs: string): Promise<{ code: number | null; lines: string[] }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/workflows/worker/testing/signal-child.ts"], { env: { ...process.env, STOP_MS: stopMs } });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes("ready\n")) child.kill("SIGTERM");
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, lines: out.trim().split("\n").filter((l) => !l.startsWith("[shutdown]")) })));
}

describe("shutdownOnSignal", () => {
  it("holds the other listener's process.exit until the stop is done, then exits 0", async () => {
    expect(await terminate("300")).toEqual({ code: 0, lines: ["ready", "other listener exits", "stopped"] });
  });

  it("exits 1 when the stop outlasts the hard limit", async () => {
    expect(await terminate("never")).toEqual({ code: 1, lines: ["ready", "other listener exits"] });
  });
});
