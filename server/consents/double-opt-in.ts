import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { profileConsents, profiles, subscriptionTopics, workspaces } from "@/db/schema";
import { publicUrlOf } from "@/server/config/public-url";
import { deriveKey } from "@/server/crypto/secret-key";
import { sendMessage } from "@/server/messaging/send-message";
import { recordConsents } from "./record-consent";

// Double opt-in: an API opt-in to a topic marked so is `pending` until the person follows the
// link of a confirmation email. The link's token names the profile and the topic with an
// expiry, signed under a key of its own (made or altered without the master key: refused).

const TTL_MS = 7 * 24 * 3_600_000;
const sign = (body: string) => createHmac("sha256", deriveKey("double-opt-in")).update(body).digest("base64url").slice(0, 32);

export function confirmToken(profileId: string, topicId: string, now = Date.now()): string {
  const body = Buffer.from(`${profileId}:${topicId}:${now + TTL_MS}`).toString("base64url");
  return `${body}.${sign(body)}`;
}

function readConfirmToken(token: string): { profileId: string; topicId: string } | null {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(body));
  if (expected.length !== Buffer.byteLength(signature) || !timingSafeEqual(expected, Buffer.from(signature))) return null;
  const [profileId, topicId, until] = Buffer.from(body, "base64url").toString("utf8").split(":");
  if (!profileId || !topicId || !(Number(until) > Date.now())) return null;
  return { profileId, topicId };
}

/** Sends the confirmation email through the workspace's email channel, transactional (marketing consent does not hold it back). */
export async function sendOptInConfirmation(workspaceId: string, profileId: string, topic: { id: string; name: string }): Promise<void> {
  const db = await getDb();
  const [ws] = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId));
  const url = publicUrlOf(`/confirm/${confirmToken(profileId, topic.id)}`);
  const name = (s: string) => s.replace(/[<>&"{}%]/g, "");
  await sendMessage({
    workspaceId,
    kind: "email",
    profileId,
    content: { subject: `Confirm your subscription to ${name(topic.name)}`, html: `<p>Please confirm that you want to receive "${name(topic.name)}" from ${name(ws?.name ?? "us")}.</p><p><a href="${url}">Confirm my subscription</a></p><p>If you did not ask for it, ignore this email: nothing will be sent.</p>` },
    source: { type: "transactional", id: "double-opt-in", stepId: `${topic.id}:${crypto.randomUUID()}` },
    transactional: true,
  });
}

/** The confirmation: a pending opt-in becomes subscribed (source double_opt_in). Anything else is left as it is. */
export async function confirmOptIn(token: string): Promise<{ topic: string; workspace: string; confirmed: boolean } | null> {
  const ref = readConfirmToken(token);
  if (!ref) return null;
  const db = await getDb();
  const [row] = await db
    .select({ workspaceId: profiles.workspaceId, topic: subscriptionTopics.name, channel: subscriptionTopics.channel, workspace: workspaces.name })
    .from(profiles)
    .innerJoin(subscriptionTopics, and(eq(subscriptionTopics.id, ref.topicId), eq(subscriptionTopics.workspaceId, profiles.workspaceId)))
    .innerJoin(workspaces, eq(workspaces.id, profiles.workspaceId))
    .where(eq(profiles.id, ref.profileId));
  if (!row) return null;
  return db.transaction(async (tx) => {
    const [consent] = await tx.select({ status: profileConsents.status }).from(profileConsents).where(and(eq(profileConsents.profileId, ref.profileId), eq(profileConsents.channel, row.channel), eq(profileConsents.topicId, ref.topicId))).for("update");
    if (consent?.status === "pending") await recordConsents(tx, row.workspaceId, ref.profileId, [{ channel: row.channel, topicId: ref.topicId, status: "subscribed" }], "double_opt_in");
    return { topic: row.topic, workspace: row.workspace, confirmed: consent?.status === "pending" || consent?.status === "subscribed" };
  });
}
