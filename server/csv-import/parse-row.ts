import type { TCsvColumnMapping } from "@/db/schema";
import { normalizePhone, toE164 } from "@/server/profiles/phone-number";
import type { TIdentity } from "@/server/profiles/resolve-profile";
import { csvLine } from "./csv-line";

export type TValueType = NonNullable<TCsvColumnMapping["type"]>;

const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A cell as the mapped type; `undefined` when it cannot be read as that type. */
export function parseValue(type: TValueType, text: string): string | number | boolean | undefined {
  const value = text.trim();
  switch (type) {
    case "string":
      return text;
    case "number":
      return NUMBER.test(value) && Number.isFinite(Number(value)) ? Number(value) : undefined;
    case "boolean": {
      const lower = value.toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : undefined;
    }
    case "date": {
      // Bare dates stay dates (no time zone shift); anything else Date can read becomes ISO.
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isCalendarDate(value) ? value : undefined;
      const ms = /^\d{4}-\d{2}-\d{2}[T ]/.test(value) || /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
      return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
    }
  }
}

function isCalendarDate(value: string): boolean {
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** The identity value as stored: emails lowercased, phones in E.164 (`country` for those without a country code). */
export function normalizeIdentity(namespace: TIdentity["namespace"], text: string, country?: string): string | null {
  const value = text.trim();
  if (!value || value.length > 500) return null;
  if (namespace === "email") return /^[^\s@]+@[^\s@]+$/.test(value) ? value.toLowerCase() : null;
  if (namespace === "phone") return toE164(value, country);
  return value;
}

export type TParsedRow =
  | { ok: true; identity: TIdentity; attributes: Record<string, unknown> }
  | { ok: false; message: string; raw: string };

/**
 * One record under a validated mapping (exactly one identity column). Empty cells leave
 * the attribute as it is; emails and phones are also kept as the `email`/`phone`
 * attributes, as identify calls do. A `phone` attribute is stored in E.164 when it reads as a number.
 */
export function parseRow(fields: string[], mapping: TCsvColumnMapping[], columnCount: number, country?: string): TParsedRow {
  const fail = (message: string): TParsedRow => ({ ok: false, message, raw: csvLine(fields) });
  if (fields.length !== columnCount) return fail(`Has ${fields.length} columns; the header has ${columnCount}`);
  let identity: TIdentity | null = null;
  const attributes: Record<string, unknown> = {};
  for (const column of mapping) {
    const text = fields[column.column] ?? "";
    if (column.role === "identity" && column.namespace) {
      const value = normalizeIdentity(column.namespace, text, country);
      if (!value) return fail(text.trim() ? `"${column.header}" is not a valid ${column.namespace.replace("_", " ")}: ${text.slice(0, 80)}` : `"${column.header}" is empty`);
      identity = { namespace: column.namespace, value };
      if (column.namespace !== "external_id") attributes[column.namespace] = value;
    } else if (column.role === "attribute" && column.key) {
      if (text.trim() === "") continue;
      const value = parseValue(column.type ?? "string", text);
      if (value === undefined) return fail(`"${column.header}" is not a ${column.type}: ${text.slice(0, 80)}`);
      attributes[column.key] = column.key === "phone" && typeof value === "string" ? normalizePhone(value, country) : value;
    }
  }
  if (!identity) return fail("No identity column");
  return { ok: true, identity, attributes };
}
