import { getTableColumns, type Table } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { rowsOf } from "./rows";

/**
 * The rows of a raw `db.execute(sql\`… returning *\`)` on `table`, as the query builder would
 * return them: snake_case columns read back into the schema's keys, each value through its
 * column's decoder (timestamps as Date whatever the driver). For set-based statements the
 * builder cannot express (e.g. INSERT … SELECT FROM jsonb_to_recordset … RETURNING *).
 */
export function tableRowsOf<T extends Table>(table: T, result: unknown): T["$inferSelect"][] {
  const columns = columnsOf(table);
  return rowsOf<Record<string, unknown>>(result).map((raw) => {
    const row: Record<string, unknown> = {};
    for (const { key, name, column } of columns) {
      const value = raw[name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T["$inferSelect"];
  });
}

/** A table's columns: schema key, database name (snake_case unless named), column. */
export function columnsOf<T extends Table>(table: T) {
  return Object.entries(getTableColumns(table)).map(([key, column]) => ({ key: key as keyof T["$inferSelect"] & string, name: column.keyAsName ? toSnakeCase(column.name) : column.name, column }));
}
