import { handleProviderWebhook } from "@/server/messaging/provider-webhooks";

/** Delivery, bounce, complaint, open and click webhooks of a channel configuration's provider. */
export async function POST(req: Request, { params }: { params: Promise<{ configurationId: string }> }) {
  return handleProviderWebhook((await params).configurationId, req);
}
