import { Inngest } from "inngest";
import { embeddedFetch } from "./embedded/embedded-fetch";
import { embeddedSigningKey } from "./embedded/signing";
import { workflowMode } from "./mode";

export const APP_ID = "parcours";

type TSend = Parameters<typeof embeddedFetch>[0] extends () => infer R ? R : never;
const sendKey = Symbol.for("parcours.workflows.send");
const hearKey = Symbol.for("parcours.workflows.hears");
const g = globalThis as typeof globalThis & { [sendKey]?: TSend; [hearKey]?: (name: string) => Promise<boolean> };

/** The embedded executor registers itself here when it starts in this process. */
export function setEmbeddedSend(send: TSend): void {
  g[sendKey] = send;
}

/** The embedded executor tells publishers here which events it would act on. */
export function setEmbeddedHearing(hears: (name: string) => Promise<boolean>): void {
  g[hearKey] = hears;
}

/**
 * The one Inngest client. On an Inngest server it is the stock client (keys and URLs from
 * the INNGEST_* environment); embedded, see `embeddedClientOptions`.
 */
export const inngest =
  workflowMode() === "embedded" ? new Inngest(embeddedClientOptions(APP_ID, () => g[sendKey] ?? null)) : new Inngest({ id: APP_ID });

/**
 * The client options of the embedded mode (the app's client, and the test harness's):
 * events go to the executor in this process through `fetch`; checkpointing is off, since the
 * embedded executor has no checkpoint API; and the client is in cloud mode with the
 * embedded signing key, never in dev mode, where the SDK would obey unsigned requests
 * (embedded/serve-embedded.ts checks every one). The event key only satisfies cloud mode:
 * events never leave the process. The signing key is read when first needed, not on import.
 */
export function embeddedClientOptions(id: string, getSend: () => TSend | null, signingKey: () => string = embeddedSigningKey) {
  return {
    id,
    isDev: false,
    checkpointing: false,
    eventKey: "embedded",
    get signingKey() {
      return signingKey();
    },
    fetch: embeddedFetch(getSend),
  } as const;
}

/**
 * False in an embedded process without an executor (the CLI, most tests): sending would only
 * fail after the SDK's retries, so publishers skip events nobody can run here.
 */
export function canPublishEvents(): boolean {
  return workflowMode() !== "embedded" || Boolean(g[sendKey]);
}

/**
 * Whether an event of this name is worth publishing now. On an Inngest server, always (the
 * server decides). Embedded, only when a function starts or cancels on it or a run waits for
 * it: the executor drops other events unstored, so a publisher of many events (two a message
 * sent) skips building and validating them: that was ~20% of a campaign's CPU.
 */
export async function eventIsHeard(name: string): Promise<boolean> {
  if (workflowMode() !== "embedded") return true;
  const hears = g[hearKey];
  return hears ? hears(name) : false;
}

/** An event as sent: what `someEvent.create(data, { id })` makes (plain JSON data, and its schema check). */
type TOutgoingEvent = { name: string; data?: object; id?: string; ts?: number; validate?: () => Promise<void> };

/**
 * Sends events to the workflows; every publisher goes through it. Events made with
 * `eventType.create` are checked against their schema first (a bad field is named), in both
 * modes. Embedded, they then go straight to this process's executor: through the SDK they were
 * also written with its slow cycle-safe JSON writer and went through a Request and a Response
 * the executor parsed back, ~10% of a campaign's CPU for the two events of each message. On an
 * Inngest server this is `inngest.send`.
 */
export async function publishEvents(event: TOutgoingEvent | TOutgoingEvent[]): Promise<string[]> {
  const events = Array.isArray(event) ? event : [event];
  const send = workflowMode() === "embedded" ? g[sendKey] : undefined;
  if (!send) return (await inngest.send(events as Parameters<typeof inngest.send>[0])).ids;
  for (const e of events) await e.validate?.();
  return send(events.map(({ name, data, id, ts }) => ({ name, data: (data ?? {}) as Record<string, unknown>, ...(id !== undefined ? { id } : {}), ...(ts !== undefined ? { ts } : {}) })));
}
