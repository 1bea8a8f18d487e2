import { handleOpen } from "@/server/messaging/tracking-handlers";

/** The open pixel of an email. */
export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  return handleOpen((await params).token);
}
