import { TRPCError } from "@trpc/server";
import { and, count, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { can, PERMISSIONS, ROLES, type TPermission } from "@/server/auth/permissions";
import { callerFor, createTeam, createUser, trpcCodeOf } from "@/test/fixtures";
import { operatorProcedureInputs, workspaceProcedureInputs } from "./procedure-fixtures";
import type { TMeta } from "./init";
import { appRouter } from "./root";
import { startEmbeddedExecutor } from "@/server/workflows/embedded/start-embedded";

type TProc = { _def: { meta?: TMeta; type: "query" | "mutation" | "subscription" } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, TProc>);
const workspaceProcs = procedures.filter(([, p]) => p._def.meta?.access && p._def.meta.access in PERMISSIONS);
const operatorProcs = procedures.filter(([, p]) => p._def.meta?.access === "operator");

async function call(caller: ReturnType<typeof callerFor>, path: string, input: unknown) {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

async function auditCount(workspaceId: string) {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId)));
  return row?.n ?? 0;
}

let teamA: Awaited<ReturnType<typeof createTeam>>;
let teamB: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  // runs.retry and runs.runMaintenance need an executor in this process; it is not polling.
  await (await startEmbeddedExecutor()).stop();
  teamA = await createTeam("Team A");
  teamB = await createTeam("Team B");
});

describe("every procedure declares its access", () => {
  it.each(procedures.map(([path, p]) => [path, p] as const))("%s", (path, proc) => {
    expect(proc._def.meta?.access, `${path} declares no access`).toBeDefined();
  });

  it("has an input fixture for each workspace procedure", () => {
    expect(workspaceProcs.length).toBeGreaterThan(5);
    for (const [path] of workspaceProcs) expect(workspaceProcedureInputs[path], `no fixture for ${path}`).toBeDefined();
  });
});

describe("role x procedure matches the permission table", () => {
  const cases = workspaceProcs.flatMap(([path, p]) => ROLES.map((role) => [path, role, p] as const));
  it.each(cases)("%s as %s", async (path, role, proc) => {
    const permission = proc._def.meta?.access as TPermission;
    const input = await workspaceProcedureInputs[path]!(teamA.workspace.id);
    const before = await auditCount(teamA.workspace.id);
    const code = await trpcCodeOf(call(callerFor(teamA.users[role]), path, input));
    expect(code).toBe(can(role, permission) ? "OK" : "FORBIDDEN");
    if (proc._def.type === "mutation" && code === "OK") {
      expect(await auditCount(teamA.workspace.id), `${path} left no audit entry`).toBeGreaterThan(before);
    }
  });

  it("refuses workspace procedures to anonymous callers", async () => {
    for (const [path] of workspaceProcs) {
      const input = await workspaceProcedureInputs[path]!(teamA.workspace.id);
      expect(await trpcCodeOf(call(callerFor(null), path, input))).toBe("UNAUTHORIZED");
    }
  });
});

describe("workspace A's members never reach workspace B", () => {
  it.each(workspaceProcs.map(([path]) => [path] as const))("%s with B's workspace id", async (path) => {
    const input = await workspaceProcedureInputs[path]!(teamB.workspace.id);
    expect(await trpcCodeOf(call(callerFor(teamA.users.admin), path, input))).toBe("NOT_FOUND");
  });

  it.each(workspaceProcs.map(([path]) => [path] as const))("%s with A's workspace id and B's entities", async (path) => {
    const input = { ...(await workspaceProcedureInputs[path]!(teamB.workspace.id)), workspaceId: teamA.workspace.id };
    let result: unknown;
    try {
      result = await call(callerFor(teamA.users.admin), path, input);
    } catch (error) {
      expect(error).toBeInstanceOf(TRPCError);
      expect(["NOT_FOUND", "FORBIDDEN"]).toContain((error as TRPCError).code);
      return;
    }
    const entityIds = Object.entries(input).filter(([k]) => k.endsWith("Id") && k !== "workspaceId").map(([, v]) => v);
    expect(entityIds, `${path} acted on another workspace's entity`).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(teamB.workspace.id);
  });
});

describe("instance-wide procedures are for operators only, whatever the workspace role", () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each(operatorProcs.map(([path]) => [path] as const))("%s", async (path) => {
    const input = await operatorProcedureInputs[path]!();
    for (const role of ROLES) expect(await trpcCodeOf(call(callerFor(teamA.users[role]), path, input)), `${path} as ${role}`).toBe("FORBIDDEN");
    expect(await trpcCodeOf(call(callerFor(null), path, input))).toBe("UNAUTHORIZED");
    const operator = await createUser();
    vi.stubEnv("PARCOURS_OPERATORS", operator.email);
    expect(await trpcCodeOf(call(callerFor(operator), path, await operatorProcedureInputs[path]!()))).toBe("OK");
  });

  it("has an input fixture for each", () => {
    expect(operatorProcs.length).toBeGreaterThan(0);
    for (const [path] of operatorProcs) expect(operatorProcedureInputs[path], `no fixture for ${path}`).toBeDefined();
  });
});
