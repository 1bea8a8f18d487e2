import { redirectTo } from "@/server/config/public-url";
import { handleUnsubscribe } from "@/server/messaging/tracking-handlers";

/** The unsubscribe link in an email opens the confirmation page, on the public address. */
export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  return redirectTo(`/unsubscribe/${encodeURIComponent((await params).token)}`, 303, { "cache-control": "no-store" });
}

/** RFC 8058 one-click unsubscribe (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`), and the page's button. */
export async function POST(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  return handleUnsubscribe((await params).token);
}
