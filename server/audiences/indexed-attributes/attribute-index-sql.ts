import { createHash } from "node:crypto";
import type { TIndexedAttributeType } from "@/db/schema";

// The DDL behind indexed attributes, as text: names come from catalog ids, keys are quoted
// literals, so nothing a user typed reaches SQL unquoted.

export type TIndexedEntry = { id: number; key: string; type: TIndexedAttributeType };

export const INDEX_PREFIX = "profiles_ia_";
const TRIGGER = "profiles_indexed_attributes";
const TRIGGER_FUNCTION = "parcours_profiles_indexed_attributes";

export const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
export const columnOf = (e: { id: number }) => `indexed_attr_${e.id}`;
const sqlType = (e: TIndexedEntry) => (e.type === "number" ? "numeric" : "text");

/** The typed value the column holds: the same as compile-rules.ts reads from the JSON. */
export const expressionOf = (e: TIndexedEntry, source = "attributes") => `parcours_attribute_${e.type === "number" ? "number" : "text"}(${source}, ${literal(e.key)})`;

/**
 * One statement (so one transaction on either driver): the columns, and the trigger that
 * fills them on every insert and update. ALTER TABLE waits for every transaction writing
 * profiles, so once this commits no row can be written without the trigger.
 */
export function structureStatement(entries: TIndexedEntry[]): string {
  if (entries.length === 0) return `DROP TRIGGER IF EXISTS ${TRIGGER} ON profiles`;
  const columns = entries.map((e) => `ADD COLUMN IF NOT EXISTS ${columnOf(e)} ${sqlType(e)}`).join(", ");
  const assignments = entries.map((e) => `NEW.${columnOf(e)} := ${expressionOf(e, "NEW.attributes")};`).join(" ");
  const fn = `CREATE OR REPLACE FUNCTION ${TRIGGER_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS ${literal(`BEGIN ${assignments} RETURN NEW; END`)}`;
  const body = [
    "BEGIN",
    "PERFORM set_config('lock_timeout', '2s', true);",
    `ALTER TABLE profiles ${columns};`,
    `${fn};`,
    `CREATE OR REPLACE TRIGGER ${TRIGGER} BEFORE INSERT OR UPDATE ON profiles FOR EACH ROW EXECUTE FUNCTION ${TRIGGER_FUNCTION}();`,
    // Fires under session_replication_role = replica too (the demo seed on PGlite sets it).
    `ALTER TABLE profiles ENABLE ALWAYS TRIGGER ${TRIGGER};`,
    "END",
  ].join(" ");
  return `DO ${literal(body)}`;
}

/** Drops the columns of removed attributes (and with them any index still holding them). */
export function dropColumnsStatement(removed: { id: number }[]): string {
  const body = `BEGIN PERFORM set_config('lock_timeout', '2s', true); ALTER TABLE profiles ${removed.map((e) => `DROP COLUMN IF EXISTS ${columnOf(e)}`).join(", ")}; END`;
  return `DO ${literal(body)}`;
}

/** Fills the columns for the rows on heap pages [from, to), skipping rows already right. */
export function backfillStatement(entries: TIndexedEntry[], from: number, to: number): string {
  const set = entries.map((e) => `${columnOf(e)} = ${expressionOf(e)}`).join(", ");
  const stale = entries.map((e) => `${columnOf(e)} IS DISTINCT FROM ${expressionOf(e)}`).join(" OR ");
  return `UPDATE profiles SET ${set} WHERE ctid >= '(${from},0)'::tid AND ctid < '(${to},0)'::tid AND (${stale})`;
}

/**
 * One index per attribute: (workspace_id, its column), the other indexed columns included,
 * so a count over indexed attributes is an index-only scan led by any one of them. The name
 * carries a hash of the included set, so a changed set is a new index.
 */
export function wantedIndexes(entries: TIndexedEntry[]): { name: string; create: string }[] {
  return entries.map((e) => {
    const others = entries.filter((o) => o.id !== e.id).map(columnOf).sort();
    const hash = createHash("sha1").update(others.join(",")).digest("hex").slice(0, 8);
    const name = `${INDEX_PREFIX}${e.id}_${hash}`;
    const include = others.length ? ` INCLUDE (${others.join(", ")})` : "";
    return { name, create: `CREATE INDEX CONCURRENTLY ${name} ON profiles (workspace_id, ${columnOf(e)})${include}` };
  });
}
