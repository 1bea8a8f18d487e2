import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db/client";
import { channelConfigurations, messageProviderIds } from "@/db/schema";
import { pluginById } from "@/plugins";
import { secretKeysOf } from "@/plugins/sdk";
import type { TActor } from "@/server/audit/actor";
import { diffOf, recordAudit } from "@/server/audit/record-audit";
import { decryptFields, encryptFields } from "@/server/crypto/secrets";
import { AppError, notFound } from "@/server/errors";
import { resolveKinds } from "./kinds";

export const ZConfigurationInput = z.object({
  name: z.string().trim().min(1, "Name is required").max(80),
  pluginId: z.string().min(1, "Choose a provider"),
  /** The channel kind; required for plugins that send any kind (the dev inbox). */
  kind: z.string().optional(),
  settings: z.record(z.string(), z.unknown()).default({}),
  isDefault: z.boolean().default(false),
  rateLimitPerSecond: z.number().int().min(1).max(100_000).nullable().optional(),
});
export type TConfigurationInput = z.input<typeof ZConfigurationInput>;

/** Settings checked by the plugin's schema (issues named `settings.<field>`), secrets encrypted; an empty secret on update keeps the stored one. */
function prepareSettings(pluginId: string, raw: Record<string, unknown>, stored?: Record<string, unknown>) {
  const plugin = pluginById(pluginId);
  if (!plugin) throw new AppError("BAD_REQUEST", `Unknown provider "${pluginId}"`, "pluginId");
  const secrets = secretKeysOf(plugin.settings);
  const merged = { ...raw };
  for (const key of secrets) if ((merged[key] === "" || merged[key] === undefined) && typeof stored?.[key] === "string") merged[key] = stored[key];
  const parsed = plugin.settings.safeParse(decryptFields(merged, secrets));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("BAD_REQUEST", issue.message, `settings.${issue.path.join(".")}`);
  }
  return { plugin, settings: encryptFields(parsed.data as Record<string, unknown>, secrets) };
}

async function clearDefault(tx: DbOrTx, workspaceId: string, kind: string, exceptId?: string) {
  await tx
    .update(channelConfigurations)
    .set({ isDefault: false })
    .where(and(eq(channelConfigurations.workspaceId, workspaceId), eq(channelConfigurations.kind, kind), exceptId ? ne(channelConfigurations.id, exceptId) : undefined));
}

export async function createConfiguration(workspaceId: string, raw: TConfigurationInput, actor: TActor) {
  const input = ZConfigurationInput.parse(raw);
  const { plugin, settings } = prepareSettings(input.pluginId, input.settings);
  const kind = resolveKinds(plugin, input.kind);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [first] = await tx.select({ id: channelConfigurations.id }).from(channelConfigurations).where(and(eq(channelConfigurations.workspaceId, workspaceId), eq(channelConfigurations.kind, kind))).limit(1);
    const isDefault = input.isDefault || !first;
    if (isDefault) await clearDefault(tx, workspaceId, kind);
    const [row] = await tx
      .insert(channelConfigurations)
      .values({ workspaceId, name: input.name, pluginId: plugin.meta.id, kind, settings, isDefault, rateLimitPerSecond: input.rateLimitPerSecond ?? null })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("CONFLICT", `A configuration named "${input.name}" already exists`, "name");
    await recordAudit(tx, { workspaceId, actor, action: "channel.create", entityType: "channel-configuration", entityId: row.id, diff: diffOf(null, { name: row.name, pluginId: row.pluginId, kind, isDefault }) });
    return row;
  });
}

export async function updateConfiguration(workspaceId: string, id: string, raw: TConfigurationInput, actor: TActor) {
  const input = ZConfigurationInput.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(channelConfigurations).where(and(eq(channelConfigurations.id, id), eq(channelConfigurations.workspaceId, workspaceId))).for("update");
    if (!before) throw notFound("Channel configuration");
    if (input.pluginId !== before.pluginId) throw new AppError("BAD_REQUEST", "The provider of a configuration cannot change; create a new one", "pluginId");
    const { settings } = prepareSettings(before.pluginId, input.settings, before.settings);
    if (input.isDefault) await clearDefault(tx, workspaceId, before.kind, id);
    const [clash] = await tx.select({ id: channelConfigurations.id }).from(channelConfigurations).where(and(eq(channelConfigurations.workspaceId, workspaceId), ne(channelConfigurations.id, id), eq(channelConfigurations.name, input.name)));
    if (clash) throw new AppError("CONFLICT", `A configuration named "${input.name}" already exists`, "name");
    const [after] = await tx
      .update(channelConfigurations)
      .set({ name: input.name, settings, isDefault: input.isDefault || before.isDefault, rateLimitPerSecond: input.rateLimitPerSecond ?? null, updatedAt: new Date() })
      .where(eq(channelConfigurations.id, id))
      .returning();
    await recordAudit(tx, { workspaceId, actor, action: "channel.update", entityType: "channel-configuration", entityId: id, diff: diffOf({ name: before.name, isDefault: before.isDefault }, { name: after!.name, isDefault: after!.isDefault }) });
    return after!;
  });
}

export async function deleteConfiguration(workspaceId: string, id: string, actor: TActor) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(channelConfigurations).where(and(eq(channelConfigurations.id, id), eq(channelConfigurations.workspaceId, workspaceId))).returning();
    if (!gone) throw notFound("Channel configuration");
    // Its messages keep its id; the webhooks that could name them by provider id are gone with it.
    await tx.delete(messageProviderIds).where(eq(messageProviderIds.configurationId, id));
    if (gone.isDefault) {
      // The kind keeps a default: the oldest remaining configuration takes over.
      const [next] = await tx.select({ id: channelConfigurations.id }).from(channelConfigurations).where(and(eq(channelConfigurations.workspaceId, workspaceId), eq(channelConfigurations.kind, gone.kind))).orderBy(channelConfigurations.createdAt).limit(1);
      if (next) await tx.update(channelConfigurations).set({ isDefault: true }).where(eq(channelConfigurations.id, next.id));
    }
    await recordAudit(tx, { workspaceId, actor, action: "channel.delete", entityType: "channel-configuration", entityId: id, diff: { name: { from: gone.name } } });
  });
}
