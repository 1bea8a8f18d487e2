import { errorResponse } from "@/server/api-keys/with-workspace";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { bufferedRequest } from "@/server/http/buffered-request";
import { handleProviderWebhook } from "@/server/messaging/provider-webhooks";

/** Delivery, bounce, complaint, open and click webhooks of a channel configuration's provider. */
export async function POST(req: Request, { params }: { params: Promise<{ configurationId: string }> }) {
  try {
    return await handleProviderWebhook((await params).configurationId, await bufferedRequest(req, BODY_LIMITS.providerWebhook));
  } catch (error) {
    return errorResponse(error);
  }
}
