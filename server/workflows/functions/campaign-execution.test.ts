import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { audienceMembers, campaignExecutions, messages, profileIdentities, profiles } from "@/db/schema";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { sendBatch } from "@/server/campaigns/execution/send-batch";
import { callerFor, createTeam } from "@/test/fixtures";
import { VirtualClock } from "../embedded/clock";
import type { EmbeddedExecutor } from "../embedded/executor";
import { createAppExecutor } from "../embedded/start-embedded";

const MEMBERS = 25;
let team: Awaited<ReturnType<typeof createTeam>>;
let audienceId: string;
let executor: EmbeddedExecutor;
let clock: VirtualClock;

beforeAll(async () => {
  team = await createTeam("Campaign runs");
  const db = await getDb();
  const ws = team.workspace.id;
  // Approval off: these tests are about sending (the review rules have their own tests).
  await callerFor(team.users.admin).campaigns.setApproval({ workspaceId: ws, required: false });
  audienceId = (await createAudience(ws, { kind: "list", name: "Run list" }, cliActor)).id;
  for (let i = 0; i < MEMBERS; i++) {
    const [p] = await db.insert(profiles).values({ workspaceId: ws, attributes: { firstName: `Ada${i}` } }).returning({ id: profiles.id });
    await db.insert(profileIdentities).values({ workspaceId: ws, namespace: "email", value: `ada${i}@example.com`, profileId: p!.id });
    await db.insert(audienceMembers).values({ audienceId, profileId: p!.id, workspaceId: ws });
  }
  clock = new VirtualClock(new Date());
  executor = await createAppExecutor({ clock });
});

const manager = () => callerFor(team.users.manager);
const pad = (n: number) => String(n).padStart(2, "0");
const utcLocal = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

async function newCampaign(name: string, schedule: Record<string, unknown>, ratePerSecond?: number) {
  return manager().campaigns.create({
    workspaceId: team.workspace.id,
    campaign: { name, type: "scheduled", audienceId, kind: "email", content: { subject: "Hi {{ profile.firstName }}", html: "<p>Hello {{ profile.firstName }}</p>" }, schedule: schedule as never, ratePerSecond },
  });
}

async function sentFor(campaignId: string) {
  const db = await getDb();
  const executions = await db.select().from(campaignExecutions).where(eq(campaignExecutions.campaignId, campaignId));
  const rows = executions.length
    ? await db.select().from(messages).where(and(eq(messages.sourceType, "campaign"), eq(messages.sourceId, executions[0]!.id)))
    : [];
  return { execution: executions[0], rows, profiles: new Set(rows.map((r) => r.profileId)) };
}

describe("campaign.execution on the embedded executor", () => {
  it("waits for its send time, then sends every member exactly one personalized message", async () => {
    const at = new Date(clock.now().getTime() + 2 * 3_600_000);
    const c = await newCampaign("At a time", { type: "at", at: utcLocal(at), timezone: "UTC" });
    await manager().campaigns.activate({ workspaceId: team.workspace.id, campaignId: c.id });
    await executor.drain();
    await executor.advance("1h");
    expect((await sentFor(c.id)).rows).toHaveLength(0);
    await executor.advance("2h");
    const { execution, rows, profiles: reached } = await sentFor(c.id);
    expect(execution).toMatchObject({ status: "completed", targeted: MEMBERS, processed: MEMBERS });
    expect(rows).toHaveLength(MEMBERS);
    expect(reached.size).toBe(MEMBERS);
    expect(rows.every((r) => r.status === "delivered" && String(r.content?.subject).startsWith("Hi Ada"))).toBe(true);
    const report = await manager().campaigns.report({ workspaceId: team.workspace.id, campaignId: c.id });
    expect(report.counts).toMatchObject({ targeted: MEMBERS, sent: MEMBERS, delivered: MEMBERS, failed: 0 });
    expect((await manager().campaigns.get({ workspaceId: team.workspace.id, campaignId: c.id })).status).toBe("completed");
  });

  it("paused mid-send sends no more; resumed, it completes with no duplicates", async () => {
    // 1 message/s: batches of 5 with a 5 s window between them.
    const c = await newCampaign("Paused", { type: "now" }, 1);
    const ws = team.workspace.id;
    await manager().campaigns.activate({ workspaceId: ws, campaignId: c.id });
    await executor.drain();
    const first = (await sentFor(c.id)).rows.length;
    expect(first).toBe(5);
    await manager().campaigns.pause({ workspaceId: ws, campaignId: c.id });
    await executor.advance("10m");
    expect((await sentFor(c.id)).rows.length).toBe(first);
    // A batch that runs again (a retried step) finds its messages and sends nothing new.
    const { execution } = await sentFor(c.id);
    await manager().campaigns.resume({ workspaceId: ws, campaignId: c.id });
    await executor.advance("2m");
    await sendBatch(execution!.id, 0, MEMBERS);
    const done = await sentFor(c.id);
    expect(done.execution).toMatchObject({ status: "completed", processed: MEMBERS });
    expect(done.rows).toHaveLength(MEMBERS);
    expect(done.profiles.size).toBe(MEMBERS);
  });

  it("stopped mid-send sends no more, ever", async () => {
    const c = await newCampaign("Stopped", { type: "now" }, 1);
    const ws = team.workspace.id;
    await manager().campaigns.activate({ workspaceId: ws, campaignId: c.id });
    await executor.drain();
    await manager().campaigns.stop({ workspaceId: ws, campaignId: c.id });
    await executor.advance("1h");
    const { execution, rows } = await sentFor(c.id);
    expect(rows).toHaveLength(5);
    expect(execution).toMatchObject({ status: "stopped" });
    await expect(manager().campaigns.resume({ workspaceId: ws, campaignId: c.id })).rejects.toThrow(/paused/);
  });

  it("runs a recurring campaign once per occurrence, each execution with its own report", async () => {
    const start = clock.now();
    const day = (d: Date) => utcLocal(d).slice(0, 10);
    const c = await newCampaign("Daily", { type: "recurring", frequency: "daily", time: "06:00", timezone: "UTC", startsOn: day(new Date(start.getTime() + 86_400_000)), until: day(new Date(start.getTime() + 2 * 86_400_000)) });
    await manager().campaigns.activate({ workspaceId: team.workspace.id, campaignId: c.id });
    await executor.advance("4d");
    const got = await manager().campaigns.get({ workspaceId: team.workspace.id, campaignId: c.id });
    expect(got.status).toBe("completed");
    expect(got.executions.map((e) => [e.status, e.targeted])).toEqual([["completed", MEMBERS], ["completed", MEMBERS]]);
    const one = await manager().campaigns.report({ workspaceId: team.workspace.id, campaignId: c.id, executionId: got.executions[0]!.id });
    expect(one.counts).toMatchObject({ targeted: MEMBERS, sent: MEMBERS });
  });
});
