import { z } from "zod";
import type { TCsvColumnMapping } from "@/db/schema";
import { AppError } from "@/server/errors";

export const ZColumnMapping = z.object({
  column: z.number().int().min(0),
  header: z.string().max(500),
  role: z.enum(["identity", "attribute", "skip"]),
  key: z
    .string()
    .trim()
    .min(1, "Attribute key is required")
    .max(100, "Keep attribute keys under 100 characters")
    .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "Attribute keys start with a letter or _ and use letters, digits, _ . -")
    .optional(),
  type: z.enum(["string", "number", "boolean", "date"]).optional(),
  namespace: z.enum(["external_id", "email", "phone"]).optional(),
});

export const ZMapping = z.array(ZColumnMapping).min(1, "Map at least one column").max(500);

/**
 * Checks a mapping against the file's header: each column at most once, exactly one identity
 * column (with its namespace), attributes with a type and distinct keys.
 */
export function validateMapping(mapping: TCsvColumnMapping[], header: string[]): TCsvColumnMapping[] {
  const bad = (message: string) => new AppError("BAD_REQUEST", message, "mapping");
  const seen = new Set<number>();
  for (const m of mapping) {
    if (m.column >= header.length) throw bad(`Column ${m.column + 1} is not in the file (it has ${header.length})`);
    if (seen.has(m.column)) throw bad(`Column "${header[m.column]}" is mapped twice`);
    seen.add(m.column);
  }
  const identities = mapping.filter((m) => m.role === "identity");
  if (identities.length === 0) throw bad("Choose the column that identifies the profile (email, external id or phone)");
  if (identities.length > 1) throw bad(`Only one column can identify the profile; ${identities.map((m) => `"${m.header}"`).join(" and ")} both do`);
  if (!identities[0]!.namespace) throw bad(`Say what "${identities[0]!.header}" holds: email, external id or phone`);
  const keys = new Set<string>();
  for (const m of mapping.filter((m) => m.role === "attribute")) {
    if (!m.key) throw bad(`Give "${m.header}" an attribute key`);
    if (!m.type) throw bad(`Give "${m.header}" a type`);
    if (keys.has(m.key)) throw bad(`Two columns are stored as "${m.key}"`);
    if (m.key === identities[0]!.namespace) throw bad(`"${m.key}" is already set from the identity column "${identities[0]!.header}"; skip "${m.header}" or give it another key`);
    keys.add(m.key);
  }
  // Stored with every column of the file (unmapped ones skipped): its length is the
  // column count each row is checked against.
  const byColumn = new Map(mapping.map((m) => [m.column, m]));
  return header.map((h, column): TCsvColumnMapping => {
    const m = byColumn.get(column);
    if (m?.role === "identity") return { column, header: h, role: "identity", namespace: m.namespace };
    if (m?.role === "attribute") return { column, header: h, role: "attribute", key: m.key, type: m.type };
    return { column, header: h, role: "skip" };
  });
}
