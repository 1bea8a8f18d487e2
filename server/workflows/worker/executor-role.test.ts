import { describe, expect, it } from "vitest";
import { executorEnabled, refuseSingleProcessDatabase, shutdownGraceMs } from "./executor-role";

const env = (vars: Record<string, string> = {}) => vars as NodeJS.ProcessEnv;

describe("executor role", () => {
  it("runs jobs unless PARCOURS_EXECUTOR is off", () => {
    expect(executorEnabled(env())).toBe(true);
    expect(executorEnabled(env({ PARCOURS_EXECUTOR: "on" }))).toBe(true);
    expect(executorEnabled(env({ PARCOURS_EXECUTOR: " OFF " }))).toBe(false);
    expect(() => executorEnabled(env({ PARCOURS_EXECUTOR: "no" }))).toThrow('PARCOURS_EXECUTOR must be "on" or "off", not "no"');
  });

  it("refuses PGlite for work shared between processes, naming DATABASE_URL", () => {
    expect(() => refuseSingleProcessDatabase("pglite", "npm run worker")).toThrow(/npm run worker needs PostgreSQL: set DATABASE_URL/);
    expect(() => refuseSingleProcessDatabase("postgres", "npm run worker")).not.toThrow();
  });

  it("reads the shutdown grace period, 20 s by default", () => {
    expect(shutdownGraceMs(env())).toBe(20_000);
    expect(shutdownGraceMs(env({ PARCOURS_SHUTDOWN_GRACE_MS: "500" }))).toBe(500);
    expect(shutdownGraceMs(env({ PARCOURS_SHUTDOWN_GRACE_MS: "soon" }))).toBe(20_000);
  });
});
