import { describe, expect, it } from "vitest";
import { pageRows } from "./page-rows";

const rows = [
  { id: "00000000-0000-4000-8000-000000000001", at: "2026-01-01T00:00:00.000Z" },
  { id: "00000000-0000-4000-8000-000000000003", at: "2026-01-02T00:00:00.000Z" },
  { id: "00000000-0000-4000-8000-000000000002", at: "2026-01-02T00:00:00.000Z" },
  { id: "00000000-0000-4000-8000-000000000004", at: "2026-01-03T00:00:00.000Z" },
];

describe("pageRows", () => {
  it("pages newest first on (time, id), rows sharing a time neither skipped nor repeated", () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < 5; n++) {
      const page = pageRows(rows, cursor, 1, (r) => r.at);
      seen.push(...page.items.map((r) => r.id.slice(-1)));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(["4", "3", "2", "1"]);
  });

  it("gives no next cursor on the last page", () => {
    expect(pageRows(rows, undefined, 4, (r) => r.at).nextCursor).toBeNull();
    expect(pageRows(rows, undefined, 3, (r) => r.at).nextCursor).not.toBeNull();
  });
});
