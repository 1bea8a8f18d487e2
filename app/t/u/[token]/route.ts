import { NextResponse } from "next/server";
import { handleUnsubscribe } from "@/server/messaging/tracking-handlers";

/** The unsubscribe link in an email opens the confirmation page. */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return NextResponse.redirect(new URL(`/unsubscribe/${(await params).token}`, req.url), 303);
}

/** RFC 8058 one-click unsubscribe (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`), and the page's button. */
export async function POST(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  return handleUnsubscribe((await params).token);
}
