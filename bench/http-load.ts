import http from "node:http";

// A small HTTP load tool (autocannon is not a dependency): keep-alive connections, either
// closed-loop (N requests in flight, as fast as they complete) or open-loop at a fixed rate
// (a request every 1/rate s whatever the responses; latency counted from the intended send
// time, so a stalled server is not hidden by coordinated omission).

export interface TLoadResult {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  latenciesMs: number[];
}

type TPost = (path: string, body: string) => Promise<number>;

export function client(port: number, authorization: string, connections: number): { post: TPost; close: () => void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const post: TPost = (path, body) =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path, method: "POST", agent, headers: { authorization, "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}

const record = (r: TLoadResult, status: number | null) => {
  r.requests++;
  const key = status === null ? "network" : String(status);
  r.statuses[key] = (r.statuses[key] ?? 0) + 1;
  if (status !== 200) r.errors++;
};

/** `inFlight` loops each posting the next body as soon as the previous one is answered. */
export async function closedLoop(post: TPost, path: string, nextBody: () => string, inFlight: number, seconds: number): Promise<TLoadResult> {
  const r: TLoadResult = { requests: 0, errors: 0, statuses: {}, seconds: 0, latenciesMs: [] };
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        const status = await post(path, nextBody()).catch(() => null);
        r.latenciesMs.push(performance.now() - start);
        record(r, status);
      }
    }),
  );
  r.seconds = (performance.now() - t0) / 1000;
  return r;
}

/** A request every 1/rate s for `seconds`, latency from the intended send time. */
export async function openLoop(post: TPost, path: string, nextBody: () => string, rate: number, seconds: number): Promise<TLoadResult> {
  const r: TLoadResult = { requests: 0, errors: 0, statuses: {}, seconds: 0, latenciesMs: [] };
  const total = Math.round(rate * seconds);
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      post(path, nextBody()).then(
        (status) => {
          r.latenciesMs.push(performance.now() - due);
          record(r, status);
        },
        () => record(r, null),
      ),
    );
  }
  await Promise.all(pending);
  r.seconds = (performance.now() - t0) / 1000;
  return r;
}

export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
