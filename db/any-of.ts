import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/** Postgres types a list may be cast to. */
type TListType = "uuid" | "text";

/**
 * `column = any(<the values>)` with the whole list as one JSON parameter. drizzle's inArray
 * sends one parameter a value: for the 500 recipients of a send group it spent more time
 * building the statement than PostgreSQL spent running it, and each list length made another
 * statement text to parse and prepare. ARRAY(subquery) is computed once, so the plan stays an
 * index scan over the array (never a join whose shape depends on a row estimate).
 */
export function anyOf(column: AnyColumn | SQL, values: readonly string[], type: TListType): SQL {
  const list = sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
  return type === "uuid" ? sql`${column} = any(${list}::uuid[])` : sql`${column} = any(${list})`;
}

/**
 * `column = any(array(select id from <cte>))`: for `update t … from <cte> where t.id = x.id`
 * over a JSON list. The planner guesses 100 rows for jsonb_to_recordset, so below ~35,000
 * rows in t it hashed the list against a sequential scan of t (5 ms an update of 20 profiles
 * at 20,000); with the ids as an array it always reads t by its index.
 */
export function anyIdOf(column: AnyColumn | SQL, cte: string): SQL {
  return sql`${column} = any(array(select id from ${sql.raw(cte)}))`;
}
