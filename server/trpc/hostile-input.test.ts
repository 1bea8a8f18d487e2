import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedExecutor } from "@/server/workflows/embedded/start-embedded";
import { callerFor, createTeam } from "@/test/fixtures";
import { applyPlan, hostilePlan, rowCounts, toJsonText, type TPlan } from "@/test/hostile-values";
import type { TMeta } from "./init";
import { workspaceProcedureInputs } from "./procedure-fixtures";
import { appRouter } from "./root";

type TProc = { _def: { meta?: TMeta; type: "query" | "mutation" | "subscription" } };
const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, TProc>).filter(([, p]) => p._def.type === "mutation");

// Mutations outside a workspace (no fixture in procedure-fixtures.ts): a valid-looking input.
const outsideInputs: Record<string, () => Promise<Record<string, unknown>>> = {
  "workspaces.create": async () => ({ name: `Hostile ${crypto.randomUUID().slice(0, 6)}` }),
  "members.acceptInvite": async () => ({ token: "0".repeat(43) }),
  "indexedAttributes.index": async () => ({ key: "plan", type: "string" }),
  "indexedAttributes.unindex": async () => ({ key: "plan", type: "string" }),
};

let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  // Some mutations publish events or look for an executor; one registered in this process stores them.
  await (await startEmbeddedExecutor()).stop();
  team = await createTeam("Hostile tRPC");
});

/** The input as tRPC hands it over after parsing JSON: RawJson pieces become what JSON.parse makes of them. */
function inputOf(seed: unknown, plan: TPlan): unknown {
  const value = applyPlan(seed, plan);
  return typeof value === "string" ? value : JSON.parse(toJsonText(value));
}

/** For a failure message: a deeply nested input is too deep for JSON.stringify. */
function shown(input: unknown): string {
  try {
    return (JSON.stringify(input) ?? String(input)).slice(0, 300);
  } catch {
    return "(nested too deep to show)";
  }
}

async function call(path: string, input: unknown) {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], callerFor(team.users.admin));
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

describe("hostile input to every tRPC mutation, as an admin: a TRPCError other than INTERNAL_SERVER_ERROR, and no partial write", () => {
  it.each(mutations.map(([path]) => [path] as const))("%s", async (path) => {
    const fixture = workspaceProcedureInputs[path] ?? outsideInputs[path];
    expect(fixture, `no input fixture for ${path}`).toBeDefined();
    await fc.assert(
      fc.asyncProperty(hostilePlan, async (plan) => {
        const input = inputOf(await fixture!(team.workspace.id), plan);
        const before = await rowCounts();
        try {
          await call(path, input);
        } catch (error) {
          if (!(error instanceof TRPCError)) throw error;
          expect(error.code, `${path} ${shown(input)}: ${error.message}`).not.toBe("INTERNAL_SERVER_ERROR");
          expect(await rowCounts(), `${path} refused (${error.code}) yet wrote`).toEqual(before);
        }
      }),
      { numRuns: 10 },
    );
  });
});
