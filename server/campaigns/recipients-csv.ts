import { csvRow } from "@/server/csv-export/csv-cell";
import { allCampaignRecipients } from "./campaign-recipients";

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
      const lines = next.value.map((r) => csvRow([r.executionId, r.position, r.profileId, r.email, r.messageId, r.status ?? "not sent", r.recipient, r.error, r.sentAt])).join("\n");
      if (lines) controller.enqueue(encoder.encode(lines + "\n"));
    },
  });
}
