import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { profileAttributeTypes } from "@/db/schema";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export type TAttributeType = "string" | "number" | "boolean" | "date" | "object" | "array";

/** The type a value is observed as; ISO dates in strings count as dates. */
export function typeOf(value: unknown): TAttributeType | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isFinite(value) ? "number" : null;
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "string") return ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? "date" : "string";
  return typeof value === "object" ? "object" : null;
}

// (workspace, key, type) rows this process wrote in the last minute: their lastSeenAt is
// refreshed at most once a minute, so hot ingestion does not make every transaction wait
// on the same few rows (as api keys' lastUsedAt).
const REFRESH_EVERY_MS = 60_000;
const recent = new Map<string, number>();

/**
 * Records the type of each attribute seen (one statement for several sets of attributes),
 * for type-aware filters. Returns what to call once the transaction has committed.
 */
export async function observeAttributeTypes(tx: DbOrTx, workspaceId: string, attributes: Record<string, unknown> | Record<string, unknown>[]): Promise<() => void> {
  const now = Date.now();
  const seen = new Map<string, { key: string; type: TAttributeType }>();
  for (const set of Array.isArray(attributes) ? attributes : [attributes]) {
    for (const [key, value] of Object.entries(set)) {
      const type = typeOf(value);
      const id = `${workspaceId}\u0000${key}\u0000${type}`;
      if (type !== null && key.length <= 200 && !(now - (recent.get(id) ?? -Infinity) < REFRESH_EVERY_MS)) seen.set(id, { key, type });
    }
  }
  if (seen.size === 0) return () => {};
  // Sorted, so concurrent calls lock the rows in one order.
  const rows = [...seen].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r);
  await tx
    .insert(profileAttributeTypes)
    .values(rows.map((r) => ({ workspaceId, ...r })))
    .onConflictDoUpdate({ target: [profileAttributeTypes.workspaceId, profileAttributeTypes.key, profileAttributeTypes.type], set: { lastSeenAt: sql`now()` } });
  return () => {
    if (recent.size > 10_000) recent.clear();
    for (const id of seen.keys()) recent.set(id, now);
  };
}
