import { inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { anyIdOf } from "@/db/any-of";
import { rowsOf } from "@/db/rows";
import { profiles, type TIdentityNamespace } from "@/db/schema";
import { ownerOfIdentity } from "@/server/profiles/identity-owners";

async function ownersOf(tx: Tx, workspaceId: string, namespace: TIdentityNamespace, values: string[]): Promise<Map<string, string>> {
  if (values.length === 0) return new Map();
  // One parameter for the whole chunk, and one primary-key lookup per value, whatever the
  // statistics say (they are stale in the middle of a large import).
  const rows = rowsOf<{ value: string; profile_id: string }>(
    await tx.execute(sql`select v.value, o.profile_id from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) as v(value)
      cross join ${ownerOfIdentity(sql`${workspaceId}::uuid`, sql`${namespace}`, sql`v.value`)} as o`),
  );
  return new Map(rows.map((r) => [r.value, r.profile_id]));
}

type TTarget = { workspaceId: string; namespace: TIdentityNamespace; listId: string };

/**
 * Finds or creates the profile of each identity value (one namespace), merges the
 * attributes into it and adds it to the list: one lookup, then one statement whatever the
 * number of rows. Values must be distinct. An identity inserted by a concurrent writer in
 * the meantime wins: the profile made here for it is dropped and the attributes go to the
 * winner's.
 */
export async function upsertProfiles(tx: Tx, target: TTarget, rows: Map<string, Record<string, unknown>>): Promise<void> {
  const { workspaceId, namespace, listId } = target;
  const owners = await ownersOf(tx, workspaceId, namespace, [...rows.keys()]);
  const fresh = [...rows.keys()].filter((v) => !owners.has(v)).map((value) => ({ value, id: crypto.randomUUID(), attrs: rows.get(value) ?? {} }));
  const known = [...owners.entries()].map(([value, id]) => ({ id, attrs: rows.get(value) ?? {} }));
  // The identities' foreign key is checked at the end of the statement, after the profiles
  // CTE has inserted them.
  const won = rowsOf<{ value: string }>(
    await tx.execute(sql`with fresh as (select * from jsonb_to_recordset(${JSON.stringify(fresh)}::jsonb) as v(value text, id uuid, attrs jsonb)),
      known as (select * from jsonb_to_recordset(${JSON.stringify(known)}::jsonb) as v(id uuid, attrs jsonb)),
      new_profiles as (insert into profiles (id, workspace_id, attributes) select id, ${workspaceId}::uuid, attrs from fresh),
      new_identities as (insert into profile_identities (workspace_id, namespace, value, profile_id)
        select ${workspaceId}::uuid, ${namespace}, value, id from fresh on conflict do nothing returning value, profile_id),
      updated as (update profiles p set attributes = p.attributes || k.attrs, updated_at = now() from known k
        where ${anyIdOf(sql`p.id`, "known")} and p.id = k.id and p.workspace_id = ${workspaceId}::uuid and k.attrs <> '{}'::jsonb),
      members as (insert into audience_members (audience_id, profile_id, workspace_id)
        select ${listId}::uuid, profile_id, ${workspaceId}::uuid from new_identities
        union all select ${listId}::uuid, id, ${workspaceId}::uuid from known
        on conflict do nothing)
      select value from new_identities`),
  );
  if (won.length === fresh.length) return;
  const wonValues = new Set(won.map((r) => r.value));
  const lost = fresh.filter((f) => !wonValues.has(f.value));
  await tx.delete(profiles).where(inArray(profiles.id, lost.map((f) => f.id)));
  const winners = await ownersOf(tx, workspaceId, namespace, lost.map((f) => f.value));
  if (winners.size) await upsertProfiles(tx, target, new Map([...winners.keys()].map((v) => [v, rows.get(v) ?? {}])));
}
