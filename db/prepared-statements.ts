import type { Sql } from "postgres";

/** Distinct statements prepared on each connection, at most; later new ones run unprepared. */
export const MAX_PREPARED_STATEMENTS = Number(process.env.PARCOURS_DB_PREPARED_STATEMENTS ?? 2000);

type TUnsafe = Sql["unsafe"];

/**
 * A parameter that is a long array literal (`{id,id,…}`: a page of enrollments, a send group)
 * keeps its statement unprepared, planned for these values. A prepared statement switches to
 * a generic plan after five runs, and a generic plan guesses ten rows for `= any($1)`: the
 * plan it chose for pages of 500 joined a 10,000-profile entry page in a nested loop over its
 * own CTE (minutes, not milliseconds). Planned with the array as a constant, the row count is
 * known and a sequential filter hashes the array (PostgreSQL 14+).
 */
const LONG_LIST = 2_000;
const isLongList = (p: unknown) => typeof p === "string" && p.length > LONG_LIST && p.startsWith("{");

/**
 * drizzle runs every query unprepared (`prepare: false` unless given a name), and postgres.js
 * then sends each statement with parameters in two round trips: Parse/Describe, wait for the
 * parameter types, then Bind/Execute. Prepared once per connection, a statement is one round
 * trip (Bind/Execute), can be pipelined, and skips PostgreSQL's parse and plan. So statements
 * with parameters are prepared, up to MAX_PREPARED_STATEMENTS distinct texts per process
 * (hence per connection: generated SQL such as `in ($1, $2, …)` lists must not grow the
 * caches of postgres.js and of each backend without bound; connections are also recycled
 * after 30-60 minutes by postgres.js). Statements without parameters stay unprepared: they
 * take one round trip anyway, and DDL or one-off SQL must not be kept; nor are those given a
 * long list (above).
 */
export function preparingStatements(client: Sql): Sql {
  const known = new Set<string>();
  const shouldPrepare = (query: string, params: unknown[] | undefined) => {
    if (!params?.length || params.some(isLongList)) return false;
    if (known.has(query)) return true;
    if (known.size >= MAX_PREPARED_STATEMENTS) return false;
    known.add(query);
    return true;
  };
  const wrap = (sql: Sql): Sql =>
    new Proxy(sql, {
      get(target, prop, receiver) {
        if (prop === "unsafe") {
          const unsafe: TUnsafe = (query, params, options) =>
            target.unsafe(query, params, shouldPrepare(query, params) ? { ...options, prepare: true } : options);
          return unsafe;
        }
        // Transactions and savepoints hand a scoped client to their callback: prepare there too.
        if (prop === "begin" || prop === "savepoint") {
          const original = Reflect.get(target, prop, receiver) as (...args: unknown[]) => unknown;
          return (...args: unknown[]) => {
            const last = args.length - 1;
            const callback = args[last] as (scoped: Sql) => unknown;
            return original.apply(target, [...args.slice(0, last), (scoped: Sql) => callback(wrap(scoped))]);
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
  return wrap(client);
}
