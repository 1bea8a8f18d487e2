import { getDb } from "@/db/client";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { getConfiguration, senderFor } from "./configurations";

/** Asks the provider whether the settings work (SMTP handshake, API key check...). */
export async function testConfiguration(workspaceId: string, id: string, actor: TActor): Promise<{ ok: boolean; message: string }> {
  const row = await getConfiguration(workspaceId, id);
  let result: { ok: boolean; message: string };
  try {
    const sender = senderFor(row);
    if (!sender.testConnection) result = { ok: true, message: "This provider has no connection test; send a test message instead." };
    else {
      const answer = await sender.testConnection();
      result = { ok: answer.ok, message: answer.message ?? (answer.ok ? "Connected" : "Failed") };
    }
  } catch (error) {
    result = { ok: false, message: (error as Error).message };
  }
  const db = await getDb();
  await recordAudit(db, { workspaceId, actor, action: "channel.test", entityType: "channel-configuration", entityId: id, diff: { result: { from: null, to: result.ok ? "ok" : result.message } } });
  return result;
}
