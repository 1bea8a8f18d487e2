import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channelConfigurations } from "@/db/schema";
import { CORE_KINDS } from "@/plugins/sdk";
import { workflowMode } from "@/server/workflows/mode";

/**
 * Embedded mode (a laptop, CI) captures instead of sending: every core kind without a
 * configuration gets a "Dev inbox" one as its default, so the first campaign a new user
 * sends shows up in the app. PARCOURS_DEV_INBOX=0 turns this off; =1 forces it on.
 */
export function devInboxEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.PARCOURS_DEV_INBOX) return env.PARCOURS_DEV_INBOX !== "0";
  return workflowMode(env) === "embedded";
}

export async function ensureDevInboxes(db: DbOrTx, workspaceId: string): Promise<void> {
  if (!devInboxEnabled()) return;
  const existing = await db.select({ kind: channelConfigurations.kind }).from(channelConfigurations).where(eq(channelConfigurations.workspaceId, workspaceId));
  const missing = Object.keys(CORE_KINDS).filter((kind) => !existing.some((e) => e.kind === kind));
  if (missing.length === 0) return;
  await db
    .insert(channelConfigurations)
    .values(missing.map((kind) => ({ workspaceId, name: `Dev inbox (${kind})`, pluginId: "dev-inbox", kind, settings: {}, isDefault: true })))
    .onConflictDoNothing();
}

