import { expect, test, type Page } from "@playwright/test";
import { designEmail } from "./email-design";
import { forgeMutation, shot } from "./helpers";
import { signInDemo } from "./journey-helpers";

// A marketer's first hour on the demo (issue 26): the home page, each seeded journey tried in
// test mode down every path with the seeded test profiles (every message lands in the Dev
// inbox, none fails), and a campaign created and sent in a workspace of one, where approval is off.

const stamp = Date.now().toString(36);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

type TTester = { id: string; email: string; note: string };
const query = async <T,>(page: Page, path: string, input: unknown): Promise<T> =>
  (await (await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)).json()).result.data.json as T;

/** Opens a seeded journey, turns test mode on (the Test tab opens by itself), sends the three test profiles in; returns their emails by the path they suit. */
async function startTest(page: Page, workspaceId: string, name: string) {
  await page.goto("/demo/journeys");
  await page.getByRole("link", { name }).first().click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}$/);
  const journeyId = page.url().split("/").pop()!;
  await page.getByTestId("action-test-mode").click();
  await expect(page.getByTestId("panel-tab-test")).toHaveAttribute("aria-selected", "true");
  const testers = (await query<{ profiles: TTester[] }>(page, "journeys.testProfiles", { workspaceId, journeyId })).profiles;
  expect(testers).toHaveLength(3);
  for (const t of testers) await expect(page.getByTestId("test-profiles")).toContainText(t.note);
  await expect(page.getByTestId("test-profiles")).toContainText("push");
  await expect(page.getByTestId("not-in-audience")).toHaveCount(0);
  const boxes = page.getByTestId("test-profiles").locator("input[type=checkbox]");
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await page.getByTestId("send-test").click();
  await expect(page.getByTestId("test-run")).toHaveCount(3);
  const by = (prefix: string) => testers.find((t) => t.note.startsWith(prefix))!;
  return { journeyId, buyer: by("Opens, clicks").email, opener: by("Opens, never").email, ignorer: by("Never opens").email, clickerId: by("Opens, clicks").id };
}

const runOf = (page: Page, email: string) => page.getByTestId("test-run").filter({ hasText: email });
async function open(page: Page, email: string, at: string) {
  const run = runOf(page, email);
  await expect(run.getByTestId("test-run-at")).toHaveText(`at ${at}`, { timeout: 60_000 });
  if (!(await run.getByTestId("run-trace").isVisible())) await run.getByRole("button").first().click();
  return run;
}
async function finish(page: Page, email: string, passes: string[], avoids: string[]) {
  const run = runOf(page, email);
  await expect(run).toContainText("completed", { timeout: 60_000 });
  for (const step of passes) await expect(run.getByTestId("run-trace")).toContainText(step);
  for (const step of avoids) await expect(run.getByTestId("run-trace")).not.toContainText(step);
}

/** Every message the test runs got is in the Dev inbox: delivered, none failed. */
async function expectAllDelivered(page: Page, workspaceId: string, journeyId: string, count: number) {
  await expect.poll(async () => (await query<{ messages: { status: string }[] }>(page, "messages.list", { workspaceId, sourceType: "journey", sourceId: journeyId, limit: 100 })).messages.map((m) => m.status).sort().join(","), { timeout: 30_000 })
    .toBe(Array(count).fill("delivered").join(","));
}

test("the first hour: home page, every seeded journey path in test mode, a campaign in a workspace of one", async ({ page }) => {
  test.setTimeout(420_000);
  const workspaceId = await signInDemo(page);

  // Home: what the messages did, what runs, what comes next; activity in sentences, no ids.
  await expect(page.getByRole("heading", { name: /^Welcome, / })).toBeVisible();
  await expect(page.getByTestId("home-kpis")).toContainText("Messages sent");
  await expect(page.getByTestId("home-audiences")).toContainText("Gold members with email and mobile phone");
  await expect(page.getByTestId("home-campaigns")).toContainText("Password reset");
  await expect(page.getByTestId("home-activity")).toContainText("created the");
  expect(await page.getByTestId("home-activity").textContent()).not.toMatch(UUID);
  await page.getByTestId("home-period").getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/\?days=7$/);
  await shot(page, "first-hour-home");

  // Welcome journey: opens and buys -> thank-you push; opens, no purchase; never opens -> follow-up.
  const welcome = await startTest(page, workspaceId, "Welcome: email, then thank buyers");
  let run = await open(page, welcome.buyer, "Email opened?");
  await run.getByTestId("fire-opened").click();
  run = await open(page, welcome.buyer, "Wait for purchase");
  await expect(run.getByTestId("event-form")).toContainText('purchaseMessage == "thank you"');
  await expect(run.getByTestId("fire-field-purchaseMessage")).toHaveValue("thank you");
  // An event that is not the business event is stored, and the panel says why it did not count.
  await run.getByTestId("fire-field-purchaseMessage").fill("thanks");
  await run.getByTestId("fire-event").click();
  await expect(run.getByTestId("fire-answer")).toContainText('stored, but not a "purchase": purchaseMessage must equal "thank you"');
  await run.getByTestId("fire-field-purchaseMessage").fill("thank you");
  await run.getByTestId("fire-field-product").fill("Desk lamp");
  await run.getByTestId("fire-event").click();
  await finish(page, welcome.buyer, ["Thank you push"], ["Follow-up"]);
  await shot(page, "first-hour-welcome-buyer");
  run = await open(page, welcome.opener, "Email opened?");
  await run.getByTestId("fire-opened").click();
  run = await open(page, welcome.opener, "Wait for purchase");
  await run.getByTestId("skip-wait").click();
  await finish(page, welcome.opener, ["skipped"], ["Thank you push", "Follow-up"]);
  run = await open(page, welcome.ignorer, "Email opened?");
  await run.getByTestId("skip-wait").click();
  await finish(page, welcome.ignorer, ["Follow-up"], ["Thank you push"]);
  await expectAllDelivered(page, workspaceId, welcome.journeyId, 5);
  await shot(page, "first-hour-welcome-runs");
  await page.getByTestId("action-test-mode").click();
  await expect(page.getByTestId("action-test-mode")).toHaveAttribute("aria-pressed", "false");

  // Gold offer: clicks -> Engaged list; opens without a click -> SMS nudge; ignores -> reminder email.
  const gold = await startTest(page, workspaceId, "Gold offer: remind, text or reward");
  run = await open(page, gold.buyer, "Wait");
  await run.getByTestId("passed-message").filter({ hasText: "Offer email" }).getByTestId("passed-clicked").click();
  await expect(page.getByText("Recorded: clicked")).toBeVisible();
  await run.getByTestId("skip-wait").click();
  await finish(page, gold.buyer, ["Add to Engaged"], ["SMS nudge", "Reminder email"]);
  run = await open(page, gold.opener, "Wait");
  await run.getByTestId("passed-message").filter({ hasText: "Offer email" }).getByTestId("passed-opened").click();
  await expect(page.getByText("Recorded: opened")).toBeVisible();
  await run.getByTestId("skip-wait").click();
  await finish(page, gold.opener, ["SMS nudge"], ["Add to Engaged", "Reminder email"]);
  run = await open(page, gold.ignorer, "Wait");
  await run.getByTestId("skip-wait").click();
  await finish(page, gold.ignorer, ["Reminder email"], ["SMS nudge", "Add to Engaged"]);
  await expectAllDelivered(page, workspaceId, gold.journeyId, 5);
  await shot(page, "first-hour-gold-runs");
  // The clicker leaves the Engaged list again, as the demo had it (the seed specs count its members).
  const engaged = (await query<{ id: string; name: string }[]>(page, "audiences.list", { workspaceId })).find((a) => a.name === "Engaged")!;
  expect((await forgeMutation(page, "audiences.removeMembers", { workspaceId, audienceId: engaged.id, profiles: [gold.clickerId] })).status).toBe(200);
  await page.getByTestId("action-test-mode").click();
  await expect(page.getByTestId("action-test-mode")).toHaveAttribute("aria-pressed", "false");

  // Email design: a seeded template opens in the editor as it renders; a new email with two
  // columns and a saved footer is saved, and its preview is the saved email (e2e/email-design.ts).
  await designEmail(page, stamp);

  // A workspace of one: approval starts off, so its only member creates a campaign and sends it.
  await page.goto("/new-workspace");
  await page.getByLabel("Workspace name").fill(`Solo ${stamp}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: /^Welcome, / })).toBeVisible();
  const slug = new URL(page.url()).pathname.slice(1);
  const solo = (await query<{ id: string; slug: string }[]>(page, "workspaces.mine", undefined)).find((w) => w.slug === slug)!.id;
  const created = await page.request.post("/api/trpc/apiKeys.create", { data: { json: { workspaceId: solo, name: "site", kind: "write" } } });
  const key = (await created.json()).result.data.json.key as string;
  const people = ["Ines", "Kwame"].map((firstName) => ({ type: "identify", userId: `${firstName.toLowerCase()}-${stamp}`, traits: { email: `${firstName.toLowerCase()}.${stamp}@example.com`, firstName, city: "Lyon" } }));
  expect((await page.request.post("/v1/batch", { headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` }, data: { batch: people } })).status()).toBe(200);
  const rules = { kind: "group", combinator: "and", rules: [{ kind: "attribute", key: "city", op: "equals", value: "Lyon" }] };
  expect((await forgeMutation(page, "audiences.create", { workspaceId: solo, audience: { kind: "rules", name: "Lyon", rules } })).status).toBe(200);

  await page.goto(`/${slug}/campaigns/new`);
  await page.getByLabel("Campaign name").fill(`Hello Lyon ${stamp}`);
  const lyon = await page.getByLabel("Audience").locator("option", { hasText: "Lyon" }).getAttribute("value");
  await page.getByLabel("Audience").selectOption(lyon!);
  await page.getByLabel("Subject").fill("Bonjour {{ profile.firstName }}");
  await page.getByText("As soon as it is activated").click();
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(page.getByText("Campaign saved as a draft")).toBeVisible({ timeout: 30_000 });
  const [campaign] = await query<{ id: string }[]>(page, "campaigns.list", { workspaceId: solo });
  await page.goto(`/${slug}/campaigns/${campaign!.id}`);
  await expect(page.getByText("Approval is off in this workspace")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByTestId("campaign-status").first()).toHaveText("Completed", { timeout: 120_000 });
  await page.reload();
  await expect(page.getByTestId("count-delivered").getByTestId("count-value")).toHaveText("2");
  await shot(page, "first-hour-solo-campaign");
  // Its home page counts them, from the rollup.
  await page.goto(`/${slug}?days=7`);
  await expect(page.getByTestId("home-kpis")).toContainText("2 delivered");
  await expect(page.getByTestId("sent-chart")).toBeVisible();
  await shot(page, "first-hour-solo-home");
});
