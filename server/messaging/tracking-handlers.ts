import { redirectTo } from "@/server/config/public-url";
import { readTrackingToken } from "./tracking-token";
import { machineKind, type TTrackingRequest } from "./machine-opens";
import { recordMessageEvent, type TMessageRow } from "./message-events";

// The public tracking endpoints. A bad token records nothing and reveals nothing: the pixel
// is still a pixel, a bad click link is a 404, never a redirect to a URL we did not sign.

const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
const NO_STORE = { "cache-control": "no-store, max-age=0", "referrer-policy": "no-referrer" };

/** The open pixel; `from` (the request's client) tells a machine's open from a person's. */
export async function handleOpen(token: string, from?: TTrackingRequest): Promise<Response> {
  const payload = readTrackingToken("open", token);
  if (payload) await recordMessageEvent(payload.m, "opened", reaction("opened", from)).catch(logFailure("open"));
  return new Response(new Uint8Array(PIXEL), { headers: { ...NO_STORE, "content-type": "image/gif", "content-length": String(PIXEL.length) } });
}

export async function handleClick(token: string, from?: TTrackingRequest): Promise<Response> {
  const payload = readTrackingToken("click", token);
  if (!payload?.u || !/^https?:\/\//i.test(payload.u)) return notFound();
  await recordMessageEvent(payload.m, "clicked", reaction("clicked", from, { url: payload.u })).catch(logFailure("click"));
  return redirectTo(payload.u, 302, NO_STORE);
}

/** The event's data, flagged `machine` when a privacy proxy or a security scanner made it. */
function reaction(type: "opened" | "clicked", from: TTrackingRequest | undefined, data: Record<string, unknown> = {}) {
  return (message: TMessageRow) => {
    const kind = from && message.kind === "email" ? machineKind(type, from, message.sentAt) : null;
    return kind ? { ...data, machine: true, machineKind: kind } : data;
  };
}

export async function handlePushOpen(token: string): Promise<Response> {
  const payload = readTrackingToken("push-open", token);
  if (!payload) return notFound();
  await recordMessageEvent(payload.m, "opened", payload.u ? { url: payload.u } : {}).catch(logFailure("push open"));
  if (payload.u && /^https?:\/\//i.test(payload.u)) return redirectTo(payload.u, 302, NO_STORE);
  return new Response(null, { status: 204, headers: NO_STORE });
}

/** RFC 8058 one-click (POST from the mail client) and the confirm button of the unsubscribe page. */
export async function handleUnsubscribe(token: string): Promise<Response> {
  const payload = readTrackingToken("unsubscribe", token);
  if (!payload) return notFound();
  const message = await recordMessageEvent(payload.m, "unsubscribed");
  if (!message) return notFound();
  return Response.json({ unsubscribed: true, channel: message.kind }, { headers: NO_STORE });
}

function notFound(): Response {
  return new Response("This link is not valid.", { status: 404, headers: { ...NO_STORE, "content-type": "text/plain; charset=utf-8" } });
}

function logFailure(what: string) {
  return (error: unknown) => console.error(`[tracking] could not record ${what}:`, (error as Error).message);
}
