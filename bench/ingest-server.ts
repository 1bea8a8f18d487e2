import http from "node:http";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";

// The ingestion route handlers served by plain node:http, in a child process of the
// ingest benchmark (no `next build`): IncomingMessage -> web Request -> handler -> response.
// The embedded executor is created but not started, so matched business events are
// published to it (runs stored) exactly as in the app, without running journeys.
const routes: Record<string, () => Promise<{ POST: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> }>> = {
  "/v1/batch": () => import("@/app/v1/batch/route"),
  "/api/v1/track": () => import("@/app/api/v1/track/route"),
};

async function main() {
  await createAppExecutor();
  const handlers = Object.fromEntries(await Promise.all(Object.entries(routes).map(async ([p, load]) => [p, (await load()).POST] as const)));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const handler = handlers[req.url ?? ""];
      if (!handler || req.method !== "POST") {
        res.writeHead(404).end();
        return;
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) });
      handler(request, { params: Promise.resolve({}) })
        .then(async (response) => {
          const body = Buffer.from(await response.arrayBuffer());
          res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json", "content-length": body.length });
          res.end(body);
        })
        .catch((error: unknown) => {
          console.error(error);
          res.writeHead(500).end();
        });
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
  });
  process.on("disconnect", () => process.exit(0));
  process.on("SIGINT", () => process.exit(0)); // exits cleanly, so --cpu-prof writes its profile
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
