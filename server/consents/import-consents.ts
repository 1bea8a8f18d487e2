import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { GENERAL_TOPIC, type TIdentityNamespace } from "@/db/schema";
import { ownerOfIdentity } from "@/server/profiles/identity-owners";
import { CONSENT_TRAITS } from "./trait-consents";

const YES = new Set(["true", "yes", "y", "1"]);
const NO = new Set(["false", "no", "n", "0"]);
const statusOf = (v: unknown): "subscribed" | "unsubscribed" | null => {
  const s = typeof v === "boolean" ? String(v) : typeof v === "string" || typeof v === "number" ? String(v).trim().toLowerCase() : "";
  return YES.has(s) ? "subscribed" : NO.has(s) ? "unsubscribed" : null;
};

/**
 * The `email_opt_in` / `sms_opt_in` / `push_opt_in` columns of a CSV import chunk, recorded as
 * the channels' general consent (source "import") in one statement. An import may unsubscribe;
 * it never overrides a recorded unsubscribe with an opt-in (a stale list must not resubscribe
 * people who left). Only changes are written and added to the history.
 */
export async function recordImportConsents(tx: Tx, workspaceId: string, namespace: TIdentityNamespace, rows: Map<string, Record<string, unknown>>): Promise<void> {
  const items = [...rows].flatMap(([value, attrs]) =>
    Object.entries(CONSENT_TRAITS).flatMap(([trait, channel]) => {
      const status = trait in attrs ? statusOf(attrs[trait]) : null;
      return status ? [{ value, channel, status }] : [];
    }),
  );
  if (!items.length) return;
  await tx.execute(sql`with x as (select * from jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as v(value text, channel text, status text)),
    o as (select x.channel, x.status, ow.profile_id from x cross join ${ownerOfIdentity(sql`${workspaceId}::uuid`, sql`${namespace}`, sql`x.value`)} as ow),
    changed as (insert into profile_consents (profile_id, workspace_id, channel, topic_id, status, source, updated_at)
      select distinct on (profile_id, channel) profile_id, ${workspaceId}::uuid, channel, ${GENERAL_TOPIC}::uuid, status, 'import', now() from o
      on conflict (profile_id, channel, topic_id) do update set status = excluded.status, source = excluded.source, updated_at = excluded.updated_at
        where profile_consents.status is distinct from excluded.status and not (profile_consents.status = 'unsubscribed' and excluded.status = 'subscribed')
      returning profile_id, channel, status)
    insert into consent_events (workspace_id, profile_id, channel, topic_id, status, source)
      select ${workspaceId}::uuid, profile_id, channel, ${GENERAL_TOPIC}::uuid, status, 'import' from changed`);
}
