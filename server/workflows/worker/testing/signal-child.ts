// For shutdown-on-signal.test.ts: a stand-in for Next.js's own SIGTERM listener (it closes
// its HTTP server, then calls process.exit(143)), registered first, then shutdownOnSignal
// with a stop of STOP_MS (or one that never ends: "never") and a hard limit of 1 s.
import { shutdownOnSignal } from "../shutdown-on-signal";

const stopMs = process.env.STOP_MS ?? "300";
process.on("SIGTERM", () => setTimeout(() => (console.log("other listener exits"), process.exit(143)), 50));
shutdownOnSignal(async () => {
  if (stopMs === "never") await new Promise(() => {});
  await new Promise((r) => setTimeout(r, Number(stopMs)));
  console.log("stopped");
}, 1_000);
console.log("ready");
setInterval(() => {}, 1_000);
