import { serve } from "inngest/next";
import { inngest } from "./client";
import { serveEmbedded, type TEmbeddedHandler } from "./embedded/serve-embedded";
import { embeddedSigningKey } from "./embedded/signing";
import { functions } from "./functions";
import { workflowMode } from "./mode";

/**
 * The app's serve handler (app/api/inngest, and the embedded executor in this process).
 * On an Inngest server, the stock handler: the SDK checks the server's signatures with
 * INNGEST_SIGNING_KEY. Embedded, every request must be signed with the embedded key.
 */
export function serveApp(): TEmbeddedHandler {
  // The stock handler takes a plain Request as well as a NextRequest.
  return workflowMode() === "embedded" ? serveAppEmbedded() : (serve({ client: inngest, functions }) as unknown as TEmbeddedHandler);
}

export function serveAppEmbedded(): TEmbeddedHandler {
  return serveEmbedded({ client: inngest, functions, signingKey: embeddedSigningKey });
}
