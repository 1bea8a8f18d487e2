import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { executionIdsOf } from "./query-campaigns";

export type TRecipientRow = {
  executionId: string;
  position: number;
  profileId: string;
  email: string | null;
  messageId: string | null;
  status: string | null;
  recipient: string | null;
  error: string | null;
  sentAt: string | null;
  /** The first time a person opened it, or clicked in it (machine opens and clicks left out). */
  openedAt: string | null;
  clickedAt: string | null;
  complainedAt: string | null;
};

// The first event of a type on the recipient's message (message_events is indexed by message and time).
const first = (type: string, humanOnly = true) =>
  sql.raw(`(select min(x.at) from message_events x where x.message_id = m.id and x.type ${type}${humanOnly ? " and x.data->>'machine' is null" : ""})`);

function recipientsQuery(workspaceId: string, executionId: string, after: number, limit: number) {
  return sql`
    select r.execution_id as "executionId", r.position, r.profile_id as "profileId",
      (select value from profile_identities i where i.profile_id = r.profile_id and i.namespace = 'email' limit 1) as email,
      m.id as "messageId", m.status, m.recipient, m.error, m.sent_at as "sentAt",
      ${first("in ('opened', 'clicked')")} as "openedAt", ${first("= 'clicked'")} as "clickedAt", ${first("= 'complained'", false)} as "complainedAt"
    from campaign_recipients r
    left join messages m on m.workspace_id = ${workspaceId} and m.source_type = 'campaign' and m.source_id = r.execution_id::text and m.profile_id = r.profile_id and not m.is_test
    where r.execution_id = ${executionId} and r.position > ${after}
    order by r.position limit ${limit}`;
}

/** Recipients of one execution (the latest by default) with their message's status, paged by position. */
export async function campaignRecipientsPage(workspaceId: string, campaignId: string, executionId: string | null | undefined, after = 0, limit = 50) {
  const execIds = await executionIdsOf(workspaceId, campaignId, executionId);
  if (!execIds.length) return { rows: [], next: null };
  const db = await getDb();
  const rows = rowsOf<TRecipientRow>(await db.execute(recipientsQuery(workspaceId, execIds[0]!, after, limit + 1)));
  const page = rows.slice(0, limit);
  return { rows: page, next: rows.length > limit ? page[page.length - 1]!.position : null };
}

/** Every recipient, in pages, for the CSV export. */
export async function* allCampaignRecipients(workspaceId: string, campaignId: string, executionId?: string | null) {
  const execIds = await executionIdsOf(workspaceId, campaignId, executionId);
  if (!execIds.length) return;
  const db = await getDb();
  for (const id of execIds) {
    for (let after = 0; ; ) {
      const rows = rowsOf<TRecipientRow>(await db.execute(recipientsQuery(workspaceId, id, after, 1000)));
      yield rows;
      if (rows.length < 1000) break;
      after = rows[rows.length - 1]!.position;
    }
  }
}
