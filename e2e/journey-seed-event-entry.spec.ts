import { expect, test, type Page } from "@playwright/test";
import { add, demo, node, optionValue, signInDemo, total } from "./journey-helpers";
import { forgeMutation, shot } from "./helpers";

// Seed 4 (entered by a business event): each "purchase" (track "purchase" with purchaseMessage
// "thank you") -> email "Thanks for buying {{ event.product }}" -> wait a day -> email "How do
// you like it?" -> exit; a "refund" (a business event created here) takes the buyer out; no
// re-entry. Published, then driven by track calls through the public API and a day of time travel.

const stamp = Date.now().toString(36);

type TProfile = { id: string; isTest: boolean; identities: { namespace: string; value: string }[] };
const identity = (p: TProfile, ns: string) => p.identities.find((i) => i.namespace === ns)?.value;

test("seed 4: a journey entered by a business event, left on a refund, never entered twice", async ({ page }) => {
  test.setTimeout(360_000);
  const workspaceId = await signInDemo(page);
  const journeyName = `Seed 4 ${stamp}`;
  const refund = `refund-${stamp}`;

  // The exit event, defined on the Events page.
  await page.goto("/demo/events");
  await page.getByRole("button", { name: "New event" }).click();
  await page.getByLabel("Event name").fill(refund);
  await page.getByLabel("Incoming track event").fill(refund);
  await page.getByRole("button", { name: "Add field" }).click();
  await page.getByLabel("Field 1 name").fill("purchaseId");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByTestId(`definition-${refund}`)).toBeVisible();

  // The journey: purchase -> thank-you email -> a day -> feedback email -> exit.
  await page.goto("/demo/journeys");
  await page.getByTestId("new-journey").first().click();
  await page.getByRole("dialog").getByLabel("Name").fill(journeyName);
  await page.getByTestId("create-journey").click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}$/);
  const journeyId = page.url().split("/").pop();
  await add(page, "palette-entry_event");
  await page.getByTestId("field-definition").selectOption(await optionValue(page, "field-definition", "purchase"));
  await expect(node(page, "Business event").getByTestId("node-summary")).toContainText("purchase");
  await add(page, "palette-message-email", "Thank-you email");
  await page.getByRole("textbox", { name: "Subject" }).fill("Thanks for buying {{ event.product }}");
  await add(page, "palette-wait", "Wait a day");
  await expect(node(page, "Wait a day").getByTestId("node-summary")).toHaveText("For 1 day");
  await add(page, "palette-message-email", "Feedback email");
  await page.getByRole("textbox", { name: "Subject" }).fill("How do you like it?");
  await add(page, "palette-exit");
  await page.getByTestId("canvas-layout").click();
  await expect(page.getByTestId("show-checks")).toHaveText(/Ready/);

  // Settings: leave on a refund; once per profile.
  await page.getByTestId("show-settings").click();
  await expect(page.getByTestId("settings-reentry")).toHaveValue("never");
  await page.getByTestId(`settings-exit-${refund}`).check();
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(page.locator(".react-flow__edge")).toHaveCount(4);
  await shot(page, "journey-seed4-canvas");

  // Three known demo customers (not test profiles), by their external id.
  const list = await page.evaluate(async (ws) => {
    const input = encodeURIComponent(JSON.stringify({ json: { workspaceId: ws, search: "user_", filters: [{ key: "email", op: "exists" }], limit: 50 } }));
    return (await (await fetch(`/api/trpc/profiles.list?input=${input}`)).json()).result.data.json.profiles as TProfile[];
  }, workspaceId);
  const customers = list.filter((p) => !p.isTest && identity(p, "email") && /^user_\d+$/.test(identity(p, "external_id") ?? ""));
  expect(customers.length).toBeGreaterThanOrEqual(3);
  const [keeper, refunder, pending] = customers as [TProfile, TProfile, TProfile];
  const userId = (p: TProfile) => identity(p, "external_id")!;

  const created = await page.request.post("/api/trpc/apiKeys.create", { data: { json: { workspaceId, name: `seed 4 ${stamp}`, kind: "write" } } });
  const key = (await created.json()).result.data.json.key as string;
  const track = async (p: TProfile, event: string, properties: Record<string, unknown>) => {
    const res = await page.request.post("/api/v1/track", { headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` }, data: { userId: userId(p), event, properties } });
    expect(res.status(), await res.text()).toBe(200);
  };

  expect((await forgeMutation(page, "campaigns.setApproval", { workspaceId, required: false })).status).toBe(200);
  try {
    await page.reload();
    await page.getByTestId("action-publish").click();
    await expect(page.getByTestId("journey-status")).toContainText("Live", { timeout: 30_000 });
    await page.getByTestId("panel-tab-live").click();
    await expect(page.getByTestId("total-entered")).toHaveText("0");

    // Two purchases that are the business event, one that is not (payment pending).
    await track(keeper, "purchase", { product: "Desk lamp", purchaseId: `k-${stamp}`, purchaseMessage: "thank you" });
    await track(refunder, "purchase", { product: "Reading chair", purchaseId: `r-${stamp}`, purchaseMessage: "thank you" });
    await track(pending, "purchase", { product: "Bookshelf", purchaseId: `p-${stamp}`, purchaseMessage: "payment pending" });
    await expect.poll(total(page, "entered"), { timeout: 60_000 }).toBe(2);
    await expect(page.getByTestId("funnel-wait_1")).toContainText("2 waiting", { timeout: 60_000 });
    await expect(node(page, "Thank-you email").getByTestId("node-stats")).toContainText("2 sent", { timeout: 30_000 });
    await shot(page, "journey-seed4-live-waiting");

    // The refund takes its buyer out at once; a day later the other one gets the feedback email.
    await track(refunder, refund, { purchaseId: `r-${stamp}` });
    await expect.poll(total(page, "exited"), { timeout: 60_000 }).toBe(1);
    await page.getByTestId("advance-1d").click();
    await expect.poll(total(page, "completed"), { timeout: 60_000 }).toBe(1);
    await expect(page.getByTestId("total-active")).toHaveText("0");
    await expect(node(page, "Feedback email").getByTestId("node-stats")).toContainText("1 sent", { timeout: 30_000 });
    await shot(page, "journey-seed4-live-done");

    // The same buyer again: never enters twice.
    await track(keeper, "purchase", { product: "Desk lamp", purchaseId: `k2-${stamp}`, purchaseMessage: "thank you" });
    await page.waitForTimeout(5_000);
    await expect(page.getByTestId("total-entered")).toHaveText("2");

    // The profile pages: the path each one took.
    const runOn = (p: Page) => p.getByTestId("profile-journeys").getByRole("listitem").filter({ has: p.getByRole("link", { name: journeyName }) });
    await page.goto(`/demo/profiles/${keeper.id}`);
    await expect(runOn(page)).toHaveCount(1);
    await expect(runOn(page)).toContainText("completed");
    await expect(runOn(page)).toContainText("Thank-you email");
    await expect(runOn(page)).toContainText("Feedback email");
    await shot(page, "journey-seed4-profile-keeper");
    await page.goto(`/demo/profiles/${refunder.id}`);
    await expect(runOn(page)).toHaveCount(1);
    await expect(runOn(page)).toContainText("exited");
    await expect(runOn(page)).toContainText("Thank-you email");
    await expect(runOn(page)).not.toContainText("Feedback email");
    await page.goto(`/demo/profiles/${pending.id}`);
    await expect(page.getByTestId("profile-journeys")).toBeVisible();
    await expect(page.getByTestId("profile-journeys").getByRole("link", { name: journeyName })).toHaveCount(0);

    // The Messages page: both emails to the keeper, with the product in the first.
    await page.goto("/demo/messages");
    const rows = page.getByTestId("message-row");
    const searchFor = async (p: TProfile) => {
      await page.getByLabel("Search recipient").fill(identity(p, "email")!);
      await expect(rows.filter({ hasNotText: identity(p, "email")! })).toHaveCount(0);
    };
    await searchFor(keeper);
    await expect(rows.filter({ hasText: "Thanks for buying" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Thanks for buying" })).toContainText("Thanks for buying Desk lamp");
    await expect(rows.filter({ hasText: "How do you like it?" })).toHaveCount(1);
    await shot(page, "journey-seed4-messages");
    await searchFor(refunder);
    await expect(rows.filter({ hasText: "Thanks for buying" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Thanks for buying" })).toContainText("Thanks for buying Reading chair");
    await expect(rows.filter({ hasText: "How do you like it?" })).toHaveCount(0);

    // Stopped at the end: no one else enters on a purchase.
    await page.goto("/demo/journeys");
    await page.getByTestId("journey-row").filter({ hasText: journeyName }).getByRole("link").first().click();
    await page.getByTestId("action-stop").click();
    await expect(page.getByTestId("journey-status")).toContainText("Stopped", { timeout: 30_000 });
  } finally {
    // Whatever happened above: nothing of this test stays live, approval is back on.
    await forgeMutation(page, "journeys.stop", { workspaceId, journeyId }).catch(() => undefined);
    await forgeMutation(page, "campaigns.setApproval", { workspaceId, required: true });
  }
});
