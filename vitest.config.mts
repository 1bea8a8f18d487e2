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
    env: { PARCOURS_SECRET_KEY: "parcours-test-secret", PARCOURS_DATA_DIR: path.join(os.tmpdir(), "parcours-test-data"), AUTH_SECRET: "parcours-test-auth-secret" },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
