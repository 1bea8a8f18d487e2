/**
 * "inngest" when an Inngest server is configured (Dev Server via INNGEST_BASE_URL or
 * INNGEST_DEV, or Inngest Cloud via event/signing keys); "embedded" otherwise.
 */
export function workflowMode(env: NodeJS.ProcessEnv = process.env): "inngest" | "embedded" {
  return env.INNGEST_BASE_URL || env.INNGEST_EVENT_KEY || env.INNGEST_SIGNING_KEY || env.INNGEST_DEV ? "inngest" : "embedded";
}
