import { expect, test, type Page } from "@playwright/test";
import { demo, expectReady, sendTestProfiles, signInDemo } from "./journey-helpers";
import { forgeMutation, shot } from "./helpers";

// Seed 1 (Journey Optimizer): read the audience "Atlanta, San Francisco or Seattle, born after
// 1980" -> email "first message" -> reaction "opened" within a day -> wait for the purchase
// event -> push "thank you"; timeout -> email "follow-up". Built in the UI, validated, tried
// in test mode along each path, then published and watched live.

const stamp = Date.now().toString(36);

async function select(page: Page, testId: string, nth = 0) {
  await page.getByTestId("canvas-fit").click();
  await page.getByTestId(testId).nth(nth).click();
}

async function addAfter(page: Page, testId: string | null, palette: string, label?: string) {
  if (testId) await select(page, testId);
  await page.getByTestId(palette).click();
  if (label) await page.getByTestId("field-label").fill(label);
}

/** A test run's row, found by its profile (the list is newest first; profiles sent together may swap). */
function runOf(page: Page, label: string) {
  return page.getByTestId("test-run").filter({ has: page.locator("button span", { hasText: label }) });
}

test("seed 1: multi-channel with reactions, built on the canvas, tested along every path, then live", async ({ page }) => {
  test.setTimeout(300_000);
  const workspaceId = await signInDemo(page);

  await page.goto("/demo/journeys");
  await page.getByTestId("new-journey").first().click();
  await page.getByRole("dialog").getByLabel("Name").fill(`Seed 1 ${stamp}`);
  await page.getByTestId("create-journey").click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}$/);

  // Read audience -> first message -> reaction (opened, 1 day).
  await page.getByTestId("palette-entry_audience").click();
  const atlanta = await page.getByTestId("field-audience").locator("option", { hasText: "Atlanta" }).getAttribute("value");
  await page.getByTestId("field-audience").selectOption(atlanta!);
  await addAfter(page, null, "palette-message-email", "First message");
  await page.getByRole("textbox", { name: "Subject" }).fill('{{ profile.firstName | default: "Hello" }}, our new collection');
  await addAfter(page, null, "palette-reaction", "Email opened?");
  await expect(page.getByTestId("field-reaction-type")).toHaveValue("opened");
  await page.getByTestId("field-timeout-amount").fill("1");
  await page.getByTestId("field-timeout-unit").selectOption("days");

  // Opened: wait for the purchase (rule-based business event) -> thank-you push -> exit.
  await addAfter(page, null, "palette-wait_event", "Wait for purchase");
  const purchase = await page.getByTestId("field-definition").locator("option", { hasText: "purchase" }).first().getAttribute("value");
  await page.getByTestId("field-definition").selectOption(purchase!);
  await page.getByTestId("field-timeout-amount").fill("3");
  await addAfter(page, null, "palette-message-push", "Thank you push");
  await page.getByRole("textbox", { name: "Title" }).fill("Thank you {{ profile.firstName }}!");
  await page.getByRole("textbox", { name: "Body" }).fill("Enjoy your {{ event.product }}.");
  await addAfter(page, null, "palette-exit");
  // Purchase timeout -> exit.
  await select(page, "node-wait_event");
  await page.getByTestId("palette-exit").click();
  // Not opened within a day -> follow-up email -> exit.
  await select(page, "node-reaction");
  await page.getByTestId("palette-message-email").click();
  await page.getByTestId("field-label").fill("Follow-up");
  await page.getByRole("textbox", { name: "Subject" }).fill("Did you see our new collection?");
  await page.getByTestId("palette-exit").click();
  await expectReady(page, 8);
  await shot(page, "journey-seed1-canvas");

  // Test mode: three test profiles; one opens and buys, one opens and does not, one never opens.
  await sendTestProfiles(page);
  for (let i = 0; i < 3; i++) await expect(page.getByTestId("test-run").nth(i)).toContainText("Email opened?", { timeout: 60_000 });
  const labels = await page.getByTestId("test-run").locator("button > span:first-child").allTextContents();

  // Run 1: opened, then the purchase with its payload -> thank-you push.
  let run = runOf(page, labels[0]!);
  await run.getByRole("button").first().click();
  await run.getByTestId("fire-opened").click();
  await expect(run).toContainText("Wait for purchase", { timeout: 30_000 });
  // The form is the purchase definition's: prefilled so that it matches (purchaseMessage "thank you").
  await expect(run.getByTestId("fire-field-purchaseMessage")).toHaveValue("thank you");
  await run.getByTestId("fire-field-product").fill("Desk lamp");
  await run.getByTestId("fire-field-purchaseId").fill(`o-${stamp}`);
  await run.getByTestId("fire-event").click();
  await expect(run).toContainText("completed", { timeout: 30_000 });
  await expect(run.getByTestId("run-trace")).toContainText("Thank you push");
  await expect(page.locator("[data-emphasis='highlighted']")).toHaveCount(6);
  await shot(page, "journey-seed1-test-path");

  // Run 2: opened, no purchase: skip the purchase wait -> its timeout path.
  run = runOf(page, labels[1]!);
  await run.getByRole("button").first().click();
  await run.getByTestId("fire-opened").click();
  await expect(run).toContainText("Wait for purchase", { timeout: 30_000 });
  await run.getByTestId("skip-wait").click();
  await expect(run).toContainText("completed", { timeout: 30_000 });
  await expect(run.getByTestId("run-trace")).toContainText("skipped");
  await expect(run.getByTestId("run-trace")).not.toContainText("Thank you push");

  // Run 3: never opens: skip to the reaction's timeout -> follow-up email.
  run = runOf(page, labels[2]!);
  await run.getByRole("button").first().click();
  await run.getByTestId("skip-wait").click();
  await expect(run).toContainText("completed", { timeout: 30_000 });
  await expect(run.getByTestId("run-trace")).toContainText("Follow-up");
  await shot(page, "journey-seed1-test-runs");

  // Test messages are test messages: none counts in the live numbers.
  await page.getByTestId("action-test-mode").click();
  await expect(page.getByTestId("action-test-mode")).toHaveAttribute("aria-pressed", "false");

  // Live, on the seed audience, slowly: 2 profiles/s, watched on the canvas, then stopped.
  expect((await forgeMutation(page, "campaigns.setApproval", { workspaceId, required: false })).status).toBe(200);
  try {
    await page.reload();
    await expect(page.getByTestId("action-publish")).toBeVisible();
    await page.getByTestId("show-settings").click();
    await page.getByTestId("settings-rate").fill("2");
    await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
    await page.getByTestId("action-publish").click();
    await expect(page.getByTestId("journey-status")).toContainText("Live", { timeout: 30_000 });
    await page.getByTestId("panel-tab-live").click();
    await expect.poll(async () => Number((await page.getByTestId("total-entered").textContent())?.replace(/,/g, "")), { timeout: 60_000 }).toBeGreaterThan(1);
    await expect(page.getByTestId("node-message").filter({ hasText: "First message" }).getByTestId("node-stats")).toContainText("sent", { timeout: 60_000 });
    // One live recipient opens the first email (its real open pixel); a day later the others take the timeout path.
    const journeyId = page.url().split("/").pop()!;
    const query = async (path: string, input: unknown) => (await (await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)).json()).result.data.json;
    const sent = (await query("messages.list", { workspaceId, sourceType: "journey", sourceId: journeyId, status: "delivered", limit: 5 })).messages as { id: string }[];
    const opened = await query("messages.get", { workspaceId, messageId: sent[0]!.id });
    const pixel = /\/t\/o\/[A-Za-z0-9._~-]+/.exec(String(opened.content.html))![0];
    expect((await page.request.get(pixel)).status()).toBe(200);
    await expect(page.getByTestId("node-wait_event").getByTestId("node-stats")).toContainText("1 waiting", { timeout: 30_000 });
    await page.getByTestId("advance-1d").click();
    await expect.poll(async () => Number((await page.getByTestId("node-message").filter({ hasText: "Follow-up" }).getByTestId("node-stats").textContent())?.match(/(\d+) in/)?.[1] ?? 0), { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
    await expect(page.getByTestId("node-wait_event").getByTestId("node-stats")).toContainText("1 waiting");
    await shot(page, "journey-seed1-live");
    await page.getByTestId("action-stop").click();
    await expect(page.getByTestId("journey-status")).toContainText("Stopped", { timeout: 30_000 });
  } finally {
    await forgeMutation(page, "campaigns.setApproval", { workspaceId, required: true });
  }
});
