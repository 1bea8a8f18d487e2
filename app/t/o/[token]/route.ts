import { trackingRequestOf } from "@/server/messaging/machine-opens";
import { handleOpen } from "@/server/messaging/tracking-handlers";

/** The open pixel of an email. */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return handleOpen((await params).token, trackingRequestOf(req));
}
