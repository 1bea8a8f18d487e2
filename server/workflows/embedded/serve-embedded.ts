import type { Inngest, InngestFunction } from "inngest";
import { serve } from "inngest/next";
import { SIGNATURE_HEADER, verifyBody } from "./signing";

type TRequestLike = { url: string; headers: Headers; text(): Promise<string> };
type TMethodHandler = (req: TRequestLike, ctx?: unknown) => Promise<Response>;
/** A serve handler: the route's GET, POST and PUT. */
export type TEmbeddedHandler = { GET: TMethodHandler; POST: TMethodHandler; PUT: TMethodHandler };

/**
 * The serve handler of the embedded mode: the official `serve()` behind a signature check.
 *
 * Every request, in-process or over HTTP, GET, POST or PUT, must carry an
 * `X-Inngest-Signature` made with the embedded signing key (signing.ts) over its exact body,
 * within five minutes; anything else gets the SDK's own `401 {"message":"Unauthorized"}` and
 * never reaches the SDK. The client is in cloud mode with that key (no dev-mode shortcuts),
 * but the SDK's own check is turned off here because this one replaces it: the SDK verifies
 * by re-serializing the parsed body to canonical JSON and HMACs through WebCrypto's async
 * jobs, and signs every response the same way, ~230 µs of CPU a call measured on inngest
 * 4.24 / Node 20, against ~1 ms for a whole call (docs/security.md, "The workflow
 * endpoint"). This check is one synchronous HMAC over the bytes received.
 */
export function serveEmbedded(options: { client: Inngest.Any; functions: readonly InngestFunction.Any[]; signingKey: () => string }): TEmbeddedHandler {
  const handler = serve({ client: options.client, functions: options.functions as InngestFunction.Any[], skipSignatureValidation: true } as Parameters<typeof serve>[0]) as unknown as Record<
    "GET" | "POST" | "PUT",
    (req: unknown, ctx: unknown) => Promise<Response>
  >;
  const guarded =
    (method: "GET" | "POST" | "PUT"): TMethodHandler =>
    async (req, ctx) => {
      const body = method === "GET" ? "" : await req.text();
      if (!verifyBody(req.headers.get(SIGNATURE_HEADER), body, options.signingKey())) return unauthorized();
      // The body is already read: the adapter takes it as a pages-router request's `body`.
      return handler[method]({ method, url: req.url, headers: req.headers, body }, ctx);
    };
  return { GET: guarded("GET"), POST: guarded("POST"), PUT: guarded("PUT") };
}

function unauthorized(): Response {
  return Response.json({ message: "Unauthorized" }, { status: 401 });
}
