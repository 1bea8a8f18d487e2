import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";

/**
 * Newest-first keyset paging on (time, id): the cursor is `<iso time>|<id>` of the last
 * row of the previous page, so rows sharing a timestamp are never skipped or repeated.
 * PostgreSQL keeps microseconds and a JS Date only milliseconds: a list whose times may share
 * a millisecond (rows of one transaction share now()) selects `exactTime(column)` and builds
 * its cursors from it, so the cursor holds the row's time to the microsecond.
 */
export const ZCursor = z
  .string()
  .max(100)
  .regex(/^[^|]+\|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "Invalid cursor")
  .refine((c) => !Number.isNaN(Date.parse(c.split("|")[0]!)), "Invalid cursor");

/** A timestamp column as ISO 8601 text to the microsecond, for cursors. */
export const exactTime = (time: PgColumn) => sql<string>`to_char(${time} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The condition for rows after `cursor` in newest-first order (`order by time desc, id desc`;
 * `id` a uuid), or undefined on the first page. One row comparison, so an index on
 * (..., time[, id]) reads from the cursor on; spelled with OR it was only a filter, and a deep
 * page read every newer row first.
 */
export function afterCursor(cursor: string | undefined, time: PgColumn, id: PgColumn): SQL | undefined {
  if (!cursor) return undefined;
  const [at = "", last = ""] = cursor.split("|");
  return sql`(${time}, ${id}) < (${at}::timestamptz, ${last}::uuid)`;
}

/** Rows fetched with `limit + 1` become a page and the cursor of the next one (`timeOf`: a Date, or exact text from exactTime). */
export function pageOf<T extends { id: string }>(rows: T[], limit: number, timeOf: (row: T) => Date | string): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  if (!(rows.length > limit && last)) return { items, nextCursor: null };
  const at = timeOf(last);
  return { items, nextCursor: `${typeof at === "string" ? at : at.toISOString()}|${last.id}` };
}
