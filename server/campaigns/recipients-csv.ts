import { allCampaignRecipients } from "./campaign-recipients";

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v);
  // Quotes, and a leading ' against formula injection in spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The recipients of a campaign (or one execution) with their message status, streamed as CSV. */
export function recipientsCsv(workspaceId: string, campaignId: string, executionId?: string | null): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = allCampaignRecipients(workspaceId, campaignId, executionId);
  let header = true;
  return new ReadableStream({
    async pull(controller) {
      if (header) {
        header = false;
        controller.enqueue(encoder.encode("execution_id,position,profile_id,email,message_id,status,recipient,error,sent_at\n"));
        return;
      }
      const next = await pages.next();
      if (next.done) return controller.close();
      const lines = next.value.map((r) => [r.executionId, r.position, r.profileId, r.email, r.messageId, r.status ?? "not sent", r.recipient, r.error, r.sentAt].map(cell).join(",")).join("\n");
      if (lines) controller.enqueue(encoder.encode(lines + "\n"));
    },
  });
}
