import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { anyIdOf } from "@/db/any-of";
import { transaction } from "@/db/transaction";
import { profiles } from "@/db/schema";
import { observeAttributeTypes } from "@/server/profiles/attribute-types";
import { identityKey, ownersOfIdentities } from "@/server/profiles/identity-owners";
import { resolveProfile, type TIdentity } from "@/server/profiles/resolve-profile";
import type { TTriggerBody } from "./trigger-schema";

type TRecipient = TTriggerBody["recipient"];

function identitiesOf(recipient: TRecipient): TIdentity[] {
  const ids: TIdentity[] = [];
  if (recipient.externalId) ids.push({ namespace: "external_id", value: recipient.externalId });
  if (recipient.email) ids.push({ namespace: "email", value: recipient.email.toLowerCase() });
  if (recipient.phone) ids.push({ namespace: "phone", value: recipient.phone });
  return ids;
}

const attributesOf = (r: TRecipient) => ({ ...(r.attributes ?? {}), ...(r.email ? { email: r.email.toLowerCase() } : {}), ...(r.phone ? { phone: r.phone } : {}) });

/** The recipient's profile, created when unknown, with the given attributes merged in. */
export async function triggerRecipient(db: Db, workspaceId: string, recipient: TRecipient): Promise<string> {
  return (await triggerRecipients(db, workspaceId, [recipient]))[0]!;
}

/**
 * Each recipient's profile, in order. Returning recipients (every identity given already on one
 * profile) take two statements for all of them: the owners' lookup and one UPDATE merging the
 * attributes (in request order; a row already holding them is not rewritten). Anything else (a
 * new profile, a new identity, a merge) goes through resolveProfile's transaction, one by one
 * in order, so two requests for one new address land on one profile.
 */
export async function triggerRecipients(db: Db, workspaceId: string, recipients: TRecipient[]): Promise<string[]> {
  const ids = recipients.map(identitiesOf);
  const { owner, attributes: current } = await ownersOfIdentities(db, workspaceId, ids.flat(), true);
  const found = ids.map((list) => {
    const owners = new Set(list.map((i) => owner.get(identityKey(i))));
    return list.length > 0 && owners.size === 1 && !owners.has(undefined) ? [...owners][0]! : null;
  });
  const merged = new Map<string, Record<string, unknown>>();
  recipients.forEach((r, n) => {
    const attributes = attributesOf(r);
    if (found[n] && Object.keys(attributes).length) merged.set(found[n], { ...merged.get(found[n]), ...attributes });
  });
  // Attributes the profile already holds need no UPDATE (most returning recipients).
  for (const [id, attributes] of merged) {
    const now = current.get(id) ?? {};
    if (Object.entries(attributes).every(([k, v]) => JSON.stringify(now[k]) === JSON.stringify(v))) merged.delete(id);
  }
  if (merged.size) {
    const list = JSON.stringify([...merged].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, attributes]) => ({ id, attributes })));
    await db.execute(sql`with x as (select * from jsonb_to_recordset(${list}::jsonb) as x(id uuid, attributes jsonb))
      update ${profiles} p set attributes = p.attributes || x.attributes, updated_at = now()
      from x where ${anyIdOf(sql`p.id`, "x")} and p.id = x.id and p.workspace_id = ${workspaceId} and p.attributes || x.attributes is distinct from p.attributes`);
  }
  const profileIds: string[] = [];
  for (const [n, recipient] of recipients.entries()) {
    profileIds.push(
      found[n] ??
        (await transaction(db, async (tx) => {
          const id = await resolveProfile(tx, workspaceId, ids[n]!);
          await mergeAttributes(tx, id, attributesOf(recipient));
          return id;
        })),
    );
  }
  const observed = recipients.map(attributesOf).filter((a) => Object.keys(a).length);
  if (observed.length) (await observeAttributeTypes(db, workspaceId, observed))();
  return profileIds;
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
