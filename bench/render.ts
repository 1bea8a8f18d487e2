import os from "node:os";
import { pluginById } from "@/plugins";
import type { TChannelSender } from "@/plugins/sdk";
import { renderMessage } from "@/server/messaging/render-message";
import { STARTER_CONTENT } from "@/server/templates/starter-content";

const COMPILED = Number(process.env.BENCH_RENDER_RECIPIENTS ?? 20_000);
const FULL = Number(process.env.BENCH_RENDER_FULL ?? 40);
const CITIES = ["Paris", "Lyon", "Berlin", "Austin", "Osaka"];

const recipient = (i: number) => ({
  profileId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  email: `person${i}@example.com`,
  scope: {
    profile: { id: i, firstName: i % 9 ? `Person${i}` : undefined, city: CITIES[i % CITIES.length], signupDate: "2024-05-01", email: `person${i}@example.com` },
    context: { orderId: `A-${100_000 + i}` },
    event: {},
    workspace: { id: "bench" },
  },
});

/** Renders and hands to the dev-inbox plugin `n` personalized emails; `cacheKey` null recompiles each one. */
async function sendMany(n: number, cacheKey: string | null, sender: TChannelSender<unknown>) {
  const signal = new AbortController().signal;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const r = recipient(i);
    const messageId = crypto.randomUUID();
    const rendered = await renderMessage({ kind: "email", content: STARTER_CONTENT.email, cacheKey, scope: { ...r.scope, message: { id: messageId } }, messageId, track: true });
    bytes += String(rendered.html).length;
    await sender.send(rendered, { profileId: r.profileId, email: r.email }, { idempotencyKey: messageId, signal });
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // Per CPU-second of this process = per core, whatever else the shared machine runs.
  return { emails: n, seconds: +seconds.toFixed(3), perSecond: Math.round(n / seconds), cpuSeconds: +cpuSeconds.toFixed(3), perCpuSecond: Math.round(n / cpuSeconds), avgHtmlBytes: Math.round(bytes / n) };
}

/**
 * Personalized emails per second through renderMessage (Liquid per recipient, click and open
 * tracking, unsubscribe headers) and the dev-inbox plugin's send, no database: the template
 * compiled once per version versus a full react-email render per recipient, same run and
 * template (8 merge tags across subject, preheader, body and links). One process, one
 * thread: figures per wall second (on a shared machine) and per CPU-second (per core).
 */
export async function run() {
  process.env.PARCOURS_SECRET_KEY ??= "bench-render-secret";
  const sender = pluginById("dev-inbox")!.create({} as never) as TChannelSender<unknown>;
  const loadBefore = os.loadavg()[0];
  const warm = await sendMany(200, "bench:warm", sender); // JIT, Liquid parse cache
  const full = await sendMany(FULL, null, sender);
  const compiled = await sendMany(COMPILED, "bench:1", sender);
  return {
    compiledOncePlusLiquid: compiled,
    fullRenderPerRecipient: full,
    speedup: +(compiled.perSecond / full.perSecond).toFixed(1),
    speedupPerCpuSecond: +(compiled.perCpuSecond / full.perCpuSecond).toFixed(1),
    warmupPerSecond: warm.perSecond,
    goals: { speedupAtLeast: 20, perSecondPerCoreAtLeast: 10_000, met: compiled.perCpuSecond / full.perCpuSecond >= 20 && compiled.perCpuSecond >= 10_000 },
    load: { before1m: +loadBefore!.toFixed(2), after1m: +os.loadavg()[0]!.toFixed(2), cores: os.cpus().length },
  };
}
