import type { TCsvColumnMapping } from "@/db/schema";
import { normalizeIdentity, parseValue, type TValueType } from "./parse-row";

const IDENTITY_HEADERS: Record<string, NonNullable<TCsvColumnMapping["namespace"]>> = {
  email: "email",
  email_address: "email",
  emailaddress: "email",
  id: "external_id",
  user_id: "external_id",
  userid: "external_id",
  external_id: "external_id",
  customer_id: "external_id",
  phone: "phone",
  phone_number: "phone",
  mobile: "phone",
};

/** A header as an attribute key: lower snake case, at most 100 characters. */
export function keyOf(header: string): string {
  const key = header
    .trim()
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 100);
  return key || "column";
}

/**
 * The narrowest type the non-empty sample cells read as; string when none fits. One cell
 * in twenty may not fit (it becomes an error row): a typo should not turn a number column
 * into text.
 */
export function guessType(samples: string[]): TValueType {
  const cells = samples.filter((s) => s.trim() !== "");
  if (cells.length === 0) return "string";
  const allowedMisses = Math.floor(cells.length / 20);
  for (const type of ["boolean", "number", "date"] as const) {
    if (cells.filter((c) => parseValue(type, c) === undefined).length <= allowedMisses) return type;
  }
  return "string";
}

/**
 * The mapping proposed in the preview: the first column named like an identifier (email,
 * id, user_id, phone...) whose samples are valid identifies the profile; the others
 * become attributes of their guessed type.
 */
export function guessMapping(header: string[], rows: string[][]): TCsvColumnMapping[] {
  let identityTaken = false;
  const ranked = header.map((h, column) => ({ column, namespace: IDENTITY_HEADERS[keyOf(h)] }));
  // email beats an id column, which beats phone: the most common way lists identify people.
  const order = ["email", "external_id", "phone"];
  const identityColumn = ranked
    .filter((r) => r.namespace && rows.every((row) => !row[r.column]?.trim() || normalizeIdentity(r.namespace!, row[r.column]!) !== null))
    .sort((a, b) => order.indexOf(a.namespace!) - order.indexOf(b.namespace!))[0];
  return header.map((h, column) => {
    const samples = rows.map((row) => row[column] ?? "");
    if (identityColumn?.column === column && !identityTaken) {
      identityTaken = true;
      return { column, header: h, role: "identity", namespace: identityColumn.namespace };
    }
    return { column, header: h, role: "attribute", key: keyOf(h), type: guessType(samples) };
  });
}
