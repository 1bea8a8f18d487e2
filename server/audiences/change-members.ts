import { z } from "zod";
import { getDb } from "@/db/client";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { resolveProfileRef } from "@/server/profiles/profile-ref";
import { addListMembers, firstMissingProfile, lockList, removeListMembers } from "./list-members";

/** Profiles named by id or `<namespace>:<value>` (e.g. `email:ada@example.com`), as in the REST API. */
export const ZProfileRefs = z
  .array(z.string().trim().min(1, "A profile reference is empty").max(400))
  .min(1, "Name at least one profile")
  .max(1000, "At most 1,000 profiles per call");

/** Adds or removes profiles of a list; every reference must resolve, or nothing changes. */
export async function changeListMembers(workspaceId: string, audienceId: string, refs: string[], change: "add" | "remove", actor: TActor) {
  const parsed = ZProfileRefs.parse(refs);
  const ids: string[] = [];
  for (const [index, ref] of parsed.entries()) {
    try {
      ids.push(await resolveProfileRef(workspaceId, ref));
    } catch (error) {
      if (error instanceof AppError) throw new AppError(error.code, `${error.message}: ${ref}`, `profiles.${index}`);
      throw error;
    }
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const list = await lockList(tx, workspaceId, audienceId);
    const missing = await firstMissingProfile(tx, workspaceId, ids);
    if (missing !== null) throw new AppError("NOT_FOUND", `Profile not found: ${parsed[missing]}`, `profiles.${missing}`);
    const changed = change === "add" ? await addListMembers(tx, workspaceId, audienceId, ids) : await removeListMembers(tx, workspaceId, audienceId, ids);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: change === "add" ? "audience.members-add" : "audience.members-remove",
      entityType: "audience",
      entityId: list.id,
      diff: { members: { from: null, to: `${change === "add" ? "+" : "-"}${changed}` } },
    });
    return { [change === "add" ? "added" : "removed"]: changed, requested: ids.length };
  });
}
