import { errorResponse } from "@/server/api-keys/with-workspace";
import { executionIdsOf } from "@/server/campaigns/query-campaigns";
import { recipientsCsv } from "@/server/campaigns/recipients-csv";
import { sessionAccess } from "@/server/csv-import/session-access";
import { AppError } from "@/server/errors";
import { isUuid } from "@/server/ids";


/** The recipients of a campaign with their message status as CSV (`?workspaceId=…&executionId=…`). */
export async function GET(req: Request, route: { params: Promise<{ campaignId: string }> }): Promise<Response> {
  try {
    const params = new URL(req.url).searchParams;
    const access = await sessionAccess(params.get("workspaceId"), "campaigns.read");
    const { campaignId } = await route.params;
    const executionId = params.get("executionId");
    if (!isUuid(campaignId) || (executionId && !isUuid(executionId))) throw new AppError("NOT_FOUND", "Campaign not found");
    // Checks the campaign (and execution) belong to the workspace before streaming starts.
    await executionIdsOf(access.workspace.id, campaignId, executionId);
    return new Response(recipientsCsv(access.workspace.id, campaignId, executionId), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="campaign-${campaignId.slice(0, 8)}-recipients.csv"` },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
