import dns, { type LookupAddress } from "node:dns";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { vi } from "vitest";

/** A server an attacker would aim at: what the outgoing guard must never let a request reach. */
export interface TInternalTarget {
  port: number;
  /** "METHOD path" of every request that reached it. */
  hits: string[];
  close(): Promise<void>;
}

/** Listens on every local address (127.0.0.1 and ::1 on a dual-stack socket), random port, and answers 200. */
export async function startInternalTarget(): Promise<TInternalTarget> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end("internal");
  });
  const listen = (host: string) => new Promise<void>((resolve, reject) => server.once("error", reject).listen({ port: 0, host, ipv6Only: false }, resolve));
  // A machine without IPv6 has no ::1 to protect: 127.0.0.1 then.
  await listen("::").catch(() => listen("127.0.0.1"));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Stubs DNS (dns.lookup, which sockets use) for the given names: each lookup of a name takes
 * the next answer of its list, the last one repeating. Other names resolve as usual. Undo
 * with vi.restoreAllMocks().
 */
export function stubDns(answers: Record<string, string[][]>) {
  const real = dns.lookup.bind(dns) as (...args: unknown[]) => void;
  const served = new Map<string, number>();
  return vi.spyOn(dns, "lookup").mockImplementation(((hostname: string, options: unknown, callback: unknown) => {
    const list = answers[hostname];
    const cb = (typeof options === "function" ? options : callback) as (error: null, result: LookupAddress[] | string, family?: number) => void;
    if (!list) return real(hostname, options, callback);
    const count = served.get(hostname) ?? 0;
    served.set(hostname, count + 1);
    const addresses = (list[Math.min(count, list.length - 1)] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    const all = typeof options === "object" && (options as { all?: boolean } | null)?.all;
    process.nextTick(() => (all ? cb(null, addresses) : cb(null, addresses[0]!.address, addresses[0]!.family)));
  }) as unknown as typeof dns.lookup);
}
