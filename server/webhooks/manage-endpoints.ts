import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { outgoingUrlProblem } from "@/plugins/sdk/outgoing";
import type { TActor } from "@/server/audit/actor";
import { diffOf, recordAudit } from "@/server/audit/record-audit";
import { decryptSecret, encryptSecret } from "@/server/crypto/secrets";
import { notFound } from "@/server/errors";
import { ZWebhookEventType } from "./event-types";
import { newWebhookSecret } from "./sign";
import { forgetSubscriptions } from "./subscriptions";

const ZUrl = z
  .string()
  .trim()
  .max(2000, "url must be at most 2000 characters")
  .superRefine((value, ctx) => {
    const problem = outgoingUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const ZEndpointFields = z.object({
  url: ZUrl,
  description: z.string().trim().max(200, "description must be at most 200 characters").default(""),
  eventTypes: z.array(ZWebhookEventType).min(1, "Choose at least one event type").max(20),
  enabled: z.boolean().default(true),
});
export const ZEndpointId = z.object({ endpointId: z.uuid() });
export const ZUpdateEndpoint = ZEndpointId.extend(ZEndpointFields.partial().shape);

const listed = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  enabled: webhookEndpoints.enabled,
  failingSince: webhookEndpoints.failingSince,
  disabledReason: webhookEndpoints.disabledReason,
  createdAt: webhookEndpoints.createdAt,
};

export async function listEndpoints(workspaceId: string) {
  const db = await getDb();
  return db.select(listed).from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, workspaceId)).orderBy(desc(webhookEndpoints.createdAt));
}

/** Returns the secret once; it is stored encrypted and shown again only by revealSecret. */
export async function createEndpoint(workspaceId: string, input: z.input<typeof ZEndpointFields>, actor: TActor) {
  const fields = ZEndpointFields.parse(input);
  const secret = newWebhookSecret();
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const [row] = await tx.insert(webhookEndpoints).values({ workspaceId, ...fields, secret: encryptSecret(secret) }).returning(listed);
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, { workspaceId, actor, action: "webhook.create", entityType: "webhook", entityId: row.id, diff: diffOf(null, fields) });
    return row;
  });
  forgetSubscriptions(workspaceId);
  return { ...row, secret };
}

export async function updateEndpoint(workspaceId: string, input: z.input<typeof ZUpdateEndpoint>, actor: TActor) {
  const { endpointId, ...fields } = ZUpdateEndpoint.parse(input);
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select(listed).from(webhookEndpoints).where(scope(workspaceId, endpointId)).for("update");
    if (!before) throw notFound("Webhook endpoint");
    // Enabling again clears the failure streak that disabled it.
    const revived = fields.enabled ? { failingSince: null, disabledReason: null } : {};
    const [row] = await tx.update(webhookEndpoints).set({ ...fields, ...revived, updatedAt: new Date() }).where(scope(workspaceId, endpointId)).returning(listed);
    await recordAudit(tx, { workspaceId, actor, action: "webhook.update", entityType: "webhook", entityId: endpointId, diff: diffOf(pick(before, fields), fields) });
    return row!;
  });
  forgetSubscriptions(workspaceId);
  return row;
}

export async function deleteEndpoint(workspaceId: string, endpointId: string, actor: TActor) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(webhookEndpoints).where(scope(workspaceId, endpointId)).returning(listed);
    if (!row) throw notFound("Webhook endpoint");
    await recordAudit(tx, { workspaceId, actor, action: "webhook.delete", entityType: "webhook", entityId: endpointId, diff: { url: { from: row.url } } });
  });
  forgetSubscriptions(workspaceId);
}

/** A new secret, returned once; the old one stops signing at once. */
export async function rotateSecret(workspaceId: string, endpointId: string, actor: TActor) {
  const secret = newWebhookSecret();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.update(webhookEndpoints).set({ secret: encryptSecret(secret), updatedAt: new Date() }).where(scope(workspaceId, endpointId)).returning({ id: webhookEndpoints.id });
    if (!row) throw notFound("Webhook endpoint");
    await recordAudit(tx, { workspaceId, actor, action: "webhook.rotate-secret", entityType: "webhook", entityId: endpointId });
  });
  return { secret };
}

/** The secret on an admin's explicit request, recorded in the audit log. */
export async function revealSecret(workspaceId: string, endpointId: string, actor: TActor) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ secret: webhookEndpoints.secret }).from(webhookEndpoints).where(scope(workspaceId, endpointId));
    if (!row) throw notFound("Webhook endpoint");
    await recordAudit(tx, { workspaceId, actor, action: "webhook.reveal-secret", entityType: "webhook", entityId: endpointId });
    return { secret: decryptSecret(row.secret) };
  });
}

export const scope = (workspaceId: string, endpointId: string) => and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, endpointId));

function pick(row: Record<string, unknown>, fields: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(fields).map((k) => [k, row[k]]));
}
