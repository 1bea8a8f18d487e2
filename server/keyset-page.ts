import { and, eq, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";

/**
 * Newest-first keyset paging on (time, id): the cursor is `<iso time>|<id>` of the last
 * row of the previous page, so rows sharing a timestamp are never skipped or repeated.
 */
export const ZCursor = z.string().max(100).regex(/^[^|]+\|[0-9a-f-]{36}$/, "Invalid cursor");

/** The condition for rows after `cursor`, or undefined on the first page. */
export function afterCursor(cursor: string | undefined, time: PgColumn, id: PgColumn): SQL | undefined {
  if (!cursor) return undefined;
  const [at = "", last = ""] = cursor.split("|");
  const t = new Date(at);
  return or(lt(time, t), and(eq(time, t), lt(id, last)));
}

/** Rows fetched with `limit + 1` become a page and the cursor of the next one. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number, timeOf: (row: T) => Date): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? `${timeOf(last).toISOString()}|${last.id}` : null };
}
