import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next*/**", ".parcours/**"],
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/setup-db.ts"],
    pool: "forks",
    // Vitest's default is one worker less than the cores: on a 2-core machine, one file at a
    // time. Most files wait on PostgreSQL, child processes or timers, so two overlap well.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    env: { PARCOURS_SECRET_KEY: "parcours-test-secret", PARCOURS_DATA_DIR: path.join(os.tmpdir(), "parcours-test-data"), AUTH_SECRET: "parcours-test-auth-secret" },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
