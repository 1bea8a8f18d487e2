import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as click } from "@/app/t/c/[token]/route";
import { GET as open } from "@/app/t/o/[token]/route";
import { getDb } from "@/db/client";
import { audienceMembers, campaignExecutions, messageEvents, messages, profiles } from "@/db/schema";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { fullContentOf } from "@/server/messaging/content-refs";
import { recordMessageEvent } from "@/server/messaging/message-events";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { callerFor, createTeam } from "@/test/fixtures";
import { campaignReport } from "./campaign-report";
import { sendBatch } from "./execution/send-batch";
import { snapshotAudience } from "./execution/snapshot-audience";
import { recipientsCsv } from "./recipients-csv";

const BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
const APPLE_PROXY = "Mozilla/5.0";
const CONTENT = { subject: "Sale", html: '<p>Hi {{ profile.firstName }}, <a href="https://shop.example/sale">shop</a> or read https://shop.example/blog</p>' };

let workspaceId: string;
let campaignId: string;
let executionId: string;
const byName = new Map<string, { id: string; html: string; text: string }>();

const visit = (route: typeof open, token: string, userAgent: string) => route(new Request("http://x", { headers: { "user-agent": userAgent } }), { params: Promise.resolve({ token }) });
const token = (content: string, kind: "o" | "c", nth = 0) => [...content.matchAll(new RegExp(`/t/${kind}/([A-Za-z0-9_.-]+)`, "g"))][nth]![1]!;

beforeAll(async () => {
  const team = await createTeam("Report");
  workspaceId = team.workspace.id;
  const db = await getDb();
  await callerFor(team.users.admin).campaigns.setApproval({ workspaceId, required: false });
  const audienceId = (await createAudience(workspaceId, { kind: "list", name: "Five" }, cliActor)).id;
  const names = ["clicker", "apple", "reader", "complainer", "scanned"];
  const created = await db.insert(profiles).values(names.map((firstName) => ({ workspaceId, attributes: { firstName, email: `${firstName}@example.com` } }))).returning({ id: profiles.id });
  await db.insert(audienceMembers).values(created.map((p) => ({ audienceId, profileId: p.id, workspaceId })));
  await createAppExecutor(); // not started: the activation's event is only stored
  const manager = callerFor(team.users.manager);
  const campaign = await manager.campaigns.create({ workspaceId, campaign: { name: "Sale", type: "scheduled", audienceId, kind: "email", content: CONTENT, schedule: { type: "now" } } });
  campaignId = campaign.id;
  await manager.campaigns.activate({ workspaceId, campaignId });
  executionId = (await db.select({ id: campaignExecutions.id }).from(campaignExecutions).where(eq(campaignExecutions.campaignId, campaignId)))[0]!.id;
  await snapshotAudience(executionId);
  await sendBatch(executionId, 0, 5);
  for (const m of await db.select().from(messages).where(and(eq(messages.sourceType, "campaign"), eq(messages.sourceId, executionId)))) {
    const content = (await fullContentOf(db, m))!;
    byName.set(String(m.recipient).split("@")[0]!, { id: m.id, html: String(content.html), text: String(content.text) });
  }

  const m = (name: string) => byName.get(name)!;
  await visit(click, token(m("clicker").html, "c"), BROWSER); // a click, the pixel blocked
  await visit(open, token(m("apple").html, "o"), APPLE_PROXY); // Apple Mail Privacy Protection
  await visit(open, token(m("reader").html, "o"), BROWSER);
  const fromText = await visit(click, token(m("reader").text, "c", 1), BROWSER); // the blog link of the text part
  expect([fromText.status, fromText.headers.get("location")]).toEqual([302, "https://shop.example/blog"]);
  await recordMessageEvent(m("complainer").id, "complained", { provider: "resend" });
  await visit(click, token(m("scanned").html, "c"), "python-requests/2.31.0"); // a gateway's scanner, seconds after delivery
});

describe("the campaign report", () => {
  it("counts a click as an open, machine opens apart, and complaints", async () => {
    const report = await campaignReport(workspaceId, campaignId);
    expect(report.counts).toMatchObject({ targeted: 5, sent: 5, delivered: 5, opened: 2, openedTotal: 2, clicked: 2, clickedTotal: 2, machineOpened: 1, machineClicked: 1, complained: 1 });
    expect(report.timeline.reduce((n, p) => n + p.opened, 0)).toBe(2); // the clicker's open is at its click
    expect(report.topLinks).toEqual(expect.arrayContaining([{ url: "https://shop.example/sale", clicks: 1, unique: 1 }, { url: "https://shop.example/blog", clicks: 1, unique: 1 }]));
    expect(report.topLinks).toHaveLength(2); // not the scanner's click
  });

  it("flags the machine events in the history", async () => {
    const db = await getDb();
    const flagged = async (name: string) => (await db.select({ type: messageEvents.type, data: messageEvents.data }).from(messageEvents).where(eq(messageEvents.messageId, byName.get(name)!.id))).filter((e) => e.type === "opened" || e.type === "clicked");
    expect(await flagged("apple")).toEqual([{ type: "opened", data: { machine: true, machineKind: "apple-privacy" } }]);
    expect(await flagged("scanned")).toEqual([{ type: "clicked", data: { url: "https://shop.example/sale", machine: true, machineKind: "security-scanner" } }]);
    expect(await flagged("reader")).toEqual([{ type: "opened", data: {} }, { type: "clicked", data: { url: "https://shop.example/blog" } }]);
  });

  it("exports when each recipient first opened, clicked and complained", async () => {
    const csv = await new Response(recipientsCsv(workspaceId, campaignId)).text();
    const [header, ...lines] = csv.trim().split("\n");
    expect(header).toBe("execution_id,position,profile_id,email,message_id,status,recipient,error,sent_at,opened_at,clicked_at,complained_at");
    const rows = new Map(lines.map((line) => line.split(",")).map((cells) => [cells[6]!.split("@")[0]!, cells.slice(9)]));
    const at = /^\d{4}-\d\d-\d\dT[\d:.]+Z$/;
    expect(rows.get("clicker")).toEqual([expect.stringMatching(at), expect.stringMatching(at), ""]);
    expect(rows.get("clicker")![0]).toBe(rows.get("clicker")![1]); // opened when it was clicked
    expect(rows.get("apple")).toEqual(["", "", ""]);
    expect(rows.get("reader")).toEqual([expect.stringMatching(at), expect.stringMatching(at), ""]);
    expect(rows.get("complainer")).toEqual(["", "", expect.stringMatching(at)]);
    expect(rows.get("scanned")).toEqual(["", "", ""]);
  });
});
