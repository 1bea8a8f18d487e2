import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { forgeMutation, shot, signIn, signUp } from "./helpers";

const stamp = Date.now().toString(36);
const demo = () => JSON.parse(readFileSync(`${process.env.E2E_DATA_DIR ?? ".e2e-data"}/demo-sign-in.json`, "utf8")) as { email: string; password: string };
const pad = (n: number) => String(n).padStart(2, "0");
const utcLocal = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/** A new member with `role`, invited by the admin and signed up in a context of their own. */
async function joinAs(admin: Page, browser: Browser, baseURL: string, role: "manager" | "approver" | "viewer"): Promise<Page> {
  const user = { name: `${role} ${stamp}`, email: `${role}-${stamp}@example.com`, password: `${role}-password-1` };
  await admin.goto("/demo/settings/members");
  await admin.getByRole("button", { name: "Invite" }).click();
  await admin.getByRole("dialog").getByLabel("Email").fill(user.email);
  await admin.getByRole("dialog").getByLabel("Role", { exact: true }).selectOption(role);
  await admin.getByRole("button", { name: "Create invite" }).click();
  const link = await admin.getByTestId("copy-field-value").inputValue();
  await admin.getByRole("button", { name: "Done" }).click();
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account to join" }).click();
  await signUp(page, user);
  await page.getByRole("button", { name: "Accept invite" }).click();
  await expect(page.getByTestId("current-workspace")).toHaveText("Demo");
  return page;
}

test("a manager schedules a campaign, an approver approves it, it sends one personalized email per member, the report matches", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const { email, password } = demo();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/demo$/);
  const manager = await joinAs(page, browser, baseURL!, "manager");
  const approver = await joinAs(page, browser, baseURL!, "approver");
  const viewer = await joinAs(page, browser, baseURL!, "viewer");

  // The manager builds the campaign: the seeded static list (50 Gold members), the email dev inbox, a send time ahead.
  const name = `VIP preview ${stamp}`;
  await manager.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
  await expect(manager.getByText("Gold members: spring promotion")).toBeVisible();
  await manager.getByRole("link", { name: "New campaign" }).first().click();
  await manager.getByLabel("Campaign name").fill(name);
  await manager.getByLabel("Audience").selectOption({ label: "VIP customers (50)" });
  // By value: another spec may have made a different configuration the default.
  const devInbox = await manager.getByLabel("Configuration").locator("option", { hasText: "Dev inbox (email)" }).getAttribute("value");
  await manager.getByLabel("Configuration").selectOption(devInbox!);
  await manager.getByLabel("Subject").fill(`VIP ${stamp}: hello {{ profile.firstName }}`);
  const sendAt = new Date(Math.ceil((Date.now() + 75_000) / 60_000) * 60_000);
  await manager.getByLabel("Date and time", { exact: true }).fill(utcLocal(sendAt));
  await manager.getByLabel("Time zone", { exact: true }).fill("UTC");
  await expect(manager.getByTestId("campaign-review")).toContainText("VIP customers");
  await shot(manager, "campaign-wizard");
  await manager.getByRole("button", { name: "Save campaign" }).click();
  await expect(manager).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  const campaignId = manager.url().split("/").pop()!;
  await manager.getByRole("button", { name: "Submit for review" }).click();
  await expect(manager.getByTestId("campaign-status").first()).toHaveText("In review");

  // The manager cannot approve: no button, and the server refuses.
  await expect(manager.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const workspaceId = await manager.evaluate(async () => ((await (await fetch("/api/trpc/workspaces.mine")).json()).result.data.json as { id: string; slug: string }[]).find((w) => w.slug === "demo")!.id);
  expect((await forgeMutation(manager, "campaigns.approve", { workspaceId, campaignId })).status).toBe(403);

  // The approver sees the notice, approves with a comment.
  await approver.goto("/demo/campaigns");
  await expect(approver.getByTestId("review-notice")).toBeVisible();
  await shot(approver, "campaigns-list-review");
  await approver.getByRole("link", { name }).click();
  await approver.getByRole("button", { name: "Approve" }).click();
  await approver.getByLabel("Comment (optional)").fill("Good to go");
  await approver.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(approver.getByTestId("campaign-status").first()).toHaveText("Approved");
  await expect(approver.getByRole("button", { name: "Activate" })).toHaveCount(0);

  // The manager activates; it waits for its time, then sends.
  await manager.reload();
  await manager.getByRole("button", { name: "Activate" }).click();
  await expect(manager.getByTestId("campaign-status").first()).toHaveText("Active");
  await expect(manager.getByText(/Next send/)).toBeVisible();
  await shot(manager, "campaign-scheduled");
  await expect(manager.getByTestId("campaign-status").first()).toHaveText("Completed", { timeout: 180_000 });
  await manager.reload();
  const count = (label: string) => manager.getByTestId(`count-${label}`).getByTestId("count-value");
  await expect(count("targeted")).toHaveText("50");
  // Some list members have no email address: they fail as unreachable, everyone else gets one email.
  const sent = Number(await count("sent").textContent());
  expect(sent).toBeGreaterThan(30);
  await expect(count("delivered")).toHaveText(String(sent));
  await expect(count("failed")).toHaveText(String(50 - sent));
  await expect(manager.getByTestId("recipient-row").first()).toBeVisible();
  await shot(manager, "campaign-report");

  // The CSV export agrees with the report: one row per member, one message each.
  const csv = await (await manager.request.get(`/api/campaigns/${campaignId}/export?workspaceId=${workspaceId}`)).text();
  const rows = csv.trim().split("\n").slice(1);
  expect(rows).toHaveLength(50);
  expect(new Set(rows.map((r) => r.split(",")[2])).size).toBe(50);
  expect(rows.filter((r) => r.includes(",delivered,"))).toHaveLength(sent);
  expect(rows.filter((r) => r.includes(",failed,")).every((r) => r.includes("no email address"))).toBe(true);
  // The dev inbox holds them, personalized.
  await manager.goto("/demo/messages/inbox");
  const items = manager.getByTestId("inbox-item").filter({ hasText: `VIP ${stamp}: hello` });
  await expect(items.first()).toBeVisible();
  await expect(items.first()).not.toContainText("{{");

  // The viewer sees it all and can change nothing.
  await viewer.goto(`/demo/campaigns/${campaignId}`);
  await expect(viewer.getByTestId("count-targeted")).toContainText("50");
  for (const action of ["Edit", "Submit for review", "Approve", "Activate", "Pause", "Stop"]) await expect(viewer.getByRole("button", { name: action })).toHaveCount(0);
  await viewer.goto("/demo/campaigns");
  await expect(viewer.getByRole("link", { name: "New campaign" })).toHaveCount(0);
  expect((await forgeMutation(viewer, "campaigns.stop", { workspaceId, campaignId })).status).toBe(403);
  await shot(viewer, "campaigns-list-viewer");
});
