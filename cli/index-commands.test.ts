import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { audiences } from "@/db/schema";
import { createTeam } from "@/test/fixtures";
import { indexAttributeCommand, listIndexedAttributesCommand, unindexAttributeCommand } from "./index-commands";

function captureJson() {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  return () => JSON.parse(String(log.mock.calls.at(-1)?.[0]));
}

afterEach(() => vi.restoreAllMocks());

const columns = async () => rowsOf<{ name: string }>(await (await getDb()).execute(sql`select column_name as name from information_schema.columns where table_name = 'profiles' and column_name like 'indexed_attr_%'`));

describe("the operator's CLI for indexed attributes", () => {
  it("indexes an attribute (waiting for the build), lists it with what audiences use, and drops it", async () => {
    const { workspace } = await createTeam("Cli index");
    const db = await getDb();
    await db.insert(audiences).values({ workspaceId: workspace.id, name: "Gold", kind: "rules", rules: { kind: "group", combinator: "and", rules: [{ kind: "attribute", key: "tier", op: "equals", value: "gold" }] } });
    const last = captureJson();

    await listIndexedAttributesCommand({ workspace: workspace.slug }, true);
    expect(last()).toMatchObject({ attributes: [], suggestions: [{ key: "tier", type: "string", audiences: 1 }] });

    await indexAttributeCommand({ key: "tier", type: "string" }, true);
    expect(last()).toMatchObject({ key: "tier", type: "string", status: "ready" });
    expect(await columns()).toHaveLength(1);
    await listIndexedAttributesCommand({}, true);
    expect(last()).toMatchObject({ attributes: [{ key: "tier", status: "ready" }], suggestions: [] });

    await unindexAttributeCommand({ key: "tier", type: "string" }, true);
    expect(last()).toEqual({ key: "tier", type: "string", status: "removed" });
    expect(await columns()).toHaveLength(0);
  }, 60_000);

  it("gives exit code 2 for bad usage and 3 for an unknown workspace", async () => {
    await expect(indexAttributeCommand({ type: "string" }, true)).rejects.toMatchObject({ exitCode: 2, message: "--key is required" });
    await expect(indexAttributeCommand({ key: "tier", type: "date" }, true)).rejects.toThrow(/type must be string or number/);
    await expect(listIndexedAttributesCommand({ workspace: "nope" }, true)).rejects.toMatchObject({ exitCode: 3 });
  });
});
