import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { profiles } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError, notFound } from "@/server/errors";
import { observeAttributeTypes } from "./attribute-types";
import { mergeProfiles } from "./resolve-profile";

/**
 * Sets a profile's attributes: each key given replaces its value, `null` removes the key,
 * keys not given stay. Identities (email, phone, external id) change through identify calls.
 */
export async function updateProfileAttributes(workspaceId: string, profileId: string, changes: Record<string, unknown>, actor: TActor) {
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== null));
  const removed = Object.keys(changes).filter((k) => changes[k] === null);
  const db = await getDb();
  let observed = () => {};
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select({ attributes: profiles.attributes }).from(profiles).where(and(eq(profiles.id, profileId), eq(profiles.workspaceId, workspaceId))).for("update");
    if (!before) throw notFound("Profile");
    const [after] = await tx
      .update(profiles)
      .set({ attributes: sql`${removed.reduce((acc, key) => sql`(${acc} - ${key}::text)`, sql`${profiles.attributes}`)} || ${JSON.stringify(set)}::jsonb`, updatedAt: new Date() })
      .where(eq(profiles.id, profileId))
      .returning({ attributes: profiles.attributes });
    observed = await observeAttributeTypes(tx, workspaceId, set);
    await recordAudit(tx, { workspaceId, actor, action: "profile.update", entityType: "profile", entityId: profileId, diff: { keys: { from: null, to: Object.keys(changes) } } });
    return after!;
  });
  observed();
  return row;
}

/** Merges profile `fromId` into `intoId` (events, messages, identities, lists, attributes: `intoId`'s values win) and deletes `fromId`. */
export async function mergeProfilesOnRequest(workspaceId: string, fromId: string, intoId: string, actor: TActor) {
  if (fromId === intoId) throw new AppError("BAD_REQUEST", "A profile cannot be merged into itself", "from");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const found = await tx.select({ id: profiles.id }).from(profiles).where(and(eq(profiles.workspaceId, workspaceId), sql`${profiles.id} in (${fromId}::uuid, ${intoId}::uuid)`)).for("update");
    if (!found.some((p) => p.id === intoId)) throw notFound("Profile");
    if (!found.some((p) => p.id === fromId)) throw new AppError("NOT_FOUND", "Profile to merge not found", "from");
    await mergeProfiles(tx, workspaceId, fromId, intoId);
    await recordAudit(tx, { workspaceId, actor, action: "profile.merge", entityType: "profile", entityId: intoId, diff: { merged: { from: fromId, to: intoId } } });
  });
  return { merged: fromId, into: intoId };
}
