import { beforeAll, describe, expect, it, vi } from "vitest";
import { can, ROLES } from "@/server/auth/permissions";
import { callRoute, REST_ROUTES, scanRoutes, type TCall, type TRouteSpec } from "./rest-routes";
import { svixHeaders, workspaceWorld, type TWorld } from "./rest-world";
import { session } from "./session-double";

vi.mock("@/server/auth/config", async () => (await import("./session-double")).authConfigDouble);

type TRoute = Awaited<ReturnType<typeof scanRoutes>>[number];
const routes = await scanRoutes();
let A: TWorld;
let B: TWorld;

beforeAll(async () => {
  A = await workspaceWorld("A");
  B = await workspaceWorld("B");
});

/** The spec's call against world `w` (params, query and body of that workspace). */
async function callOf(spec: TRouteSpec, w: TWorld, extra: TCall = {}): Promise<TCall> {
  const body = await spec.body?.(w);
  return { params: await spec.params?.(w), query: spec.query?.(w), body, ...extra, headers: { ...extra.headers } };
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const jsonOf = (body: unknown) => (typeof body === "string" ? body : JSON.stringify(body));

describe("REST route inventory", () => {
  it("every route file under app/api has an entry in the access table, and every entry a route", () => {
    const scanned = routes.map((r) => r.id).sort();
    expect(scanned.filter((id) => !REST_ROUTES[id]), "routes without an access entry in test/rest-routes.ts").toEqual([]);
    expect(Object.keys(REST_ROUTES).filter((id) => !scanned.includes(id)), "entries without a route").toEqual([]);
  });
});

describe("each REST route refuses callers outside its rule", () => {
  it.each(routes.map((r) => [r.id, r] as const))("%s", async (id, route: TRoute) => {
    const spec = REST_ROUTES[id]!;
    const call = async (w: TWorld, extra: TCall = {}) => (await callRoute(route, await callOf(spec, w, extra))).status;
    const { access } = spec;
    session.user = null;
    switch (access.kind) {
      case "writeKey":
      case "secretKey":
      case "anyKey": {
        const own = access.kind === "writeKey" ? A.writeKey : A.secretKey;
        expect(await call(A), "no key").toBe(401);
        expect(await call(A, { headers: bearer(`${own.slice(0, 4)}${"x".repeat(40)}`) }), "unknown key").toBe(401);
        if (access.kind !== "anyKey") expect(await call(A, { headers: bearer(access.kind === "writeKey" ? A.secretKey : A.writeKey) }), "other kind").toBe(403);
        if (spec.params) expect(await call(B, { headers: bearer(own) }), "another workspace's id").toBe(404);
        expect(await call(A, { headers: bearer(own) }), "own key").toBeLessThan(300);
        return;
      }
      case "session":
      case "trpcSession": {
        expect(await call(A), "signed out").toBe(401);
        session.user = B.team.users.admin;
        expect(await call(A), "not a member").toBe(404);
        if (access.kind === "session") {
          const lacking = ROLES.find((role) => !can(role, access.permission));
          session.user = lacking ? A.team.users[lacking] : null;
          if (lacking) expect(await call(A), `as ${lacking}`).toBe(403);
          session.user = A.team.users.admin;
          if (spec.params) expect(await callRoute(route, { ...(await callOf(spec, A)), params: await spec.params(B) }).then((r) => r.status), "another workspace's id").toBe(404);
        }
        session.user = A.team.users.admin;
        expect(await call(A), "member").toBeLessThan(300);
        return;
      }
      case "providerSignature": {
        const payload = jsonOf(spec.body!(A));
        expect(await call(A), "unsigned").toBe(401);
        expect(await call(A, { headers: svixHeaders(B.webhookSecret, payload) }), "another configuration's secret").toBe(401);
        expect(await call(A, { params: { configurationId: crypto.randomUUID() }, headers: svixHeaders(A.webhookSecret, payload) }), "unknown configuration").toBe(404);
        expect(await call(A, { headers: svixHeaders(A.webhookSecret, payload) }), "signed").toBe(200);
        return;
      }
      case "public":
        expect(await call(A)).toBe(200);
        return;
      case "probe": {
        // Public for load balancers: 200 or 503 (no executor runs in tests), naming checks, never their errors.
        const res = await callRoute(route, await callOf(spec, A));
        expect([200, 503]).toContain(res.status);
        expect(Object.keys((await res.json()).checks)).toEqual(["database", "migrations", "workflows"]);
        return;
      }
      case "metricsToken":
        vi.stubEnv("PARCOURS_METRICS_TOKEN", "");
        expect(await call(A, { headers: bearer(A.secretKey) }), "no token configured").toBe(404);
        vi.stubEnv("PARCOURS_METRICS_TOKEN", "metrics-token-1");
        expect(await call(A, { headers: bearer(A.secretKey) }), "a workspace key").toBe(401);
        expect(await call(A, { headers: bearer("metrics-token-1") }), "the token").toBe(200);
        vi.unstubAllEnvs();
        return;
      case "authjs":
        // Auth.js's own endpoints are open by design (sign-in, CSRF token); only their body is bounded here.
        if (route.method === "POST") expect(await call(A, { body: "x".repeat(100_000) })).toBe(413);
        return;
      case "inngest":
        // The serve endpoint runs a function only for the executor: a call from outside, unsigned, is refused.
        if (route.method === "POST") expect([401, 403, 404], "unsigned call of a real function").toContain(await call(A));
        return;
    }
  });
});
