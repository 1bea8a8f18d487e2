import type { TRunSnapshot } from "./run-snapshot";
import { embeddedSigningKey, SIGNATURE_HEADER, signBody } from "./signing";

/** Sends a Call Request to the serve handler: in-process (in-process-handler.ts), or over HTTP to /api/inngest. */
export type TInvoker = (query: { fnId: string; stepId: string }, body: string) => Promise<TCallReply>;

/** The serve handler's answer; `header` takes a lower-case name. */
export interface TCallReply {
  status: number;
  body: string;
  header(name: string): string | null;
}

/**
 * Calls an app's /api/inngest over HTTP, from a separate worker process. Its calls are
 * signed with the instance's embedded signing key, derived from PARCOURS_SECRET_KEY: the
 * worker and the app must share that key.
 */
export function httpInvoker(serveUrl: string, signingKey: () => string = embeddedSigningKey): TInvoker {
  return async ({ fnId, stepId }, body) => {
    const url = new URL(serveUrl);
    url.searchParams.set("fnId", fnId);
    url.searchParams.set("stepId", stepId);
    const res = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signBody(body, signingKey()) } });
    return { status: res.status, body: await res.text(), header: (name) => res.headers.get(name) };
  };
}

/** A run as a call sends it, with the attempt of the job that makes the call. */
export type TCallState = Pick<TRunSnapshot, "id" | "fnId" | "event" | "events" | "steps" | "stack" | "maxAttempts" | "disableImmediateExecution"> & { attempt: number };

export interface TOp {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  opts?: Record<string, unknown>;
  data?: unknown;
  error?: unknown;
}

export type TCallResult =
  | { kind: "done"; output: unknown }
  | { kind: "ops"; ops: TOp[] }
  | { kind: "error"; retriable: boolean; error: unknown; retryAfterMs: number | null };

export async function callFunction(invoke: TInvoker, state: TCallState, stepId: string): Promise<TCallResult> {
  const body = JSON.stringify({
    event: state.event,
    events: state.events ?? [state.event],
    steps: state.steps,
    ctx: {
      run_id: state.id,
      attempt: state.attempt,
      max_attempts: state.maxAttempts,
      disable_immediate_execution: state.disableImmediateExecution,
      use_api: false,
      // jsonb does not keep key order, so the completion order travels explicitly.
      stack: { stack: state.stack, current: state.stack.length },
    },
    // "The SDK decides" (it runs every call on its V2 engine whatever the request says); an
    // explicit 2 costs ~0.15 ms a call in the SDK's union parse of the field (docs/benchmarks.md).
    version: -1,
  });
  const res = await invoke({ fnId: state.fnId, stepId }, body);
  const parsed = parseJson(res.body);
  if ((res.status === 200 || res.status === 206) && res.body.includes("\\u0000") && holdsNul(parsed)) {
    // JSON text writes U+0000 as an escape (the text test also matches an escaped backslash
    // before "u0000", hence the second test). Stored, it would fail every write of the run's
    // state, and the run would be retried forever.
    return { kind: "error", retriable: false, error: { name: "NonStorableOutput", message: "The function's output contains the character U+0000, which PostgreSQL cannot store" }, retryAfterMs: null };
  }
  if (res.status === 200) return { kind: "done", output: parsed };
  if (res.status === 206) {
    if (!Array.isArray(parsed)) return { kind: "error", retriable: true, error: { message: "206 without an array of ops" }, retryAfterMs: null };
    return { kind: "ops", ops: parsed as TOp[] };
  }
  const noRetry = res.header("x-inngest-no-retry") === "true";
  return { kind: "error", retriable: !noRetry, error: parsed ?? { message: `HTTP ${res.status}` }, retryAfterMs: retryAfter(res.header("retry-after")) };
}

/** Whether a string or key anywhere in the value holds U+0000. */
function holdsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === "object") return Object.entries(value).some(([key, v]) => key.includes("\u0000") || holdsNul(v));
  return false;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}

function retryAfter(header: string | null): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** Exponential backoff with jitter: ~1 s, 2 s, 4 s … capped at 10 minutes. */
export function backoffMs(attempt: number): number {
  const base = Math.min(600_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}
