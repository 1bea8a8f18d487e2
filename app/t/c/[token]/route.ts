import { trackingRequestOf } from "@/server/messaging/machine-opens";
import { handleClick } from "@/server/messaging/tracking-handlers";

/** A tracked link: records the click, then redirects to the signed destination. */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return handleClick((await params).token, trackingRequestOf(req));
}
