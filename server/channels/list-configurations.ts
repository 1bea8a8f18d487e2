import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channelConfigurations } from "@/db/schema";
import { channelPlugins } from "@/plugins";
import { fieldsOf, secretKeysOf } from "@/plugins/sdk";
import { ensureDevInboxes } from "./dev-inboxes";
import { allKinds } from "./kinds";
import { pluginOf, type TConfigurationRow } from "./configurations";

export const MASK = "••••••••";

/** A configuration as the UI sees it: secrets masked, never decrypted. */
export function publicConfiguration(row: TConfigurationRow) {
  const plugin = pluginOf(row);
  const secrets = new Set(secretKeysOf(plugin.settings));
  const settings = Object.fromEntries(Object.entries(row.settings).map(([k, v]) => [k, secrets.has(k) && v ? MASK : v]));
  return { id: row.id, name: row.name, pluginId: row.pluginId, pluginName: plugin.meta.name, icon: plugin.meta.icon, kind: row.kind, settings, isDefault: row.isDefault, rateLimitPerSecond: row.rateLimitPerSecond, updatedAt: row.updatedAt, webhookPath: `/api/webhooks/channels/${row.id}` };
}

export async function listConfigurations(workspaceId: string) {
  const db = await getDb();
  await ensureDevInboxes(db, workspaceId);
  const rows = await db.select().from(channelConfigurations).where(eq(channelConfigurations.workspaceId, workspaceId)).orderBy(asc(channelConfigurations.kind), asc(channelConfigurations.name));
  return rows.map(publicConfiguration);
}

/** The providers that can be configured, with the form of their settings (client-safe). */
export function listProviders() {
  return {
    kinds: allKinds().map((k) => ({ id: k.id, name: k.name })),
    plugins: channelPlugins.map((p) => ({ ...p.meta, fields: fieldsOf(p.settings) })),
  };
}
