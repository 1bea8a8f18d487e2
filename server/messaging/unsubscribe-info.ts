import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { messages, profileConsents, workspaces } from "@/db/schema";
import { readTrackingToken } from "./tracking-token";

/** What the unsubscribe page shows for a token: the sender and whether it is already done. */
export async function unsubscribeInfo(token: string): Promise<{ workspace: string; channel: string; address: string | null; done: boolean } | null> {
  const payload = readTrackingToken("unsubscribe", token);
  if (!payload) return null;
  const db = await getDb();
  const [row] = await db
    .select({ workspace: workspaces.name, channel: messages.kind, address: messages.recipient, profileId: messages.profileId, workspaceId: messages.workspaceId })
    .from(messages)
    .innerJoin(workspaces, eq(workspaces.id, messages.workspaceId))
    .where(eq(messages.id, payload.m));
  if (!row) return null;
  const [consent] = row.profileId
    ? await db.select({ status: profileConsents.status }).from(profileConsents).where(and(eq(profileConsents.profileId, row.profileId), eq(profileConsents.channel, row.channel)))
    : [];
  return { workspace: row.workspace, channel: row.channel, address: row.address, done: consent?.status === "unsubscribed" };
}
