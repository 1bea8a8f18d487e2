import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { audiences } from "@/db/schema";
import { AppError } from "@/server/errors";
import { referencedAudienceIds, type TAudienceRef, type TRuleGroup } from "./rules";

/**
 * Loads every saved audience a rule group refers to, directly or through other audiences,
 * from one workspace. A missing (or foreign) audience, or a loop back to `selfId`, is a 400
 * on `rules`: a rule group is always compiled against a complete, acyclic set.
 */
export async function resolveAudienceRefs(db: DbOrTx, workspaceId: string, group: TRuleGroup, selfId?: string): Promise<Map<string, TAudienceRef>> {
  const refs = new Map<string, TAudienceRef>();
  const names = new Map<string, string>();
  let wanted = unique(referencedAudienceIds(group));
  while (wanted.length > 0) {
    const rows = await db
      .select({ id: audiences.id, name: audiences.name, kind: audiences.kind, rules: audiences.rules })
      .from(audiences)
      .where(and(eq(audiences.workspaceId, workspaceId), inArray(audiences.id, wanted)));
    const missing = wanted.find((id) => !rows.some((r) => r.id === id));
    if (missing) throw new AppError("NOT_FOUND", "A membership rule refers to an audience that does not exist", "rules");
    const next: string[] = [];
    for (const row of rows) {
      names.set(row.id, row.name);
      const ref: TAudienceRef = row.kind === "rules" && row.rules ? { kind: "rules", rules: row.rules } : { kind: "list" };
      refs.set(row.id, ref);
      if (ref.kind === "rules") next.push(...referencedAudienceIds(ref.rules));
    }
    wanted = unique(next).filter((id) => !refs.has(id));
  }
  const loop = findLoop(group, refs, selfId ? [selfId] : []);
  if (loop) throw new AppError("BAD_REQUEST", `These rules refer back to themselves through "${names.get(loop) ?? "this audience"}"`, "rules");
  return refs;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** The first audience id reached twice on one path, if any. */
function findLoop(group: TRuleGroup, refs: Map<string, TAudienceRef>, path: string[]): string | null {
  for (const id of referencedAudienceIds(group)) {
    if (path.includes(id)) return id;
    const ref = refs.get(id);
    if (ref?.kind === "rules") {
      const found = findLoop(ref.rules, refs, [...path, id]);
      if (found) return found;
    }
  }
  return null;
}
