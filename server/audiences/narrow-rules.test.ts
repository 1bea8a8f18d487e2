import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { narrowRules } from "./narrow-rules";
import type { TAttributeRule, TEventRule, TIndexedColumns, TRuleGroup } from "./rules";

const now = new Date("2026-06-01T12:00:00Z");
const dialect = new PgDialect();
const and = (...rules: TRuleGroup["rules"]): TRuleGroup => ({ kind: "group", combinator: "and", rules });
const or = (...rules: TRuleGroup["rules"]): TRuleGroup => ({ kind: "group", combinator: "or", rules });
const attr = (key: string, op: TAttributeRule["op"], value?: TAttributeRule["value"], extra: Partial<TAttributeRule> = {}): TAttributeRule => ({ kind: "attribute", key, op, value, ...extra });
const ev = (extra: Partial<TEventRule> = {}): TEventRule => ({ kind: "event", name: "purchase", performed: true, where: [], ...extra });
const narrow = (group: TRuleGroup, indexed: TIndexedColumns = new Map()) => {
  const sql = narrowRules(group, "ws", now, indexed);
  return sql ? dialect.sqlToQuery(sql) : null;
};

// Pure: what narrows a count (the exactness is checked against the evaluator in compiler-vs-evaluator.test.ts).
describe("narrowing audience rules for indexes", () => {
  it("attribute equality becomes JSONB containment; other operators do not narrow", () => {
    const q = narrow(and(attr("city", "one_of", undefined, { values: ["Atlanta", "Seattle"] }), attr("birthYear", "gt", 1980)))!;
    expect(q.sql).toBe("((p.attributes @> $1::jsonb or p.attributes @> $2::jsonb))");
    expect(q.params).toEqual(['{"city":"Atlanta"}', '{"city":"Seattle"}']);
    expect(narrow(and(attr("vip", "equals", true)))!.params).toEqual(['{"vip":true}']);
    expect(narrow(and(attr("city", "not_equals", "Paris"), attr("city", "contains", "a")))).toBeNull();
  });

  it("an indexed attribute narrows on its typed column alone, other types by containment", () => {
    const indexed: TIndexedColumns = new Map([["city", { string: "indexed_attr_1" }], ["birthYear", { number: "indexed_attr_2" }]]);
    const q = narrow(and(attr("city", "one_of", undefined, { values: ["Atlanta", "Seattle"] }), attr("birthYear", "gt", 1980)), indexed)!;
    expect(q.sql).toBe('(p."indexed_attr_1" in ($1, $2) and p."indexed_attr_2" > $3)');
    expect(q.params).toEqual(["Atlanta", "Seattle", 1980]);
    expect(narrow(and(attr("birthYear", "between", 1970, { to: 1980 })), indexed)!.sql).toBe('(p."indexed_attr_2" between $1 and $2)');
    const mixed = narrow(and(attr("birthYear", "one_of", undefined, { values: [1985, "1985", true] })), indexed)!;
    expect(mixed.sql).toBe('((p."indexed_attr_2" in ($1) or p.attributes @> $2::jsonb or p.attributes @> $3::jsonb))');
    expect(mixed.params).toEqual([1985, '{"birthYear":"1985"}', '{"birthYear":true}']);
    expect(narrow(and(attr("city", "gt", 3), attr("city", "contains", "a")), indexed)).toBeNull();
    const spelled = narrow(and(or(attr("city", "equals", "Atlanta"), attr("city", "one_of", undefined, { values: ["Seattle", "Paris"] }))), indexed)!;
    expect(spelled.sql).toBe('(p."indexed_attr_1" in ($1, $2, $3))');
  });

  it("an OR narrows only when every branch does", () => {
    expect(narrow(or(attr("city", "equals", "Paris"), attr("birthYear", "gt", 1980)))).toBeNull();
    expect(narrow(or(attr("city", "equals", "Paris"), ev()))!.sql).toContain(" or p.id in (select e.profile_id from events e where");
    expect(narrow(or())!.sql).toBe("false");
    expect(narrow(and())).toBeNull();
  });

  it("performed at least N times becomes the profiles with such events; absence and at most do not narrow", () => {
    const q = narrow(and(ev({ count: { op: "at_least", n: 3 }, withinDays: 30, where: [{ key: "product", value: "Shoes" }] })))!;
    expect(q.sql).toContain("e.workspace_id = $1 and e.type = 'track' and e.name = $2 and e.timestamp >= $3::timestamptz and e.properties @> $4::jsonb group by e.profile_id having count(*) >= $5");
    expect(q.params).toEqual(["ws", "purchase", "2026-05-02T12:00:00.000Z", '{"product":"Shoes"}', 3]);
    expect(narrow(and(ev()))!.sql).not.toContain("having");
    expect(narrow(and(ev({ performed: false })))).toBeNull();
    expect(narrow(and(ev({ count: { op: "at_most", n: 2 } })))).toBeNull();
    expect(narrow(and(ev({ count: { op: "at_least", n: 0 } })))).toBeNull();
  });
});
