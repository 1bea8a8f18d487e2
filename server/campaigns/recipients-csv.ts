import { csvRow } from "@/server/csv-export/csv-cell";
import { allCampaignRecipients } from "./campaign-recipients";

const iso = (at: string | Date | null) => (at ? new Date(at).toISOString() : null);

/**
 * The recipients of a campaign (or one execution) with their message status, streamed as CSV:
 * when it was sent, first opened (a click counts as an open; machine opens do not), first
 * clicked, and when its recipient complained (marked it as spam).
 */
export function recipientsCsv(workspaceId: string, campaignId: string, executionId?: string | null): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = allCampaignRecipients(workspaceId, campaignId, executionId);
  let header = true;
  return new ReadableStream({
    async pull(controller) {
      if (header) {
        header = false;
        controller.enqueue(encoder.encode("execution_id,position,profile_id,email,message_id,status,recipient,error,sent_at,opened_at,clicked_at,complained_at\n"));
        return;
      }
      const next = await pages.next();
      if (next.done) return controller.close();
      const lines = next.value.map((r) => csvRow([r.executionId, r.position, r.profileId, r.email, r.messageId, r.status ?? "not sent", r.recipient, r.error, iso(r.sentAt), iso(r.openedAt), iso(r.clickedAt), iso(r.complainedAt)])).join("\n");
      if (lines) controller.enqueue(encoder.encode(lines + "\n"));
    },
  });
}
