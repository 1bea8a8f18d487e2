import { readBodyBytes } from "./read-body";

/**
 * The same request with its body read into memory, at most `limit` bytes (413 past it), for
 * a handler that reads the body itself (tRPC, Auth.js, a provider's webhook verifier).
 */
export async function bufferedRequest(req: Request, limit: number): Promise<Request> {
  if (req.method === "GET" || req.method === "HEAD" || !req.body) return req;
  const body = await readBodyBytes(req, limit);
  return new Request(req.url, { method: req.method, headers: req.headers, body: body as BodyInit, signal: req.signal });
}
