import { withWorkspace } from "@/server/api-keys/with-workspace";
import { readJsonBody } from "@/server/api-campaigns/read-json-body";
import { triggerCampaign } from "@/server/api-campaigns/trigger-campaign";
import { AppError } from "@/server/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Sends an API-triggered campaign to one recipient: 202 { messageId, status }. */
export const POST = withWorkspace(
  async (req, { workspace, params }) => {
    if (!UUID.test(params.id ?? "")) throw new AppError("NOT_FOUND", "Campaign not found", "id");
    const answer = await triggerCampaign(workspace.id, params.id!, await readJsonBody(req), req.headers.get("idempotency-key"));
    return Response.json(answer.body, { status: answer.status });
  },
  { keys: ["secret"] },
);
