import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { audiences, INDEXED_ATTRIBUTE_TYPES, indexedAttributes } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordInstanceAudit } from "@/server/audit/record-instance-audit";
import { AppError, notFound } from "@/server/errors";
import { ZRuleGroup } from "../rules";
import { requestIndexBuild } from "./build-attribute-indexes";
import { suggestIndexedAttributes } from "./suggest-indexed-attributes";

/** Each indexed attribute costs every profile write a column and an index entry of each index. */
export const MAX_INDEXED_ATTRIBUTES = 6;

export const ZIndexedAttribute = z.object({
  key: z.string().min(1, "Choose an attribute").max(200, "Attribute keys are at most 200 characters").refine((k) => !k.includes("\u0000"), "The key may not contain a NUL character"),
  type: z.enum(INDEXED_ATTRIBUTE_TYPES, { error: "type must be string or number" }),
});
export type TIndexedAttributeInput = z.infer<typeof ZIndexedAttribute>;

const columns = { key: indexedAttributes.key, type: indexedAttributes.type, status: indexedAttributes.status, error: indexedAttributes.error, updatedAt: indexedAttributes.updatedAt };

/** The indexed attributes (instance-wide), and what the saved audiences of a workspace (of all, for the CLI) would use. */
export async function listIndexedAttributes(workspaceId?: string) {
  const db = await getDb();
  const indexed = await db.select(columns).from(indexedAttributes).orderBy(indexedAttributes.key, indexedAttributes.type);
  const saved = await db
    .select({ rules: audiences.rules })
    .from(audiences)
    .where(and(workspaceId ? eq(audiences.workspaceId, workspaceId) : undefined, eq(audiences.kind, "rules")));
  const rules = saved.flatMap((a) => (ZRuleGroup.safeParse(a.rules).success ? [ZRuleGroup.parse(a.rules)] : []));
  return { attributes: indexed, suggestions: suggestIndexedAttributes(rules, indexed), max: MAX_INDEXED_ATTRIBUTES };
}

// Indexing changes the profiles table every workspace shares: the callers are the operator
// procedures and the admin CLI, never a workspace role.

/** Asks for an attribute's typed column and index; they are built in the background. */
export async function indexAttribute(raw: TIndexedAttributeInput, actor: TActor) {
  const input = ZIndexedAttribute.parse(raw);
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    // Serializes requests, so the limit holds.
    await tx.execute(sql`lock table indexed_attributes in share row exclusive mode`);
    const [existing] = await tx.select().from(indexedAttributes).where(and(eq(indexedAttributes.key, input.key), eq(indexedAttributes.type, input.type)));
    if (existing?.status === "removing") throw new AppError("CONFLICT", `"${input.key}" is being removed; index it again once that is done`, "key");
    let saved = existing;
    if (!existing) {
      const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(indexedAttributes).where(ne(indexedAttributes.status, "removing"));
      if (n >= MAX_INDEXED_ATTRIBUTES) throw new AppError("BAD_REQUEST", `At most ${MAX_INDEXED_ATTRIBUTES} attributes can be indexed; remove one first`, "key");
      [saved] = await tx.insert(indexedAttributes).values({ ...input, requestedBy: actor.label }).returning();
    } else if (existing.status === "failed") {
      [saved] = await tx.update(indexedAttributes).set({ status: "building", error: null, updatedAt: new Date() }).where(eq(indexedAttributes.id, existing.id)).returning();
    }
    await recordInstanceAudit(tx, { actor, action: "attribute.index", entityType: "attribute", entityId: input.key, diff: { type: { to: input.type } } });
    return saved!;
  });
  void requestIndexBuild();
  return { key: row.key, type: row.type, status: row.status, error: row.error, updatedAt: row.updatedAt };
}

/** Drops an attribute's column and index (in the background; asked again, tries again); counts read the JSON again. */
export async function unindexAttribute(raw: TIndexedAttributeInput, actor: TActor) {
  const input = ZIndexedAttribute.parse(raw);
  const db = await getDb();
  const [row] = await db.transaction(async (tx) => {
    const changed = await tx
      .update(indexedAttributes)
      .set({ status: "removing", updatedAt: new Date() })
      .where(and(eq(indexedAttributes.key, input.key), eq(indexedAttributes.type, input.type)))
      .returning(columns);
    if (!changed.length) throw notFound("Indexed attribute");
    await recordInstanceAudit(tx, { actor, action: "attribute.unindex", entityType: "attribute", entityId: input.key, diff: { type: { from: input.type } } });
    return changed;
  });
  void requestIndexBuild();
  return row!;
}
