import { handlePushOpen } from "@/server/messaging/tracking-handlers";

/** A push notification was opened (its click URL goes through here). */
export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  return handlePushOpen((await params).token);
}
