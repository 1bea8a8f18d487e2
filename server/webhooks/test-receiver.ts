import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "svix";

export interface TReceived {
  id: string;
  type: string;
  payload: { type: string; data: Record<string, unknown> };
}

/**
 * A webhook receiver on 127.0.0.1 for tests: verifies each request with svix's Webhook.verify
 * (a bad signature is a 400 and is not kept), answers `status` (settable: 503 plays an outage).
 */
export async function startReceiver(secret: () => string) {
  const received: TReceived[] = [];
  const state = { status: 200, rejected: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (state.status >= 300) {
        res.writeHead(state.status).end("down for maintenance");
        return;
      }
      try {
        const body = Buffer.concat(chunks).toString("utf8");
        // Throws on a bad signature or a stale timestamp (svix 2.5 answers nothing otherwise).
        new Webhook(secret()).verify(body, req.headers as Record<string, string>);
        const payload = JSON.parse(body) as TReceived["payload"];
        received.push({ id: String(req.headers["webhook-id"]), type: payload.type, payload });
        res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
      } catch {
        state.rejected++;
        res.writeHead(400).end("bad signature");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
