import { serve } from "inngest/next";
import { AppError, httpStatusOf } from "@/server/errors";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { readBodyText } from "@/server/http/read-body";
import { inngest } from "./client";
import { serveEmbedded, type TEmbeddedHandler } from "./embedded/serve-embedded";
import { embeddedSigningKey } from "./embedded/signing";
import { functions } from "./functions";
import { workflowMode } from "./mode";

type TMethod = TEmbeddedHandler["POST"];

/**
 * The app's serve handler (app/api/inngest). On an Inngest server, the stock handler: the SDK
 * checks the server's signatures with INNGEST_SIGNING_KEY. Embedded, every request must be
 * signed with the embedded key. Either way a body is read streamed and cut at its limit
 * before anything else looks at it: an unsigned caller cannot make the process hold more.
 */
export function serveApp(): TEmbeddedHandler {
  // The stock handler takes a plain Request as well as a NextRequest.
  const handler = workflowMode() === "embedded" ? serveAppEmbedded() : (serve({ client: inngest, functions }) as unknown as TEmbeddedHandler);
  return { GET: handler.GET, POST: limited(handler.POST), PUT: limited(handler.PUT) };
}

/** The embedded executor's own handler, called in-process (its bodies are its own). */
export function serveAppEmbedded(): TEmbeddedHandler {
  return serveEmbedded({ client: inngest, functions, signingKey: embeddedSigningKey });
}

function limited(method: TMethod): TMethod {
  return async (req, ctx) => {
    let body: string;
    try {
      body = await readBodyText(req as Request, BODY_LIMITS.workflowCall);
    } catch (error) {
      if (error instanceof AppError) return Response.json({ message: error.message }, { status: httpStatusOf[error.code] });
      throw error;
    }
    return method(new Request(req.url, { method: (req as Request).method, headers: req.headers, body }), ctx);
  };
}
