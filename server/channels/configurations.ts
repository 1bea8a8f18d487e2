import { and, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { channelConfigurations } from "@/db/schema";
import { pluginById } from "@/plugins";
import type { TChannelPlugin, TChannelSender } from "@/plugins/sdk";
import { secretKeysOf } from "@/plugins/sdk";
import { decryptFields } from "@/server/crypto/secrets";
import { AppError, notFound } from "@/server/errors";
import { ensureDevInboxes } from "./dev-inboxes";

export type TConfigurationRow = typeof channelConfigurations.$inferSelect;

export function pluginOf(row: Pick<TConfigurationRow, "pluginId">): TChannelPlugin {
  const plugin = pluginById(row.pluginId);
  if (!plugin) throw new AppError("BAD_REQUEST", `The plugin "${row.pluginId}" of this configuration is not installed`, "configurationId");
  return plugin;
}

/** A configuration of the workspace by id, or the default one for the kind. */
export async function resolveConfiguration(db: DbOrTx, workspaceId: string, kind: string, configurationId?: string | null): Promise<TConfigurationRow> {
  const where = configurationId
    ? and(eq(channelConfigurations.workspaceId, workspaceId), eq(channelConfigurations.id, configurationId))
    : and(eq(channelConfigurations.workspaceId, workspaceId), eq(channelConfigurations.kind, kind), eq(channelConfigurations.isDefault, true));
  let [row] = await db.select().from(channelConfigurations).where(where);
  if (!row && !configurationId) {
    await ensureDevInboxes(db, workspaceId);
    [row] = await db.select().from(channelConfigurations).where(where);
  }
  if (!row) {
    if (configurationId) throw notFound("Channel configuration");
    throw new AppError("BAD_REQUEST", `No default ${kind} channel configuration: add one under Channels`, "configurationId");
  }
  if (row.kind !== kind) throw new AppError("BAD_REQUEST", `"${row.name}" sends ${row.kind}, not ${kind}`, "configurationId");
  return row;
}

/** The settings with secrets decrypted, validated by the plugin's schema. */
export function settingsOf(row: TConfigurationRow): Record<string, unknown> {
  const plugin = pluginOf(row);
  const clear = decryptFields(row.settings, secretKeysOf(plugin.settings));
  const parsed = plugin.settings.safeParse(clear);
  if (!parsed.success) throw new AppError("BAD_REQUEST", `The settings of "${row.name}" are no longer valid: ${parsed.error.issues[0]?.message}`, "configurationId");
  return parsed.data as Record<string, unknown>;
}

// One sender per configuration version: SMTP pools and SDK clients are reused across sends.
const senders = new Map<string, TChannelSender<unknown>>();

export function senderFor(row: TConfigurationRow): TChannelSender<unknown> {
  const key = `${row.id}:${row.updatedAt.getTime()}`;
  let sender = senders.get(key);
  if (!sender) {
    for (const old of senders.keys()) if (old.startsWith(`${row.id}:`)) senders.delete(old);
    sender = pluginOf(row).create(settingsOf(row) as never) as TChannelSender<unknown>;
    senders.set(key, sender);
  }
  return sender;
}

export async function getConfiguration(workspaceId: string, id: string): Promise<TConfigurationRow> {
  const db = await getDb();
  const [row] = await db.select().from(channelConfigurations).where(and(eq(channelConfigurations.workspaceId, workspaceId), eq(channelConfigurations.id, id)));
  if (!row) throw notFound("Channel configuration");
  return row;
}
