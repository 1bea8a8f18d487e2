import fc from "fast-check";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";

/** JSON text written as is where it stands (a number JSON.stringify cannot write, deep nesting). */
export class RawJson {
  constructor(readonly text: string) {}
}

const nested = (depth: number) => new RawJson("[".repeat(depth) + "]".repeat(depth));

export const hostileString = fc.oneof(
  fc.constantFrom("\u0000", "a\u0000b", "\ud800", "x\udfff", "\udbff\ud800", "%00", "%ED%A0%80", "%", "'; drop table profiles; --", "=cmd|' /C calc'!A0", "\u202e", "\ufeff", ""),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ minLength: 250, maxLength: 300 }),
  fc.string({ maxLength: 8 }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(new RawJson("1e999"), new RawJson("-1e999"), new RawJson("123456789012345678901234567890"), new RawJson("1e-400"), -0, 2 ** 53 + 2, -2147483649, 1.5),
  fc.constantFrom(nested(65), nested(5000)),
  fc.oneof(fc.boolean(), fc.constant(null), fc.integer(), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 })),
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

/** What to do to a valid input: one field replaced, a key added, or the whole of it replaced. */
export type TPlan =
  | { kind: "replace"; pick: number; value: unknown }
  | { kind: "addKey"; pick: number; key: string; value: unknown }
  | { kind: "whole"; value: unknown }
  | { kind: "text"; text: string }
  | { kind: "taint"; pick: number; poison: string };

export const hostilePlan: fc.Arbitrary<TPlan> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), value: hostileValue }) },
  // A valid string that gains what PostgreSQL cannot store: it passes every schema and reaches the database.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("taint" as const), pick: fc.nat(), poison: fc.constantFrom("\u0000", "\ud800", "\udfff", "x\u0000y") }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("addKey" as const), pick: fc.nat(), key: hostileString, value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("whole" as const), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("text" as const), text: fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom("{", "[1,", '{"a":"\\u0000"}', '"\\ud800"', "nul\u0000")) }) },
);

type TSlot = { holder: Record<string, unknown> | unknown[]; key: string | number };

function slotsOf(value: unknown, out: TSlot[] = []): TSlot[] {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push({ holder: value, key: i }), slotsOf(item, out)));
  else if (value && typeof value === "object" && !(value instanceof RawJson)) for (const [k, item] of Object.entries(value)) out.push({ holder: value as Record<string, unknown>, key: k }), slotsOf(item, out);
  return out;
}

/** The plan applied to a copy of `seed` (a JSON value); `text` plans give text instead. */
export function applyPlan(seed: unknown, plan: TPlan): unknown {
  if (plan.kind === "whole") return plan.value;
  if (plan.kind === "text") return plan.text;
  const copy = structuredClone(seed);
  const slots = slotsOf(copy);
  if (plan.kind === "taint") {
    const strings = slots.filter(({ holder, key }) => typeof (holder as Record<string | number, unknown>)[key] === "string");
    if (strings.length === 0) return copy;
    const { holder, key } = strings[plan.pick % strings.length]!;
    (holder as Record<string | number, unknown>)[key] += plan.poison;
    return copy;
  }
  if (plan.kind === "replace") {
    if (slots.length === 0) return plan.value;
    const { holder, key } = slots[plan.pick % slots.length]!;
    (holder as Record<string | number, unknown>)[key] = plan.value;
    return copy;
  }
  const objects = [copy, ...slots.map((s) => (s.holder as Record<string | number, unknown>)[s.key])].filter((v) => v && typeof v === "object" && !Array.isArray(v) && !(v instanceof RawJson)) as Record<string, unknown>[];
  if (objects.length === 0) return plan.value;
  objects[plan.pick % objects.length]![plan.key] = plan.value;
  return copy;
}

/** JSON text of a value that may hold RawJson pieces; a string stays as it is (raw body text). */
export function toJsonText(value: unknown): string {
  if (typeof value === "string") return value;
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof RawJson ? `@@raw${raws.push(v.text) - 1}@@` : v)) ?? "null";
  return text.replace(/"@@raw(\d+)@@"/g, (_, i: string) => raws[Number(i)]!);
}

let countQuery: ReturnType<typeof sql> | null = null;

/** Rows in every table, in one statement: a refused request must leave them all as they were. */
export async function rowCounts(): Promise<Record<string, number>> {
  const db = await getDb();
  if (!countQuery) {
    // A refused request still counts against its key's rate limit: that meter is not the request's write.
    const metered = new Set(["api_rate_counters"]);
    const tables = rowsOf<{ name: string }>(await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)).filter((t) => !metered.has(t.name));
    countQuery = sql.raw(`select ${tables.map((t) => `(select count(*) from "${t.name}")::int as "${t.name}"`).join(", ")}`);
  }
  return rowsOf<Record<string, number>>(await db.execute(countQuery))[0]!;
}
