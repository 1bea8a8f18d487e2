import { AppError } from "@/server/errors";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** "32 KB", "2 MB": a limit as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

export const tooLarge = (limit: number) => new AppError("PAYLOAD_TOO_LARGE", `The body is larger than the limit of ${formatBytes(limit)}`, "body");

/**
 * The raw body, at most `limit` bytes. A declared Content-Length over the limit is refused
 * before a byte is read; otherwise the stream is counted as it arrives and cancelled as soon
 * as it passes the limit, so an oversized body never sits in memory.
 */
export async function readBodyBytes(req: Request, limit: number): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  // Left unread rather than cancelled: the server can still deliver the 413 on this connection.
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The body as text: at most `limit` bytes of valid UTF-8, else a 413 or a 400. */
export async function readBodyText(req: Request, limit: number): Promise<string> {
  const bytes = await readBodyBytes(req, limit);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "body: not valid UTF-8", "body");
  }
}
