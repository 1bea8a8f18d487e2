import { expect, test, type Page } from "@playwright/test";
import { add, demo, expectReady, node, optionValue, select, sendTestProfiles, signInDemo } from "./journey-helpers";
import { forgeMutation, shot } from "./helpers";

// Seed 2 (Adobe Campaign, cross-channel workflow): read the audience "Gold members with email
// and mobile phone" -> offer email with a link -> wait 3 days -> split on what each profile did
// with the offer: clicked -> add to the "Engaged" list; opened -> SMS; all others -> reminder
// email. Built in the UI, tried in test mode along each branch (a click and an open recorded on
// the offer the runs already got), then submitted, published (slowly), live recipients taking
// each branch three (virtual) days after a click and an open once it is closed.

const stamp = Date.now().toString(36);

test("seed 2: cross-channel workflow, built on the canvas, tried along each branch, then live along each branch", async ({ page }) => {
  test.setTimeout(360_000);
  const workspaceId = await signInDemo(page);

  await page.goto("/demo/journeys");
  await page.getByTestId("new-journey").first().click();
  await page.getByRole("dialog").getByLabel("Name").fill(`Seed 2 ${stamp}`);
  await page.getByTestId("create-journey").click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}$/);
  const journeyUrl = page.url();

  // Entry: the Gold audience (734 profiles in the demo).
  await add(page, "palette-entry_audience");
  await page.getByTestId("field-audience").selectOption(await optionValue(page, "field-audience", "Gold members with email and mobile phone"));
  await expect(node(page, "Read audience").getByTestId("node-summary")).toContainText("Gold members");

  // The offer: a subject of its own; the body keeps the starter's "Shop the sale" link button.
  await add(page, "palette-message-email", "Offer email");
  await page.getByRole("textbox", { name: "Subject" }).fill('{{ profile.firstName | default: "Hi" }}, your Gold offer: 20% off');
  await expect(page.getByTestId("block-editor")).toContainText("Shop the sale");
  await page.getByTestId("block-editor").locator(".ProseMirror p").first().click();
  await page.keyboard.press("End");
  await page.keyboard.type(" As a Gold member, 20% off is yours this week.");
  await expect(page.getByTestId("block-editor")).toContainText("20% off is yours");

  await add(page, "palette-wait", "Wait 3 days");
  await page.getByTestId("field-duration-amount").fill("3");
  await expect(node(page, "Wait 3 days").getByTestId("node-summary")).toHaveText("For 3 days");

  // The split: clicked the offer, opened it, or neither ("All others").
  await add(page, "palette-condition", "What did they do?");
  await page.getByTestId("field-branch-0-label").fill("Clicked");
  await page.getByTestId("field-branch-0-type").selectOption("message");
  await page.getByTestId("field-branch-0-message").selectOption(await optionValue(page, "field-branch-0-message", "Offer email"));
  await page.getByTestId("field-branch-0-behaviour").selectOption("clicked");
  await page.getByTestId("add-branch").click();
  await page.getByTestId("field-branch-1-label").fill("Opened");
  await page.getByTestId("field-branch-1-type").selectOption("message");
  await page.getByTestId("field-branch-1-message").selectOption(await optionValue(page, "field-branch-1-message", "Offer email"));
  await page.getByTestId("field-branch-1-behaviour").selectOption("opened");
  await expect(page.getByTestId("output-label-condition_1-b1")).toHaveText("Clicked");
  await expect(page.getByTestId("output-label-condition_1-b2")).toHaveText("Opened");
  await expect(page.getByTestId("output-label-condition_1-others")).toHaveText("All others");

  // Each branch, in the split's output order, then an exit after each.
  await add(page, "palette-list", "Add to Engaged");
  await page.getByTestId("field-list").selectOption(await optionValue(page, "field-list", "Engaged"));
  await add(page, "palette-exit");
  await select(page, "What did they do?");
  await add(page, "palette-message-sms", "SMS nudge");
  await page.getByRole("textbox", { name: "Text" }).fill('{{ profile.firstName | default: "Hi" }}, your Gold offer ends soon: https://shop.example/gold');
  await add(page, "palette-exit");
  await select(page, "What did they do?");
  await add(page, "palette-message-email", "Reminder email");
  await page.getByRole("textbox", { name: "Subject" }).fill("Reminder: your Gold offer ends soon");
  await add(page, "palette-exit");

  await expectReady(page, 9);
  await shot(page, "journey-seed2-canvas");

  // Test mode: the three test profiles all go in and wait at the 3-day wait.
  await sendTestProfiles(page);
  for (let i = 0; i < 3; i++) await expect(page.getByTestId("test-run").nth(i).getByTestId("test-run-at")).toHaveText("at Wait 3 days", { timeout: 60_000 });

  // Runs are named by the profile's email or external id; the rows are addressed by that name.
  const labels = await page.getByTestId("test-run").locator("button span.truncate").allInnerTexts();
  expect(new Set(labels).size).toBe(3);
  const [a, b, c] = labels as [string, string, string];
  const run = (label: string) => page.getByTestId("test-run").filter({ hasText: label });
  const open = async (label: string) => {
    if (!(await run(label).getByTestId("run-trace").isVisible())) await run(label).getByRole("button").first().click();
    await expect(run(label).getByTestId("run-trace")).toBeVisible();
  };

  // A clicked the offer, B opened it, C did nothing; each then skips the 3 days.
  await open(a);
  await run(a).getByTestId("passed-message").filter({ hasText: "Offer email" }).getByTestId("passed-clicked").click();
  await expect(page.getByText("Recorded: clicked")).toBeVisible();
  await shot(page, "journey-seed2-test-fire-click");
  await run(a).getByTestId("skip-wait").click();
  await expect(run(a)).toContainText("completed", { timeout: 30_000 });
  await expect(run(a).getByTestId("run-trace")).toContainText("Clicked");
  await expect(run(a).getByTestId("run-trace")).toContainText("Add to Engaged");
  await expect(run(a).getByTestId("run-trace")).toContainText("added");
  await expect(run(a).getByTestId("run-trace")).not.toContainText("SMS nudge");
  await shot(page, "journey-seed2-test-clicked");

  await open(b);
  await run(b).getByTestId("passed-message").filter({ hasText: "Offer email" }).getByTestId("passed-opened").click();
  await expect(page.getByText("Recorded: opened")).toBeVisible();
  await run(b).getByTestId("skip-wait").click();
  await expect(run(b)).toContainText("completed", { timeout: 30_000 });
  await expect(run(b).getByTestId("run-trace")).toContainText("Opened");
  await expect(run(b).getByTestId("run-trace")).toContainText("SMS nudge");
  await expect(run(b).getByTestId("run-trace")).not.toContainText("Add to Engaged");

  await open(c);
  await run(c).getByTestId("skip-wait").click();
  await expect(run(c)).toContainText("completed", { timeout: 30_000 });
  await expect(run(c).getByTestId("run-trace")).toContainText("All others");
  await expect(run(c).getByTestId("run-trace")).toContainText("Reminder email");
  await expect(run(c).getByTestId("run-trace")).not.toContainText("SMS nudge");
  await shot(page, "journey-seed2-test-runs");

  // A (and only A) is now on the Engaged list.
  const testers = await page.evaluate(async (ws) => {
    const input = encodeURIComponent(JSON.stringify({ json: { workspaceId: ws, testOnly: true, limit: 50 } }));
    const body = await (await fetch(`/api/trpc/profiles.list?input=${input}`)).json();
    return body.result.data.json.profiles as { id: string; identities: { namespace: string; value: string }[] }[];
  }, workspaceId);
  const idOf = (label: string) => testers.find((p) => p.identities.some((i) => i.value === label) || p.id === label)!.id;
  await page.goto("/demo/audiences");
  await page.getByTestId("audience-row").filter({ hasText: "Engaged" }).getByRole("link", { name: "Engaged", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Engaged", exact: true })).toBeVisible();
  const member = (label: string) => page.getByTestId("member-row").filter({ has: page.locator(`a[href$="/profiles/${idOf(label)}"]`) });
  await expect(member(a)).toHaveCount(1);
  await expect(member(b)).toHaveCount(0);
  await expect(member(c)).toHaveCount(0);
  await shot(page, "journey-seed2-engaged-list");
  // Leave the list as the demo had it.
  await member(a).getByRole("button", { name: "Remove" }).click();
  await expect(member(a)).toHaveCount(0);

  // Test mode off, a slow entry rate, then review: submitted, but the admin cannot approve their own.
  await page.goto(journeyUrl);
  await page.getByTestId("action-test-mode").click();
  await expect(page.getByTestId("action-test-mode")).toHaveAttribute("aria-pressed", "false");
  await page.getByTestId("show-settings").click();
  await page.getByTestId("settings-rate").fill("2");
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await page.getByTestId("action-submit").click();
  await expect(page.getByTestId("journey-status")).toContainText("In review");
  await expect(page.getByTestId("awaiting-review")).toBeVisible();
  await expect(page.getByTestId("action-approve")).toHaveCount(0);
  await expect(page.getByTestId("action-publish")).toHaveCount(0);

  // Approval off for the demo's only admin, published: Gold members enter (2 a second) and get
  // the offer; one clicks its link, one opens it; closed, three days later each takes its branch.
  expect((await forgeMutation(page, "campaigns.setApproval", { workspaceId, required: false })).status).toBe(200);
  const journeyId = journeyUrl.split("/").pop()!;
  const query = async (path: string, input: unknown) => (await (await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)).json()).result.data.json;
  const inCount = async (title: string) => Number((await node(page, title).getByTestId("node-stats").textContent())?.match(/([\d,]+) in/)?.[1]?.replace(/,/g, "") ?? 0);
  let clicker: string | null = null;
  try {
    await page.reload();
    await page.getByTestId("action-publish").click();
    await expect(page.getByTestId("journey-status")).toContainText("Live", { timeout: 30_000 });
    await page.getByTestId("panel-tab-live").click();
    await expect.poll(async () => Number((await page.getByTestId("total-entered").textContent())?.replace(/,/g, "")), { timeout: 60_000 }).toBeGreaterThan(1);
    await expect(node(page, "Offer email").getByTestId("node-stats")).toContainText("sent", { timeout: 60_000 });
    let sent: { id: string; profileId: string; isTest: boolean }[] = [];
    const live = async () => ((await query("messages.list", { workspaceId, sourceType: "journey", sourceId: journeyId, status: "delivered", limit: 50 })).messages as typeof sent).filter((m) => !m.isTest);
    await expect.poll(async () => (sent = await live()).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
    const htmlOf = async (m: { id: string }) => String((await query("messages.get", { workspaceId, messageId: m.id })).content.html);
    // The first recipient clicks "Shop the sale" (a tracked link: recorded, then redirected); the second opens.
    const link = /\/t\/c\/[A-Za-z0-9._~-]+/.exec(await htmlOf(sent[0]!))![0];
    expect((await page.request.get(link, { maxRedirects: 0 })).status()).toBeGreaterThanOrEqual(300);
    clicker = sent[0]!.profileId;
    const pixel = /\/t\/o\/[A-Za-z0-9._~-]+/.exec(await htmlOf(sent[1]!))![0];
    expect((await page.request.get(pixel)).status()).toBe(200);
    await expect(page.getByTestId("funnel-wait_1")).toContainText("waiting", { timeout: 60_000 });
    await shot(page, "journey-seed2-live");

    // Closed: no one else enters, the profiles inside finish their way. Three days later (+7d)
    // the clicker is on the Engaged list, the opener got the SMS, every other one the reminder.
    await page.getByTestId("action-close").click();
    await expect(page.getByTestId("journey-status")).toContainText("Closed", { timeout: 30_000 });
    await page.getByTestId("advance-7d").click();
    const entered = async () => Number((await page.getByTestId("total-entered").textContent())?.replace(/,/g, ""));
    await expect.poll(async () => [await inCount("Add to Engaged"), await inCount("SMS nudge"), (await inCount("Reminder email")) + 2 - (await entered())], { timeout: 120_000 }).toEqual([1, 1, 0]);
    expect(await inCount("Reminder email")).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId("total-active")).toHaveText("0", { timeout: 30_000 });
    const engaged = ((await query("audiences.list", { workspaceId })) as { id: string; name: string }[]).find((a) => a.name === "Engaged")!;
    expect(JSON.stringify(await query("audiences.members", { workspaceId, audienceId: engaged.id }))).toContain(clicker);
    await shot(page, "journey-seed2-live-branches");
  } finally {
    // Whatever happened above: nothing of this test stays live, approval is back on.
    await forgeMutation(page, "journeys.stop", { workspaceId, journeyId }).catch(() => undefined);
    // The live clicker leaves the Engaged list, as the demo had it.
    if (clicker) {
      const engaged = ((await query("audiences.list", { workspaceId })) as { id: string; name: string }[]).find((a) => a.name === "Engaged")!;
      await forgeMutation(page, "audiences.removeMembers", { workspaceId, audienceId: engaged.id, profiles: [clicker] });
    }
    await forgeMutation(page, "campaigns.setApproval", { workspaceId, required: true });
  }
});
