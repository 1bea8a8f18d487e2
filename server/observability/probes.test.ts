import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb, getDbHandle, migrationsFolder, openPostgres, setDbHandle } from "@/db/client";
import { messages, wfJobs, wfRuns } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { ingestionRoute } from "@/server/ingestion/ingestion-route";
import { createTeam } from "@/test/fixtures";
import { healthResponse, metricsResponse, readyResponse } from "./probes";

const running = () => true;

/** Runs `fn` with the process database replaced by one nobody listens for (a stopped server). */
async function withDatabaseDown<T>(fn: () => Promise<T>): Promise<T> {
  const original = await getDbHandle();
  const dead = await openPostgres("postgres://postgres@127.0.0.1:1/parcours");
  setDbHandle(dead);
  try {
    return await fn();
  } finally {
    setDbHandle(original);
    await dead.close();
  }
}

afterEach(() => vi.unstubAllEnvs());

describe("/api/health", () => {
  it("answers 200 without touching the database, also when it is down", async () => {
    const res = await withDatabaseDown(async () => healthResponse());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});

describe("/api/ready", () => {
  it("is ready when the database answers, is migrated and the executor runs", async () => {
    const res = await readyResponse({ executorRunning: running });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.status).toBe("ready");
    expect(body.checks.migrations.ok).toBe(true);
    expect(body.checks.workflows.detail).toBe("embedded executor running in this process");
  });

  it("answers 503 naming the database when it is down, without its error's text", async () => {
    const res = await withDatabaseDown(() => readyResponse({ executorRunning: running }));
    const body = await res.json();
    expect(res.status).toBe(503);
    expect(body.checks.database).toEqual({ ok: false, detail: "unreachable" });
    expect(body.checks.migrations.ok).toBe(false);
    expect(body.checks.workflows.ok).toBe(true);
    expect(JSON.stringify(body)).not.toContain("127.0.0.1");
  });

  it("answers 503 when the code ships a migration the database lacks", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "parcours-migrations-"));
    mkdirSync(path.join(folder, "meta"));
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"));
    journal.entries.push({ idx: journal.entries.length, version: "7", when: Date.now() + 60_000, tag: "9999_next", breakpoints: true });
    writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify(journal));
    const res = await readyResponse({ executorRunning: running, migrationsFolder: folder });
    const body = await res.json();
    expect(res.status).toBe(503);
    expect(body.checks.migrations.detail).toMatch(/pending up to 9999_next/);
  });

  it("answers 503 in a web process whose executor did not start, 200 when a worker runs it", async () => {
    vi.stubEnv("PARCOURS_EXECUTOR", "");
    expect((await readyResponse({ executorRunning: () => false })).status).toBe(503);
    vi.stubEnv("PARCOURS_EXECUTOR", "off");
    expect((await readyResponse({ executorRunning: () => false })).status).toBe(200);
  });

  it("asks a configured Inngest server for its health", async () => {
    const env = { INNGEST_BASE_URL: "http://inngest:8288" } as unknown as NodeJS.ProcessEnv;
    const asked: string[] = [];
    const answering = (status: number) => (async (url: URL) => (asked.push(String(url)), new Response("", { status }))) as unknown as typeof fetch;
    expect((await readyResponse({ executorRunning: () => false, env, fetch: answering(200) })).status).toBe(200);
    expect(asked).toEqual(["http://inngest:8288/health"]);
    const body = await (await readyResponse({ executorRunning: () => false, env, fetch: answering(502) })).json();
    expect(body.checks.workflows).toEqual({ ok: false, detail: "Inngest server answered 502" });
  });
});

describe("/api/metrics", () => {
  const scrape = (authorization?: string) =>
    metricsResponse(new Request("http://127.0.0.1:3000/api/metrics", { headers: authorization ? { authorization } : {} }));

  it("does not exist without PARCOURS_METRICS_TOKEN, and wants that token", async () => {
    vi.stubEnv("PARCOURS_METRICS_TOKEN", "");
    expect((await scrape("Bearer anything")).status).toBe(404);
    vi.stubEnv("PARCOURS_METRICS_TOKEN", "s3cret-token");
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer s3cret-tokeN")).status).toBe(401);
    expect((await scrape("Basic s3cret-token")).status).toBe(401);
    expect((await scrape("Bearer s3cret-token")).status).toBe(200);
  });

  it("exposes request latency, ingested events, messages, workflow jobs and the database", async () => {
    vi.stubEnv("PARCOURS_METRICS_TOKEN", "s3cret-token");
    const { workspace } = await createTeam("Metered");
    const key = await createApiKey(workspace.id, { name: "w", kind: "write" }, { userId: null, label: "test" });
    const track = new Request("http://127.0.0.1:3000/api/v1/track", {
      method: "POST",
      headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json", "x-request-id": "req-42" },
      body: JSON.stringify({ userId: "m-1", event: "Bought" }),
    });
    const answer = await ingestionRoute("track")(track, { params: Promise.resolve({}) });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-request-id")).toBe("req-42");

    const db = await getDb();
    const [run] = await db.insert(wfRuns).values({ fnId: "parcours-test", status: "running", event: {}, maxAttempts: 1, startedAt: new Date() }).returning();
    await db.insert(wfJobs).values({ runId: run!.id, fnId: "parcours-test", kind: "call", stepId: "step", runAt: new Date(Date.now() - 120_000) });
    await db.insert(messages).values({ workspaceId: workspace.id, pluginId: "dev-inbox", kind: "email", sourceType: "test", idempotencyKey: "m-1", status: "sent" });

    const text = await (await scrape("Bearer s3cret-token")).text();
    expect(text).toMatch(/parcours_http_request_duration_seconds_count\{route="\/api\/v1\/track",method="POST",status="200"\} [1-9]/);
    expect(text).toMatch(/parcours_events_ingested_total\{result="accepted"\} [1-9]/);
    expect(text).toContain('parcours_messages_recent{channel="email",status="sent"} 1');
    expect(text).toContain('parcours_workflow_jobs{state="due"} 1');
    expect(text).toContain('parcours_workflow_jobs{state="late"} 1');
    expect(text).toContain('parcours_workflow_jobs{state="running"} 0');
    expect(text).toMatch(/parcours_workflow_executor_lateness_seconds 1[2-9]\d/);
    expect(text).toContain("parcours_db_up 1");
    expect(text).toMatch(/parcours_db_pool_max \d+/);
    expect(text).toContain("parcours_process_cpu_seconds_total");
  });
});
