import { vi } from "vitest";
import { ALLOWED_PRIVATE_HOSTS_ENV } from "../outgoing/allowed-hosts";

/**
 * Lets outgoing requests reach a local fake: adds the URL's host:port to
 * PARCOURS_ALLOWED_PRIVATE_HOSTS with vi.stubEnv, for the rest of the test file (or until
 * vi.unstubAllEnvs()). Only that port: other local ports stay refused. Answers its argument.
 */
export function allowPrivateHost<T extends string | { url: string }>(target: T): T {
  const { host } = new URL(typeof target === "string" ? target : target.url);
  const current = process.env[ALLOWED_PRIVATE_HOSTS_ENV];
  vi.stubEnv(ALLOWED_PRIVATE_HOSTS_ENV, current ? `${current},${host}` : host);
  return target;
}
