import type { Server } from "node:http";
import { createRequire } from "node:module";
import type { TWebPushSubscription } from "../../sdk";
import { closedPort, type TProviderFake } from "../../sdk/testing";

// Test support: web-push-testing's push service, run in this process. It checks the VAPID
// JWT against the subscription's applicationServerKey, decrypts each aes128gcm message with
// the subscription's private key and keeps the plaintext. It has no types and no start
// function: we build its express server, adding a first middleware that records accepted
// pushes and injects failures (failWith), as the contract kit expects of a fake.
// Its server module keeps the model in a module variable: run one service at a time.

const require = createRequire(import.meta.url);
type TExpressApp = { use(fn: (req: TReq, res: TRes, next: () => void) => void): void };
type TReq = { method: string; path: string; headers: Record<string, string> };
type TRes = { statusCode: number; status(code: number): TRes; send(body: unknown): void; on(event: "finish", fn: () => void): void };
const TestingServer = require("web-push-testing/src/server.js") as new (model: unknown, port: number) => { _app: TExpressApp; _server: Server; startServer(): void };
const { PushApiModel } = require("web-push-testing/src/PushApiModel.js") as { PushApiModel: new () => unknown };

export type TTestSubscription = TWebPushSubscription & { clientHash: string };

export interface TPushServiceFake extends TProviderFake {
  url: string;
  readonly sends: { idempotencyKey?: string; headers: Record<string, string> }[];
  subscribe(applicationServerKey: string): Promise<TTestSubscription>;
  /** The decrypted messages the subscription received, parsed as JSON. */
  received(subscription: TTestSubscription): Promise<unknown[]>;
  expire(subscription: TTestSubscription): Promise<void>;
}

export async function startPushService(): Promise<TPushServiceFake> {
  const port = await closedPort();
  const service = new TestingServer(new PushApiModel(), port);
  const sends: TPushServiceFake["sends"] = [];
  let failure: number | null = null;
  service._app.use((req, res, next) => {
    if (req.method !== "POST" || !req.path.startsWith("/notify/")) return next();
    if (failure !== null) return res.status(failure).send({ reason: "fake failure" });
    const headers = { ...req.headers };
    res.on("finish", () => void (res.statusCode === 201 && sends.push({ headers })));
    next();
  });
  service.startServer();
  await new Promise<void>((resolve) => (service._server.listening ? resolve() : service._server.once("listening", () => resolve())));
  const url = `http://localhost:${port}`;
  const call = async (path: string, body: object = {}) => {
    const response = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`push service ${path}: ${response.status} ${await response.text()}`);
    return response.text();
  };
  return {
    url,
    sends,
    failWith: (code) => void (failure = code),
    close: () => new Promise((resolve) => service._server.close(() => resolve())),
    subscribe: async (applicationServerKey) => (JSON.parse(await call("/subscribe", { userVisibleOnly: "true", applicationServerKey })) as { data: TTestSubscription }).data,
    received: async (subscription) => (JSON.parse(await call("/get-notifications", { clientHash: subscription.clientHash })) as { data: { messages: string[] } }).data.messages.map((m) => JSON.parse(m) as unknown),
    expire: async (subscription) => void (await call(`/expire-subscription/${subscription.clientHash}`)),
  };
}
