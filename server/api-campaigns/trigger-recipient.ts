import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { transaction } from "@/db/transaction";
import { profiles } from "@/db/schema";
import { observeAttributeTypes } from "@/server/profiles/attribute-types";
import { resolveProfile, type TIdentity } from "@/server/profiles/resolve-profile";
import type { TTriggerBody } from "./trigger-schema";

/**
 * The recipient's profile, created when unknown, with the given attributes merged in. A
 * returning recipient (every identity given already on one profile) takes one statement;
 * anything else (a new profile, a new identity, a merge) the transaction of resolveProfile.
 */
export async function triggerRecipient(db: Db, workspaceId: string, recipient: TTriggerBody["recipient"]): Promise<string> {
  const ids: TIdentity[] = [];
  if (recipient.externalId) ids.push({ namespace: "external_id", value: recipient.externalId });
  if (recipient.email) ids.push({ namespace: "email", value: recipient.email.toLowerCase() });
  if (recipient.phone) ids.push({ namespace: "phone", value: recipient.phone });
  const attributes = { ...(recipient.attributes ?? {}), ...(recipient.email ? { email: recipient.email.toLowerCase() } : {}), ...(recipient.phone ? { phone: recipient.phone } : {}) };
  const profileId =
    (await returningRecipient(db, workspaceId, ids, attributes)) ??
    (await transaction(db, async (tx) => {
      const id = await resolveProfile(tx, workspaceId, ids);
      await mergeAttributes(tx, id, attributes);
      return id;
    }));
  if (Object.keys(attributes).length) (await observeAttributeTypes(db, workspaceId, attributes))();
  return profileId;
}

/** The profile that owns every one of these identities, with the attributes merged in one statement; else null. */
async function returningRecipient(db: Db, workspaceId: string, ids: TIdentity[], attributes: Record<string, unknown>): Promise<string | null> {
  if (ids.length === 0) return null;
  const wanted = JSON.stringify(ids);
  const json = JSON.stringify(attributes);
  const rows = await db.execute(sql`
    with owners as (
      select i.profile_id from profile_identities i
      join jsonb_to_recordset(${wanted}::jsonb) as x(namespace text, value text) on i.namespace = x.namespace and i.value = x.value
      where i.workspace_id = ${workspaceId}
    ), sole as (
      select min(profile_id::text)::uuid as id from owners having count(*) = ${ids.length} and count(distinct profile_id) = 1
    ), merged as (
      update profiles p set attributes = p.attributes || ${json}::jsonb, updated_at = now()
      from sole where p.id = sole.id and p.attributes || ${json}::jsonb is distinct from p.attributes
      returning p.id
    )
    select id from sole`);
  return rowsOf<{ id: string }>(rows)[0]?.id ?? null;
}

// A profile that already holds these values (a returning recipient) is not rewritten.
async function mergeAttributes(tx: Tx, profileId: string, attributes: Record<string, unknown>) {
  if (Object.keys(attributes).length === 0) return;
  const json = JSON.stringify(attributes);
  await tx
    .update(profiles)
    .set({ attributes: sql`${profiles.attributes} || ${json}::jsonb`, updatedAt: new Date() })
    .where(sql`${profiles.id} = ${profileId} and ${profiles.attributes} || ${json}::jsonb is distinct from ${profiles.attributes}`);
}
