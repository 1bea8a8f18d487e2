import pino, { type DestinationStream, type Logger } from "pino";
import { currentRequestId } from "./request-id";

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/**
 * `PARCOURS_LOG_LEVEL` when set; otherwise `info` in production, `warn` in development (the
 * console stays readable) and `silent` under tests.
 */
export function logLevel(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.PARCOURS_LOG_LEVEL?.trim().toLowerCase();
  if (chosen && LEVELS.has(chosen)) return chosen;
  if (env.VITEST || env.NODE_ENV === "test") return "silent";
  return env.NODE_ENV === "production" ? "info" : "warn";
}

/**
 * A JSON logger (one object a line on stdout): `time` in ISO, `level` by name, and the
 * current request's id as `requestId` on every line written while serving a request.
 */
export function createLogger(destination?: DestinationStream, level = logLevel()): Logger {
  const options = {
    level,
    base: { service: "parcours" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

const key = Symbol.for("parcours.logger");
const g = globalThis as typeof globalThis & { [key]?: Logger };

/** The process's logger (one per process, also when Next.js loads modules twice). Log errors as `{ err }`: pino writes their message and stack. */
export function log(): Logger {
  g[key] ??= createLogger();
  return g[key];
}

