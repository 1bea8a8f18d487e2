import type { TEventField } from "@/db/schema/event-definitions";

type TDefinitionShape = { name: string; fields: TEventField[]; condition: string | null };

/** `field == "value"` (or a number, true, false) clauses of a condition joined by `&&`: what a matching event must carry. */
export function requiredValues(condition: string | null): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  if (!condition || condition.includes("||")) return out;
  const clause = /(?:properties\.)?([A-Za-z_]\w*)\s*==\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(-?\d+(?:\.\d+)?)|(true|false))/g;
  for (const m of condition.matchAll(clause)) {
    const [, key, dq, sq, num, bool] = m;
    out[key!] = dq ?? sq ?? (num !== undefined ? Number(num) : bool === "true");
  }
  return out;
}

const sampleOf = (field: TEventField, now: Date): string | number | boolean => {
  if (field.type === "number") return 1;
  if (field.type === "boolean") return true;
  if (field.type === "date") return now.toISOString().slice(0, 10);
  if (/id$/i.test(field.name)) return `test-${now.getTime().toString(36)}`;
  return `Test ${field.name}`;
};

/** A payload that matches the business event: every field filled with a value of its type, and the condition's values. */
export function samplePayload(definition: TDefinitionShape, now = new Date()): Record<string, string | number | boolean> {
  const values = requiredValues(definition.condition);
  return Object.fromEntries([...definition.fields.map((f) => [f.name, values[f.name] ?? sampleOf(f, now)] as const), ...Object.entries(values)]);
}

/** Why a payload is not the business event, in words ("purchaseMessage must equal "thank you""), for a condition of equalities; else the condition itself. */
export function mismatchReason(definition: TDefinitionShape, properties: Record<string, unknown>): string {
  const wanted = Object.entries(requiredValues(definition.condition));
  const off = wanted.find(([k, v]) => properties[k] !== v);
  const head = `stored, but not a "${definition.name}"`;
  if (off) return `${head}: ${off[0]} must equal ${JSON.stringify(off[1])}${properties[off[0]] === undefined ? " (it is missing)" : ` (it is ${JSON.stringify(properties[off[0]])})`}`;
  return `${head}: its condition ${definition.condition ?? ""} does not hold`;
}
