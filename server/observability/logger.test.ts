import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, logLevel } from "./logger";
import { observeRequest, routeTemplate, trpcRouteLabel } from "./observe-request";
import { requestIdOf, withRequestId } from "./request-id";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe("logger", () => {
  it("writes one JSON object a line, with the current request's id", () => {
    const { lines, stream } = capture();
    const logger = createLogger(stream, "info");
    withRequestId("req-7", () => logger.info({ route: "/api/v1/track" }, "request"));
    logger.error({ err: new Error("boom") }, "outside a request");
    expect(lines[0]).toMatchObject({ level: "info", msg: "request", requestId: "req-7", route: "/api/v1/track", service: "parcours" });
    expect(typeof lines[0]!.time).toBe("string");
    expect(lines[1]).toMatchObject({ level: "error", msg: "outside a request", err: { message: "boom" } });
    expect(lines[1]).not.toHaveProperty("requestId");
  });

  it("takes its level from PARCOURS_LOG_LEVEL, else from the environment", () => {
    expect(logLevel({ PARCOURS_LOG_LEVEL: "DEBUG" } as unknown as NodeJS.ProcessEnv)).toBe("debug");
    expect(logLevel({ PARCOURS_LOG_LEVEL: "loud", NODE_ENV: "production" } as unknown as NodeJS.ProcessEnv)).toBe("info");
    expect(logLevel({ NODE_ENV: "development" } as unknown as NodeJS.ProcessEnv)).toBe("warn");
    expect(logLevel({ NODE_ENV: "production", VITEST: "true" } as unknown as NodeJS.ProcessEnv)).toBe("silent");
  });
});

describe("request ids", () => {
  const req = (id?: string) => new Request("http://127.0.0.1/api/x", { headers: id === undefined ? {} : { "x-request-id": id } });

  it("keeps a caller's short token and replaces anything else with a UUID", () => {
    expect(requestIdOf(req("abc-123.9_Z:1"))).toBe("abc-123.9_Z:1");
    for (const bad of [undefined, "", "has space", "x".repeat(129), "a\u00e9"]) expect(requestIdOf(req(bad))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("comes back in X-Request-Id, also on an immutable response", async () => {
    const res = await observeRequest(req("r-1"), "/api/x", async () => Response.redirect("http://127.0.0.1/elsewhere", 302));
    expect(res.status).toBe(302);
    expect(res.headers.get("x-request-id")).toBe("r-1");
  });
});

describe("route labels", () => {
  it("name path parameters, never their values", () => {
    expect(routeTemplate("/api/v1/profiles/external_id%3A42/subscriptions", { id: "external_id:42" })).toBe("/api/v1/profiles/[id]/subscriptions");
    expect(routeTemplate("/api/v1/track", {})).toBe("/api/v1/track");
  });

  it("name known tRPC procedures only", () => {
    const known = (p: string) => ["workspaces.get", "runs.list"].includes(p);
    expect(trpcRouteLabel("/api/trpc/workspaces.get", known)).toBe("/api/trpc/workspaces.get");
    expect(trpcRouteLabel("/api/trpc/workspaces.get,runs.list", known)).toBe("/api/trpc/(batch)");
    expect(trpcRouteLabel("/api/trpc/anything-a-caller-types", known)).toBe("/api/trpc/(unknown)");
  });
});
