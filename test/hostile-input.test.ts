import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { startEmbeddedExecutor } from "@/server/workflows/embedded/start-embedded";
import { applyPlan, hostilePlan, hostileString, rowCounts, toJsonText } from "./hostile-values";
import { callRoute, REST_ROUTES, scanRoutes, type TCall } from "./rest-routes";
import { svixHeaders, workspaceWorld, type TWorld } from "./rest-world";
import { session } from "./session-double";

vi.mock("@/server/auth/config", async () => (await import("./session-double")).authConfigDouble);

const routes = await scanRoutes();
let A: TWorld;

beforeAll(async () => {
  // Accepted calls may publish events: an executor registered in this process stores them.
  await (await startEmbeddedExecutor()).stop();
  A = await workspaceWorld("Hostile");
});

/** The credentials the route's rule asks for, for this body text. */
function credentials(kind: string, text: string | null): Record<string, string> {
  if (kind === "writeKey") return { authorization: `Bearer ${A.writeKey}` };
  if (kind === "secretKey" || kind === "anyKey") return { authorization: `Bearer ${A.secretKey}` };
  if (kind === "providerSignature") return svixHeaders(A.webhookSecret, text ?? "");
  return {};
}

const hostileCall = fc.record({
  plan: hostilePlan,
  // Sometimes a path or query parameter is hostile instead of the body.
  param: fc.option(fc.record({ pick: fc.nat(), value: hostileString }), { freq: 4 }),
});

describe("hostile input to every REST route: never a 5xx, never a partial write", () => {
  it.each(routes.map((r) => [r.id, r] as const))("%s", async (id, route) => {
    const spec = REST_ROUTES[id];
    expect(spec, `${id} has no entry in test/rest-routes.ts`).toBeDefined();
    await fc.assert(
      fc.asyncProperty(hostileCall, async ({ plan, param }) => {
        session.user = A.team.users.admin;
        const params = { ...(await spec!.params?.(A)) };
        const query = { ...spec!.query?.(A) };
        if (param) {
          const names = [...Object.keys(params).map((k) => ["params", k] as const), ...Object.keys(query).map((k) => ["query", k] as const)];
          const [where, name] = names[param.pick % Math.max(1, names.length)] ?? [];
          if (where === "params") params[name!] = param.value;
          if (where === "query") query[name!] = param.value;
        }
        const seed = await spec!.body?.(A);
        const text = seed === undefined ? null : typeof seed === "string" && plan.kind !== "text" ? seed : toJsonText(applyPlan(seed, plan));
        const call: TCall = { params, query, body: text, headers: { ...(text !== null && typeof seed !== "string" ? { "content-type": "application/json" } : {}), ...credentials(spec!.access.kind, text) } };
        const before = await rowCounts();
        const res = await callRoute(route, call);
        const answer = await res.text();
        // A readiness probe answers 503 by design when something it checks is down.
        const status = spec!.access.kind === "probe" && res.status === 503 ? 200 : res.status;
        expect(status, `${id} ${JSON.stringify({ params, query, text: text?.slice(0, 300) })}: ${answer.slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400) expect(await rowCounts(), `${id} refused (${res.status}) yet wrote`).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });
});
