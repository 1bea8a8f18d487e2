import { withWorkspace } from "@/server/api-keys/with-workspace";
import { triggerCampaign } from "@/server/api-campaigns/trigger-campaign";
import { AppError } from "@/server/errors";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { readJsonBody } from "@/server/http/read-json-body";
import { isUuid } from "@/server/ids";

/** Sends an API-triggered campaign to one recipient: 202 { messageId, status }. */
export const POST = withWorkspace(
  async (req, { workspace, params }) => {
    if (!isUuid(params.id)) throw new AppError("NOT_FOUND", "Campaign not found", "id");
    const answer = await triggerCampaign(workspace.id, params.id!, await readJsonBody(req, BODY_LIMITS.trigger), req.headers.get("idempotency-key"));
    return Response.json(answer.body, { status: answer.status });
  },
  { keys: ["secret"] },
);
