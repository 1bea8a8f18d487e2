import { describe, expect, it } from "vitest";
import { getDb } from "./client";
import { workspaces } from "./schema";

describe("test database", () => {
  it("starts migrated and empty for each test file", async () => {
    const db = await getDb();
    expect(await db.select().from(workspaces)).toEqual([]);
    const [ws] = await db.insert(workspaces).values({ name: "A", slug: "a" }).returning();
    expect(ws?.slug).toBe("a");
  });
});
