import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db/client";
import { audiences } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { diffOf, recordAudit } from "@/server/audit/record-audit";
import { AppError, notFound } from "@/server/errors";
import { countAudience } from "./count-audience";
import { resolveAudienceRefs } from "./resolve-refs";
import { ZRuleGroup } from "./rules";

const ZName = z.string().trim().min(1, "Name is required").max(120, "Keep the name under 120 characters");
const ZDescription = z.string().trim().max(1000).optional();

export const ZAudienceInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("rules"), name: ZName, description: ZDescription, rules: ZRuleGroup }),
  z.object({ kind: z.literal("list"), name: ZName, description: ZDescription }),
]);
export type TAudienceInput = z.input<typeof ZAudienceInput>;

async function assertNameFree(tx: DbOrTx, workspaceId: string, name: string, exceptId?: string) {
  const clash = await tx
    .select({ id: audiences.id })
    .from(audiences)
    .where(and(eq(audiences.workspaceId, workspaceId), sql`lower(${audiences.name}) = lower(${name})`, exceptId ? ne(audiences.id, exceptId) : undefined));
  if (clash.length) throw new AppError("CONFLICT", `An audience named "${name}" already exists`, "name");
}

export async function createAudience(workspaceId: string, raw: TAudienceInput, actor: TActor) {
  const input = ZAudienceInput.parse(raw);
  const db = await getDb();
  const created = await db.transaction(async (tx) => {
    await assertNameFree(tx, workspaceId, input.name);
    if (input.kind === "rules") await resolveAudienceRefs(tx, workspaceId, input.rules);
    const [row] = await tx
      .insert(audiences)
      .values({ workspaceId, name: input.name, description: input.description || null, kind: input.kind, rules: input.kind === "rules" ? input.rules : null, createdById: actor.userId })
      .returning();
    await recordAudit(tx, { workspaceId, actor, action: "audience.create", entityType: "audience", entityId: row!.id, diff: diffOf(null, { name: input.name, kind: input.kind }) });
    return row!;
  });
  return refreshCount(workspaceId, created);
}

export async function updateAudience(workspaceId: string, id: string, raw: TAudienceInput, actor: TActor) {
  const input = ZAudienceInput.parse(raw);
  const db = await getDb();
  const updated = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(audiences).where(and(eq(audiences.id, id), eq(audiences.workspaceId, workspaceId))).for("update");
    if (!before) throw notFound("Audience");
    if (before.kind !== input.kind) throw new AppError("BAD_REQUEST", "An audience cannot change between rules and list", "kind");
    await assertNameFree(tx, workspaceId, input.name, id);
    if (input.kind === "rules") await resolveAudienceRefs(tx, workspaceId, input.rules, id);
    const values = { name: input.name, description: input.description || null, rules: input.kind === "rules" ? input.rules : null, updatedAt: new Date() };
    const [after] = await tx.update(audiences).set(values).where(eq(audiences.id, id)).returning();
    const pick = (a: typeof before) => ({ name: a.name, description: a.description, rules: a.rules });
    await recordAudit(tx, { workspaceId, actor, action: "audience.update", entityType: "audience", entityId: id, diff: diffOf(pick(before), pick(after!)) });
    return after!;
  });
  return refreshCount(workspaceId, updated);
}

export async function deleteAudience(workspaceId: string, id: string, actor: TActor) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const users = await tx
      .select({ name: audiences.name })
      .from(audiences)
      .where(and(eq(audiences.workspaceId, workspaceId), ne(audiences.id, id), sql`strpos(${audiences.rules}::text, ${id}) > 0`));
    if (users.length) throw new AppError("CONFLICT", `Used by ${users.map((u) => `"${u.name}"`).join(", ")}; remove those rules first`, "audienceId");
    const [gone] = await tx.delete(audiences).where(and(eq(audiences.id, id), eq(audiences.workspaceId, workspaceId))).returning();
    if (!gone) throw notFound("Audience");
    await recordAudit(tx, { workspaceId, actor, action: "audience.delete", entityType: "audience", entityId: id, diff: { name: { from: gone.name } } });
  });
}

/** Counts a rules audience now and remembers the figure for lists of audiences. */
export async function refreshCount<T extends { id: string; kind: string; rules: unknown }>(workspaceId: string, audience: T): Promise<T & { lastCount: number | null }> {
  if (audience.kind !== "rules" || !audience.rules) return { ...audience, lastCount: null };
  const n = await countAudience(workspaceId, ZRuleGroup.parse(audience.rules));
  const db = await getDb();
  await db.update(audiences).set({ lastCount: n, countedAt: new Date() }).where(eq(audiences.id, audience.id));
  return { ...audience, lastCount: n };
}
