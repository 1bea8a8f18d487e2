import type { InngestFunction } from "inngest";
import { parseDuration } from "./durations";
import { assertExpression } from "./expressions";

export interface TFunctionConfig {
  id: string;
  name: string;
  triggers: ({ event: string; expression?: string } | { cron: string })[];
  steps: Record<string, { retries?: { attempts: number } }>;
  concurrency?: { limit: number; key?: string; scope?: string } | { limit: number; key?: string; scope?: string }[];
  throttle?: { limit: number; period: string; key?: string; burst?: number };
  cancel?: { event: string; if?: string; timeout?: string }[];
  idempotency?: string;
  batchEvents?: { maxSize: number; timeout: string; key?: string; if?: string };
  [other: string]: unknown;
}

export interface TRegisteredFunction {
  id: string;
  name: string;
  eventTriggers: { event: string; expression?: string }[];
  crons: string[];
  maxAttempts: number;
  concurrency?: { limit: number; key?: string };
  throttle?: { limit: number; period: string; key?: string };
  cancel: { event: string; if?: string }[];
  idempotency?: string;
  /** batchEvents: one run for up to `maxSize` events, started when full or `timeoutMs` after the first. */
  batch?: { maxSize: number; timeoutMs: number; key?: string };
}

// Options the embedded executor does not implement; a function using them is refused
// at start-up rather than run with different semantics than on Inngest.
const UNSUPPORTED = ["rateLimit", "debounce", "priority", "timeouts", "singleton"];

/** Reads each function's config as the SDK would sync it to an Inngest server. */
export function registerFunctions(functions: readonly InngestFunction.Any[], appId: string): Map<string, TRegisteredFunction> {
  const registry = new Map<string, TRegisteredFunction>();
  for (const fn of functions) {
    const configs = (fn as unknown as { getConfig(o: { baseUrl: URL; appPrefix: string }): TFunctionConfig[] }).getConfig({
      baseUrl: new URL("http://embedded/api/inngest"),
      appPrefix: appId,
    });
    for (const config of configs) registry.set(config.id, toRegistered(config));
  }
  return registry;
}

function toRegistered(config: TFunctionConfig): TRegisteredFunction {
  for (const option of UNSUPPORTED) {
    if (config[option] !== undefined) throw new Error(`Function ${config.id} uses "${option}", which the embedded executor does not support`);
  }
  const concurrency = Array.isArray(config.concurrency) ? config.concurrency : config.concurrency ? [config.concurrency] : [];
  if (concurrency.length > 1) throw new Error(`Function ${config.id}: the embedded executor supports one concurrency limit`);
  const eventTriggers = config.triggers.filter((t): t is { event: string; expression?: string } => "event" in t);
  const crons = config.triggers.filter((t): t is { cron: string } => "cron" in t).map((t) => t.cron);
  for (const expression of [
    ...eventTriggers.map((t) => t.expression),
    ...(config.cancel ?? []).map((c) => c.if),
    concurrency[0]?.key,
    config.throttle?.key,
    config.idempotency,
    config.batchEvents?.key,
  ]) {
    if (expression) assertExpression(expression);
  }
  const attempts = config.steps.step?.retries?.attempts;
  return {
    id: config.id,
    name: config.name,
    eventTriggers,
    crons,
    // `retries` (default 4) counts retries after the first attempt.
    maxAttempts: (attempts ?? 4) + 1,
    concurrency: concurrency[0] ? { limit: concurrency[0].limit, key: concurrency[0].key } : undefined,
    throttle: config.throttle,
    cancel: (config.cancel ?? []).map((c) => ({ event: c.event, if: c.if })),
    idempotency: config.idempotency,
    batch: batchOf(config),
  };
}

/**
 * A batched run has no single event to deduplicate, cancel or throttle by: Inngest refuses
 * batching with idempotency and cancellation, and the embedded executor with throttle too.
 */
function batchOf(config: TFunctionConfig): TRegisteredFunction["batch"] {
  const b = config.batchEvents;
  if (!b) return undefined;
  if (b.if) throw new Error(`Function ${config.id}: the embedded executor does not support batchEvents.if`);
  for (const option of ["idempotency", "throttle", "cancel"] as const) {
    if (config[option] !== undefined) throw new Error(`Function ${config.id}: batchEvents cannot be combined with "${option}"`);
  }
  if (!Number.isInteger(b.maxSize) || b.maxSize < 1) throw new Error(`Function ${config.id}: batchEvents.maxSize must be a positive integer`);
  return { maxSize: b.maxSize, timeoutMs: parseDuration(b.timeout), key: b.key };
}
