import { pageOf } from "@/server/keyset-page";
import { pageOut } from "./common-schemas";

/**
 * Keyset paging, newest first on (time, id), of a list a domain service returns whole
 * (campaigns, journeys, audiences, templates: a workspace holds hundreds, not millions).
 * The cursor has the same form as the SQL-paged lists', so clients see one kind.
 */
export function pageRows<T extends { id: string }>(rows: T[], cursor: string | undefined, limit: number, timeOf: (row: T) => Date | string) {
  const time = (row: T) => new Date(timeOf(row)).getTime();
  const sorted = [...rows].sort((a, b) => time(b) - time(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  let from = 0;
  if (cursor) {
    const [at = "", last = ""] = cursor.split("|");
    const t = new Date(at).getTime();
    from = sorted.findIndex((r) => time(r) < t || (time(r) === t && r.id < last));
    if (from < 0) from = sorted.length;
  }
  return pageOf(sorted.slice(from, from + limit + 1), limit, (r) => new Date(timeOf(r)));
}

/** The REST page (`data`, opaque `nextCursor`) of a whole list, with the query's `cursor` and `limit`. */
export function restPageOf<T extends { id: string }>(rows: T[], query: { cursor?: string; limit: number }, timeOf: (row: T) => Date | string) {
  const { items, nextCursor } = pageRows(rows, query.cursor, query.limit, timeOf);
  return pageOut(items, nextCursor);
}
