import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { wfRuns } from "@/db/schema";
import { callerFor, createTeam } from "@/test/fixtures";
import { countRuns, RUN_COUNT_CAP } from "./count-runs";
import { listRuns, RUN_STATUSES } from "./list-runs";

let workspaceId: string;
type TSeeded = { id: string; fnId: string; status: string; startedAt: Date };
const seeded: TSeeded[] = [];

beforeAll(async () => {
  workspaceId = (await createTeam("Listing")).workspace.id;
  const db = await getDb();
  // 24 runs of two functions in every status; pairs share a start time (ties broken by id).
  const values = Array.from({ length: 24 }, (_, i) => ({
    fnId: i % 3 === 0 ? "fn-b" : "fn-a",
    status: RUN_STATUSES[i % 4]!,
    event: { name: "test/e", data: { i } },
    workspaceId,
    maxAttempts: 1,
    startedAt: new Date(Date.UTC(2026, 11, 1, 0, Math.floor(i / 2))),
  }));
  seeded.push(...(await db.insert(wfRuns).values(values).returning({ id: wfRuns.id, fnId: wfRuns.fnId, status: wfRuns.status, startedAt: wfRuns.startedAt })));
});

const newestFirst = (rows: TSeeded[]) => [...rows].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);

/** Every page of a filter, following the cursors. */
async function allPages(filter: { fnId?: string; status?: (typeof RUN_STATUSES)[number] }, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const page = await listRuns(workspaceId, { ...filter, cursor, limit });
    ids.push(...page.runs.map((r) => r.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error("no last page");
}

describe("listing runs by keyset pages", () => {
  it.each([
    ["no filter", {}],
    ["a status", { status: "failed" as const }],
    ["a function, its statuses merged", { fnId: "fn-a" }],
    ["a function and a status", { fnId: "fn-a", status: "completed" as const }],
  ])("pages through %s newest first, each run once", async (_, filter) => {
    const f = filter as { fnId?: string; status?: string };
    const expected = newestFirst(seeded.filter((r) => (!f.fnId || r.fnId === f.fnId) && (!f.status || r.status === f.status)));
    expect(expected.length).toBeGreaterThan(2);
    expect(await allPages(filter, 3)).toEqual(expected);
  });
});

describe("a bad cursor", () => {
  it.each(["yesterday|0193f0c2-5a1e-7c3b-9a4e-2f1d3c4b5a69", "2026-12-01T00:00:00.000Z|------------------------------------", "2026-12-01T00:00:00.000Z"])("%s is a 400 naming the cursor", async (cursor) => {
    const team = await createTeam("Cursors");
    await expect(callerFor(team.users.admin).runs.list({ workspaceId: team.workspace.id, cursor })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cursor") });
  });
});

describe("counting runs", () => {
  it("counts each status exactly up to the cap, then says there are more", async () => {
    const before = await countRuns(workspaceId);
    expect(before.counts).toEqual(RUN_STATUSES.map((status) => ({ status, n: 6, more: false })));
    const db = await getDb();
    await db.execute(sql`insert into ${wfRuns} (fn_id, status, event, workspace_id, max_attempts, started_at)
      select 'fn-bulk', 'completed', '{}'::jsonb, ${workspaceId}::uuid, 1, now() from generate_series(1, ${RUN_COUNT_CAP})`);
    const after = await countRuns(workspaceId);
    expect(after.counts.find((c) => c.status === "completed")).toEqual({ status: "completed", n: RUN_COUNT_CAP, more: true });
    expect(after.counts.find((c) => c.status === "failed")).toEqual({ status: "failed", n: 6, more: false });
  });
});
