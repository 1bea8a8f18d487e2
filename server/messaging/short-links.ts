import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { shortLinks } from "@/db/schema";
import { publicUrl, redirectTo } from "@/server/config/public-url";
import { recordMessageEvent } from "./message-events";

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

function newCode(): string {
  return [...randomBytes(8)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
}

/** Replaces each link of an SMS with a short tracked one (/s/<code>), which counts as few characters as possible. */
export async function shortenSmsLinks(db: DbOrTx, messageId: string, text: string, base = publicUrl()): Promise<string> {
  const urls = [...new Set(text.match(URL_IN_TEXT) ?? [])];
  if (urls.length === 0) return text;
  const rows = urls.map((url) => ({ code: newCode(), messageId, url }));
  await db.insert(shortLinks).values(rows);
  return rows.reduce((out, row) => out.split(row.url).join(`${base}/s/${row.code}`), text);
}

/** Follows a short link: records the click and redirects; unknown codes are a 404. */
export async function followShortLink(code: string): Promise<Response> {
  if (!/^[A-Za-z0-9]{8}$/.test(code)) return new Response("This link is not valid.", { status: 404 });
  const db = await getDb();
  const [link] = await db.select().from(shortLinks).where(eq(shortLinks.code, code));
  if (!link) return new Response("This link is not valid.", { status: 404 });
  await recordMessageEvent(link.messageId, "clicked", { url: link.url }).catch((error: unknown) => console.error("[tracking] short link click:", (error as Error).message));
  return redirectTo(link.url, 302, { "cache-control": "no-store" });
}
