import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { GENERAL_TOPIC } from "@/db/schema";
import { rowsOf } from "@/db/rows";
import { recordConsents } from "./record-consent";

/**
 * An `unsubscribed` suppression was removed by an admin: the profiles with that address (sent
 * to it, or holding it as attribute or identity) that unsubscribed from the channel are
 * subscribed again (source "admin"), so the next message goes. Topics they left stay left.
 */
export async function resubscribeAddress(tx: DbOrTx, workspaceId: string, channel: string, address: string): Promise<void> {
  const profiles = rowsOf<{ profile_id: string }>(
    await tx.execute(sql`select c.profile_id from profile_consents c join profiles p on p.id = c.profile_id
      where c.workspace_id = ${workspaceId} and c.channel = ${channel} and c.topic_id = ${GENERAL_TOPIC}::uuid and c.status = 'unsubscribed'
        and (exists (select 1 from messages m where m.profile_id = c.profile_id and m.kind = ${channel} and m.recipient = ${address})
          or lower(p.attributes->>${channel === "sms" ? "phone" : "email"}) = lower(${address})
          or exists (select 1 from profile_identities i where i.profile_id = c.profile_id and i.namespace = ${channel === "sms" ? "phone" : "email"} and lower(i.value) = lower(${address})))
      limit 100`),
  );
  for (const p of profiles) await recordConsents(tx, workspaceId, p.profile_id, [{ channel, topicId: null, status: "subscribed" }], "admin");
}
