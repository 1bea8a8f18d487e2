import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "./client";
import { rowsOf } from "./rows";

const idAt = async () => rowsOf<{ id: string }>(await (await getDb()).execute(sql`select uuid_v7()::text as id`))[0]!.id;
const millisOf = (id: string) => parseInt(id.replace(/-/g, "").slice(0, 12), 16);

describe("uuid_v7()", () => {
  it("makes RFC 9562 version 7 ids that carry the current time and grow with it", async () => {
    const before = Date.now();
    const first = await idAt();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await idAt();
    for (const id of [first, second]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(millisOf(first)).toBeGreaterThanOrEqual(before - 1_000);
    expect(millisOf(first)).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(millisOf(second)).toBeGreaterThan(millisOf(first));
    expect(second > first).toBe(true);
  });

  it("is the default id of messages and of their history", async () => {
    const defaults = rowsOf<{ table_name: string; column_default: string }>(
      await (await getDb()).execute(sql`select table_name, column_default from information_schema.columns where column_name = 'id' and table_name in ('messages', 'message_events') order by table_name`),
    );
    expect(defaults).toEqual([
      { table_name: "message_events", column_default: "uuid_v7()" },
      { table_name: "messages", column_default: "uuid_v7()" },
    ]);
  });
});
