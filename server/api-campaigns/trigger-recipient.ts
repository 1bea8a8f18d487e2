import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { profiles } from "@/db/schema";
import { observeAttributeTypes } from "@/server/profiles/attribute-types";
import { resolveProfile, type TIdentity } from "@/server/profiles/resolve-profile";
import type { TTriggerBody } from "./trigger-schema";

/** The recipient's profile, created when unknown, with the given attributes merged in. */
export async function triggerRecipient(tx: Tx, workspaceId: string, recipient: TTriggerBody["recipient"]): Promise<string> {
  const ids: TIdentity[] = [];
  if (recipient.externalId) ids.push({ namespace: "external_id", value: recipient.externalId });
  if (recipient.email) ids.push({ namespace: "email", value: recipient.email.toLowerCase() });
  if (recipient.phone) ids.push({ namespace: "phone", value: recipient.phone });
  const profileId = await resolveProfile(tx, workspaceId, ids);
  const attributes = { ...(recipient.attributes ?? {}), ...(recipient.email ? { email: recipient.email.toLowerCase() } : {}), ...(recipient.phone ? { phone: recipient.phone } : {}) };
  if (Object.keys(attributes).length) {
    const json = JSON.stringify(attributes);
    // A profile that already holds these values (a returning recipient) is not rewritten.
    await tx
      .update(profiles)
      .set({ attributes: sql`${profiles.attributes} || ${json}::jsonb`, updatedAt: new Date() })
      .where(sql`${profiles.id} = ${profileId} and ${profiles.attributes} || ${json}::jsonb is distinct from ${profiles.attributes}`);
    const observed = await observeAttributeTypes(tx, workspaceId, attributes);
    observed();
  }
  return profileId;
}
