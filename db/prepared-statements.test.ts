import type { Sql } from "postgres";
import { describe, expect, it } from "vitest";
import { MAX_PREPARED_STATEMENTS, preparingStatements } from "./prepared-statements";

/** A stand-in for postgres.js's client: records the options each `unsafe` call got. */
function fakeClient() {
  const calls: { query: string; options: unknown; scope: string }[] = [];
  const make = (scope: string): Sql => {
    const client = Object.assign(() => undefined, {
      unsafe: (query: string, _params?: unknown[], options?: unknown) => calls.push({ query, options, scope }),
      begin: (...args: unknown[]) => (args.at(-1) as (s: Sql) => unknown)(make(`${scope}/tx`)),
      savepoint: (fn: (s: Sql) => unknown) => fn(make(`${scope}/sp`)),
      options: { max: 3 },
    });
    return client as unknown as Sql;
  };
  return { client: make("root"), calls };
}

describe("prepared statements", () => {
  it("prepares statements with parameters, in transactions and savepoints too, and leaves the others as asked", async () => {
    const { client, calls } = fakeClient();
    const sql = preparingStatements(client);
    await sql.unsafe("select $1", [1], { prepare: false });
    await sql.unsafe("create table t (id int)", [], { prepare: false });
    await sql.begin("isolation level serializable", async (tx) => {
      await tx.unsafe("insert into t values ($1)", [1], { prepare: false });
      await tx.savepoint(async (sp) => sp.unsafe("delete from t where id = $1", [1], { prepare: false }));
    });
    expect(calls).toEqual([
      { query: "select $1", options: { prepare: true }, scope: "root" },
      { query: "create table t (id int)", options: { prepare: false }, scope: "root" },
      { query: "insert into t values ($1)", options: { prepare: true }, scope: "root/tx" },
      { query: "delete from t where id = $1", options: { prepare: true }, scope: "root/tx/sp" },
    ]);
    expect(sql.options).toEqual({ max: 3 });
  });

  it("leaves a statement unprepared when it gets a long array literal, so it is planned for that list", async () => {
    const { client, calls } = fakeClient();
    const sql = preparingStatements(client);
    const ids = (n: number) => `{${Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`).join(",")}}`;
    const query = "update journey_enrollments set current_node_id = $2 where id = any($1::uuid[])";
    await sql.unsafe(query, [ids(20), "x"]);
    await sql.unsafe(query, [ids(10_000), "x"]);
    await sql.unsafe(query, [JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ i }))), "x"]);
    expect(calls.map((c) => c.options)).toEqual([{ prepare: true }, undefined, { prepare: true }]);
  });

  it("stops preparing new statements past the limit, and keeps preparing the ones it has", async () => {
    const { client, calls } = fakeClient();
    const sql = preparingStatements(client);
    for (let i = 0; i < MAX_PREPARED_STATEMENTS + 5; i++) await sql.unsafe(`select $1 + ${i}`, [i], { prepare: false });
    await sql.unsafe("select $1 + 0", [0], { prepare: false });
    const prepared = calls.filter((c) => (c.options as { prepare: boolean }).prepare);
    expect(prepared).toHaveLength(MAX_PREPARED_STATEMENTS + 1);
    expect(calls.at(-2)).toMatchObject({ options: { prepare: false } });
    expect(calls.at(-1)).toMatchObject({ query: "select $1 + 0", options: { prepare: true } });
  });
});
