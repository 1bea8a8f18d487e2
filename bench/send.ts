import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createTransport } from "nodemailer";
import { SMTPServer } from "smtp-server";
import { sql } from "drizzle-orm";
import { migrateDb, openPostgres, setDbHandle } from "@/db/client";
import { profileIdentities, profiles, workspaces } from "@/db/schema";
import emailSmtp from "@/plugins/email-smtp";
import { cliActor } from "@/server/audit/actor";
import { createConfiguration } from "@/server/channels/manage-configurations";
import { renderMessage } from "@/server/messaging/render-message";
import { sendMessage } from "@/server/messaging/send-message";
import { databaseUrlFor } from "@/test/database-url";

const SENDS = Number(process.env.BENCH_SENDS ?? 100_000);
const PIPELINE_SENDS = Number(process.env.BENCH_PIPELINE_SENDS ?? 5_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const CONTENT = { subject: "Hi {{ profile.firstName }}", html: '<p>Hello {{ profile.firstName | default: "there" }}, your code is {{ context.code }}. <a href="https://shop.example/offer">Shop now</a></p>', document: null };

async function sinkServer() {
  let received = 0;
  const server = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS", "AUTH"], logger: false, onData(stream, _s, done) { stream.on("end", () => (received++, done())); stream.resume(); } });
  // Without TCP_NODELAY every message waits out a delayed ACK (~40 ms): real MTAs set it too.
  server.server.on("connection", (socket: import("node:net").Socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.server.address() as AddressInfo).port, received: () => received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return { stop: () => (clearInterval(timer), Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20)) };
}

async function pool(n: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (next < n) await work(next++); }));
}

/** SMTP sending: the plugin (render + send per recipient) against raw nodemailer, and the whole pipeline on PostgreSQL. */
export async function run() {
  const sink = await sinkServer();
  const settings = emailSmtp.settings.parse({ host: "127.0.0.1", port: sink.port, fromAddress: "bench@parcours.local", maxConnections: 8 });

  const raw = createTransport({ pool: true, maxConnections: 8, maxMessages: 100, host: "127.0.0.1", port: sink.port, secure: false, ignoreTLS: true });
  const baselineN = Math.min(SENDS, 5_000);
  const html = (await renderMessage({ kind: "email", content: CONTENT, cacheKey: "bench:1", scope: { profile: { firstName: "Ada" }, context: { code: 1 } }, messageId: crypto.randomUUID(), track: true })) as { subject: string; html: string; text: string };
  let t = performance.now();
  await pool(baselineN, async (i) => void (await raw.sendMail({ from: "bench@parcours.local", to: `p${i}@example.com`, subject: html.subject, html: html.html, text: html.text })));
  const baselinePerSec = Math.round(baselineN / ((performance.now() - t) / 1000));
  raw.close();

  const sender = emailSmtp.create(settings);
  const rss = rssSampler();
  const before = sink.received();
  t = performance.now();
  await pool(SENDS, async (i) => {
    const messageId = crypto.randomUUID();
    const message = await renderMessage({ kind: "email", content: CONTENT, cacheKey: "bench:1", scope: { profile: { firstName: `P${i}` }, context: { code: i } }, messageId, track: true });
    await sender.send(message as never, { profileId: messageId, email: `p${i}@example.com` }, { idempotencyKey: messageId, signal: AbortSignal.timeout(30_000) });
  });
  const pluginSeconds = (performance.now() - t) / 1000;
  const peakRssMb = rss.stop();
  const delivered = sink.received() - before;

  const pipeline = await runPipeline(sink.port);
  await sink.close();
  return {
    smtpPluginSends: SENDS,
    smtpPluginSendsPerSecond: Math.round(SENDS / pluginSeconds),
    smtpPluginSeconds: Number(pluginSeconds.toFixed(1)),
    smtpServerReceived: delivered,
    peakRssMb,
    baselineRawNodemailerPerSecond: baselinePerSec,
    baselineSends: baselineN,
    ...pipeline,
    concurrency: CONCURRENCY,
    smtpConnections: 8,
  };
}

/** sendMessage end to end (claim, policy, render, send, history) on PostgreSQL. */
async function runPipeline(port: number) {
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `bench_send_${randomBytes(4).toString("hex")}`;
  const admin = await openPostgres(url);
  const adminSql = (admin.db as unknown as { $client: import("postgres").Sql }).$client;
  await adminSql.unsafe(`CREATE DATABASE ${name}`);
  process.env.PARCOURS_DB_POOL = String(CONCURRENCY + 4);
  const handle = await openPostgres(databaseUrlFor(url, name));
  try {
    await migrateDb(handle);
    setDbHandle(handle);
    const db = handle.db;
    const [ws] = await db.insert(workspaces).values({ name: "Bench", slug: `bench-${name}` }).returning();
    const ids = await db.insert(profiles).values(Array.from({ length: PIPELINE_SENDS }, (_, i) => ({ workspaceId: ws!.id, attributes: { firstName: `P${i}` } }))).returning({ id: profiles.id });
    await db.insert(profileIdentities).values(ids.map((p, i) => ({ workspaceId: ws!.id, namespace: "email" as const, value: `p${i}@example.com`, profileId: p.id })));
    const config = await createConfiguration(ws!.id, { name: "SMTP", pluginId: "email-smtp", settings: { host: "127.0.0.1", port, fromAddress: "bench@parcours.local", maxConnections: 8 } }, cliActor);
    const t = performance.now();
    await pool(ids.length, async (i) => void (await sendMessage({ workspaceId: ws!.id, kind: "email", profileId: ids[i]!.id, configurationId: config.id, content: CONTENT, cacheKey: "bench:1", context: { code: i }, source: { type: "campaign", id: "bench", stepId: "s" } })));
    const seconds = (performance.now() - t) / 1000;
    const [row] = (await db.execute(sql`select count(*)::int as n from messages where status = 'sent'`)) as unknown as { n: number }[];
    return { pipelineSends: PIPELINE_SENDS, pipelineSent: row?.n ?? 0, pipelineSendsPerSecond: Math.round(PIPELINE_SENDS / seconds) };
  } finally {
    await handle.close();
    await adminSql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
