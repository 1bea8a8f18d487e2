import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { indexedAttributes } from "@/db/schema";
import type { TIndexedColumns } from "../rules";
import { columnOf } from "./attribute-index-sql";

/**
 * The attributes whose typed column is complete (filled for every profile and kept by the
 * trigger), for compileRules and narrowRules. Read per query: a column is dropped only after
 * its attribute has left this list.
 */
export async function loadIndexedColumns(db: DbOrTx): Promise<TIndexedColumns> {
  const ready = await db.select({ id: indexedAttributes.id, key: indexedAttributes.key, type: indexedAttributes.type }).from(indexedAttributes).where(eq(indexedAttributes.status, "ready"));
  const columns = new Map<string, { string?: string; number?: string }>();
  for (const e of ready) columns.set(e.key, { ...columns.get(e.key), [e.type]: columnOf(e) });
  return columns;
}
