import { Inngest } from "inngest";
import { embeddedFetch } from "./embedded/embedded-fetch";
import { workflowMode } from "./mode";

export const APP_ID = "parcours";

type TSend = Parameters<typeof embeddedFetch>[0] extends () => infer R ? R : never;
const sendKey = Symbol.for("parcours.workflows.send");
const g = globalThis as typeof globalThis & { [sendKey]?: TSend };

/** The embedded executor registers itself here when it starts in this process. */
export function setEmbeddedSend(send: TSend): void {
  g[sendKey] = send;
}

/**
 * The one Inngest client. On an Inngest server it is the stock client (keys and URLs from
 * the INNGEST_* environment); embedded, events go to the executor in this process and
 * checkpointing is off, since the embedded executor has no checkpoint API.
 */
export const inngest =
  workflowMode() === "embedded"
    ? new Inngest({ id: APP_ID, isDev: true, checkpointing: false, fetch: embeddedFetch(() => g[sendKey] ?? null) })
    : new Inngest({ id: APP_ID });

/**
 * False in an embedded process without an executor (the CLI, most tests): sending would only
 * fail after the SDK's retries, so publishers skip events nobody can run here.
 */
export function canPublishEvents(): boolean {
  return workflowMode() !== "embedded" || Boolean(g[sendKey]);
}
