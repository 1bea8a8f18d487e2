import { followShortLink } from "@/server/messaging/short-links";

/** SMS short links: record the click, then redirect. */
export async function GET(_req: Request, { params }: { params: Promise<{ code: string }> }) {
  return followShortLink((await params).code);
}
