import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { addListMembers, lockList, removeListMembers } from "@/server/audiences/list-members";
import { renderLiquid } from "@/server/messaging/liquid";
import { observeAttributeTypes } from "@/server/profiles/attribute-types";
import type { TNodeData } from "../graph/nodes";
import { callWebhook } from "./actions";
import { runScope, triggerOf, type TScope } from "./advance-together";
import type { TAt } from "./trace-together";

/** Where a profile of a page goes from the node it is at, and what its trace records. */
export type TMoveOf = { at: TAt; handle: string; outcome: string; detail?: Record<string, unknown> };

const uuids = (ids: string[]) => `{${ids.join(",")}}`;

/** updateAttribute (actions.ts) for a page: each profile's value (rendered with its own event), one statement. */
export async function updateAttributeTogether(scope: TScope, data: TNodeData<"update_attribute">, ats: TAt[]): Promise<TMoveOf[]> {
  if (ats.length === 0) return [];
  const values = ats.map((at) => (typeof data.value === "string" ? renderLiquid(data.value, { event: triggerOf(scope, at.profileId) }) : data.value));
  const db = await getDb();
  await db.transaction(async (tx) => {
    const after = await observeAttributeTypes(tx, scope.workspaceId, values.map((value) => ({ [data.key]: value })));
    const rows = JSON.stringify(ats.map((at, i) => ({ id: at.profileId, value: values[i] })));
    await tx.execute(sql`update profiles p set attributes = p.attributes || jsonb_build_object(${data.key}::text, x.value), updated_at = now()
      from jsonb_to_recordset(${rows}::jsonb) as x(id uuid, value jsonb)
      where p.id = any(${uuids(ats.map((at) => at.profileId))}::uuid[]) and p.id = x.id and p.workspace_id = ${scope.workspaceId}`);
    after();
  });
  return ats.map((at, i) => ({ at, handle: "next", outcome: "updated", detail: { key: data.key, value: values[i] } }));
}

/** changeList (actions.ts) for a page, in one transaction; each profile's `changed` is what it alone would have changed. */
export async function changeListTogether(scope: TScope, data: TNodeData<"list">, ats: TAt[]): Promise<TMoveOf[]> {
  if (ats.length === 0) return [];
  const ids = [...new Set(ats.map((at) => at.profileId))];
  const db = await getDb();
  const before = await db.transaction(async (tx) => {
    await lockList(tx, scope.workspaceId, data.listId);
    const members = rowsOf<{ profile_id: string }>(await tx.execute(sql`select profile_id from audience_members where audience_id = ${data.listId} and profile_id = any(${uuids(ids)}::uuid[])`));
    if (data.action === "add") await addListMembers(tx, scope.workspaceId, data.listId, ids);
    else await removeListMembers(tx, scope.workspaceId, data.listId, ids);
    return new Set(members.map((m) => m.profile_id));
  });
  const outcome = data.action === "add" ? "added" : "removed";
  return ats.map((at) => ({ at, handle: "next", outcome, detail: { action: data.action, listId: data.listId, changed: before.has(at.profileId) === (data.action === "add") ? 0 : 1 } }));
}

/** Webhook calls in flight at once for a page. */
const CALLS_AT_ONCE = 10;

/**
 * callWebhook (actions.ts) for a page, a few calls at a time, each with its own Idempotency-Key.
 * A call that failed in a way worth retrying is not retried here (the whole page would be):
 * its profile is returned in `retry`, for its own durable run to call again with its retries.
 */
export async function callWebhooksTogether(scope: TScope, nodeId: string, data: TNodeData<"webhook">, ats: TAt[]): Promise<{ moves: TMoveOf[]; retry: TAt[] }> {
  const moves: TMoveOf[] = [];
  const retry: TAt[] = [];
  for (let i = 0; i < ats.length; i += CALLS_AT_ONCE) {
    const group = ats.slice(i, i + CALLS_AT_ONCE);
    const results = await Promise.allSettled(group.map((at) => callWebhook(runScope(scope, at), nodeId, data)));
    results.forEach((r, n) => {
      const at = group[n]!;
      if (r.status === "rejected") retry.push(at);
      else moves.push({ at, handle: "next", outcome: r.value.ok ? "called" : r.value.status === null ? "refused" : `failed ${r.value.status}`, detail: r.value });
    });
  }
  return { moves, retry };
}
