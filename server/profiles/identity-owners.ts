import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TIdentity } from "./resolve-profile";

export const identityKey = (i: TIdentity) => `${i.namespace}\u0000${i.value}`;

/**
 * A lateral subquery giving the owner (`profile_id`) of one identity, for each row it is joined
 * to (workspace, namespace and value are usually that row's columns): one primary-key probe.
 * With `limit 1` it is never flattened into a join, so PostgreSQL cannot pick a hash join
 * reading every identity of the workspace: it did when the table grew faster than its
 * statistics (a bench's first minutes, a large import), 5-10 ms a lookup of 100 identities
 * instead of ~1 ms. Every identity lookup goes through it: ingestion, resolveProfile, API
 * trigger recipients and the CSV import (which found the problem first).
 */
export function ownerOfIdentity(workspaceId: SQL | string, namespace: SQL, value: SQL): SQL {
  return sql`lateral (select i.profile_id from profile_identities i
    where i.workspace_id = ${workspaceId} and i.namespace = ${namespace} and i.value = ${value} limit 1)`;
}

/** The statement behind ownersOfIdentities (namespace, value, "profileId", attributes?). */
export function identityOwnersSql(workspaceId: string, ids: TIdentity[], withAttributes = false): SQL {
  const wanted = JSON.stringify([...new Map(ids.map((i) => [identityKey(i), i])).values()]);
  return sql`
    select x.namespace, x.value, o.profile_id as "profileId"${withAttributes ? sql`, p.attributes` : sql``}
    from jsonb_to_recordset(${wanted}::jsonb) as x(namespace text, value text)
    join ${ownerOfIdentity(workspaceId, sql`x.namespace`, sql`x.value`)} o on true
    ${withAttributes ? sql`join profiles p on p.id = o.profile_id` : sql``}`;
}

/** Who owns each of these identities now, in one statement; `withAttributes` adds the owner's attributes. */
export async function ownersOfIdentities(db: DbOrTx, workspaceId: string, ids: TIdentity[], withAttributes = false) {
  const owner = new Map<string, string>();
  const attributes = new Map<string, Record<string, unknown>>();
  if (ids.length === 0) return { owner, attributes };
  const result = await db.execute(identityOwnersSql(workspaceId, ids, withAttributes));
  for (const r of rowsOf<{ namespace: TIdentity["namespace"]; value: string; profileId: string; attributes?: Record<string, unknown> }>(result)) {
    owner.set(identityKey(r), r.profileId);
    if (r.attributes) attributes.set(r.profileId, r.attributes);
  }
  return { owner, attributes };
}
