import { POST } from "@/app/api/v1/campaigns/[id]/trigger/route";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { activateCampaign } from "@/server/campaigns/control-campaign";
import { createCampaign } from "@/server/campaigns/manage-campaigns";
import { openLoop, percentile, type TLoadResult } from "./http-load";

const RATE = Number(process.env.BENCH_TRIGGER_RATE ?? 200);
const RATE_LOW = Number(process.env.BENCH_TRIGGER_RATE_LOW ?? 50);
const SECONDS = Number(process.env.BENCH_TRIGGER_SECONDS ?? 20);

/** Peak resident memory of this process: sampled every 100 ms, and the kernel's maxRSS. */
export function rssSampler() {
  const before = process.memoryUsage();
  let peak = before.rss;
  let peakHeap = before.heapUsed;
  // What the RSS holds at its peak: V8's heap (reserved) and memory outside it (Buffers, strings' backing).
  let atPeak = { heapTotal: before.heapTotal, external: before.external };
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    if (now.rss > peak) atPeak = { heapTotal: now.heapTotal, external: now.external };
    peak = Math.max(peak, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 100);
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return {
    stop: () => {
      clearInterval(timer);
      return { beforeMb: mb(before.rss), sampledMb: mb(Math.max(peak, process.memoryUsage().rss)), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), heapUsedBeforeMb: mb(before.heapUsed), peakHeapUsedMb: mb(peakHeap), atPeakRss: { heapTotalMb: mb(atPeak.heapTotal), externalMb: mb(atPeak.external) } };
    },
  };
}

const ms = (x: number) => +x.toFixed(1);
const summary = (r: TLoadResult, statuses: Record<number, number>) => ({
  requests: r.requests,
  statuses,
  seconds: ms(r.seconds),
  latencyMs: { p50: ms(percentile(r.latenciesMs, 50)), p90: ms(percentile(r.latenciesMs, 90)), p99: ms(percentile(r.latenciesMs, 99)), max: ms(percentile(r.latenciesMs, 100)) },
});

/**
 * `POST /api/v1/campaigns/{id}/trigger` at a fixed rate (open loop: latency from the intended
 * send time), called in this process through the route's handler (the Next route minus HTTP
 * parsing): a transactional email with a context field to an existing profile found by email,
 * a new Idempotency-Key each call. A 5 s warm-up at the low rate is not counted.
 */
export async function triggerLatency(workspaceId: string, ownerId: string, profiles: number) {
  const actor = { userId: ownerId, label: "bench" };
  const { key } = await createApiKey(workspaceId, { name: "bench", kind: "secret" }, cliActor);
  const content = { subject: "Your code is {{ context.code }}", html: '<p>Hello {{ profile.firstName | default: "there" }}, your code is <b>{{ context.code }}</b>.</p>' };
  const campaign = await createCampaign(workspaceId, { name: "Bench trigger", type: "api", apiMode: "transactional", kind: "email", content } as never, actor);
  await activateCampaign(workspaceId, campaign.id, actor);
  const statuses: Record<number, number> = {};
  const post = async (path: string, body: string) => {
    const request = new Request(`http://127.0.0.1${path}`, { method: "POST", body, headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() } });
    const response = await POST(request, { params: Promise.resolve({ id: campaign.id }) });
    await response.arrayBuffer();
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    return response.status === 202 ? 200 : response.status; // the load tool counts 200 as success
  };
  const body = () => JSON.stringify({ recipient: { email: `p${1 + Math.floor(Math.random() * profiles)}@example.com` }, context: { code: Math.floor(Math.random() * 1e6) } });
  const path = `/api/v1/campaigns/${campaign.id}/trigger`;
  await openLoop(post, path, body, RATE_LOW, 5);
  const phase = async (rate: number) => {
    for (const s of Object.keys(statuses)) delete statuses[Number(s)];
    return { rate, ...summary(await openLoop(post, path, body, rate, SECONDS), { ...statuses }) };
  };
  // At a rate the process keeps up with, then at the goal's rate; then the goal's rate again
  // with group sends turned off (every trigger its own sendMessages), the same run's baseline.
  const low = await phase(RATE_LOW);
  const goal = await phase(RATE);
  process.env.PARCOURS_SEND_LANES = "1000000";
  const goalUngrouped = await phase(RATE).finally(() => delete process.env.PARCOURS_SEND_LANES);
  return { low, goal, goalUngrouped };
}
