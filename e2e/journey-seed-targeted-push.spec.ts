import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { add, demo, node, optionValue, select, signInDemo, total } from "./journey-helpers";
import { forgeMutation, shot } from "./helpers";

// Seed 3 (Pushwoosh, targeted push): (a) an audience built from scratch in the audience builder
// (opened from the entry's side panel) -> push -> exit, published and watched; (b) a list
// imported from a CSV file -> push -> exit; (c) the imported list -> "in the segment?" split on
// the built audience -> push, all others -> exit, published: the imported profiles that are in
// the segment take the push path, the others leave. Nobody here has a push device, so the push
// itself fails: the path is what is checked, not the delivery.

const stamp = Date.now().toString(36);

async function newJourney(page: Page, name: string) {
  await page.goto("/demo/journeys");
  await page.getByTestId("new-journey").first().click();
  await page.getByRole("dialog").getByLabel("Name").fill(name);
  await page.getByTestId("create-journey").click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}$/);
  return page.url();
}

async function pushStep(page: Page, label: string, title: string) {
  await add(page, "palette-message-push", label);
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("textbox", { name: "Body" }).fill("{{ profile.firstName | default: \"Hi\" }}, Atlanta Gold members get early access this weekend.");
}

async function ready(page: Page, edges: number) {
  await page.getByTestId("canvas-layout").click();
  await expect(page.getByTestId("show-checks")).toHaveText(/Ready/);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(page.locator(".react-flow__edge")).toHaveCount(edges);
}

async function publish(page: Page, published: string[]) {
  published.push(page.url().split("/").pop()!);
  await page.getByTestId("action-publish").click();
  await expect(page.getByTestId("journey-status")).toContainText("Live", { timeout: 30_000 });
  await page.getByTestId("panel-tab-live").click();
}

async function stop(page: Page) {
  await page.getByTestId("action-stop").click();
  await expect(page.getByTestId("journey-status")).toContainText("Stopped", { timeout: 30_000 });
}

/** Three new people: two in Atlanta, Gold, born 1984 (the segment), one not. */
function peopleCsv() {
  const rows = [
    ["Email", "firstName", "city", "loyaltyTier", "birthYear"],
    [`push-${stamp}-1@example.com`, "Ines", "Atlanta", "Gold", "1984"],
    [`push-${stamp}-2@example.com`, "Kwame", "Atlanta", "Gold", "1984"],
    [`push-${stamp}-3@example.com`, "Lena", "Boston", "Silver", "1990"],
  ];
  const file = path.join(os.tmpdir(), `journey-push-${stamp}.csv`);
  writeFileSync(file, `${rows.map((r) => r.join(",")).join("\n")}\n`);
  return file;
}

test("seed 3: targeted push to a built audience, to an imported list, and split on a segment, live", async ({ page }) => {
  test.setTimeout(420_000);
  const workspaceId = await signInDemo(page);
  const segment = `Atlanta Gold 1984 ${stamp}`;
  const listName = `Push import ${stamp}`;
  const published: string[] = [];
  // The demo's only admin publishes here: approval off for this test, back on after.
  expect((await forgeMutation(page, "campaigns.setApproval", { workspaceId, required: false })).status).toBe(200);
  try {
    // (a) The entry's side panel opens the audience builder in a new tab.
    await newJourney(page, `Push to a built audience ${stamp}`);
    await add(page, "palette-entry_audience");
    const [builder] = await Promise.all([page.waitForEvent("popup"), page.getByRole("link", { name: "Build an audience" }).click()]);
    await expect(builder).toHaveURL(/\/demo\/audiences\/new$/);
    await builder.getByLabel("Name").fill(segment);
    const rows = builder.getByTestId("rule-row");
    const shown = async () => {
      const counter = builder.getByTestId("audience-count");
      if (!(await counter.isVisible()) || (await builder.getByTestId("preview-busy").count())) return null;
      return Number((await counter.innerText()).replace(/,/g, ""));
    };
    await rows.nth(0).getByLabel("Attribute").fill("city");
    await rows.nth(0).getByLabel("Operator").selectOption("equals");
    await rows.nth(0).getByLabel("Value").fill("Atlanta");
    await expect.poll(shown, { timeout: 20_000 }).toBeGreaterThan(500);
    const atlanta = (await shown())!;
    await builder.getByRole("button", { name: "Attribute" }).click();
    await rows.nth(1).getByLabel("Attribute").fill("loyaltyTier");
    await rows.nth(1).getByLabel("Operator").selectOption("equals");
    await rows.nth(1).getByLabel("Value").fill("Gold");
    await expect.poll(shown, { timeout: 20_000 }).toBeLessThan(atlanta);
    const gold = (await shown())!;
    await builder.getByRole("button", { name: "Attribute" }).click();
    await rows.nth(2).getByLabel("Attribute").fill("birthYear");
    await rows.nth(2).getByLabel("Operator").selectOption("equals");
    await rows.nth(2).getByLabel("Value").fill("1984");
    await expect.poll(shown, { timeout: 20_000 }).toBeLessThan(Math.min(gold, 30));
    const size = (await shown())!;
    expect(size).toBeGreaterThan(0);
    await expect(builder.getByTestId("audience-sample").getByRole("listitem").first()).toBeVisible();
    await shot(builder, "journey-seed3-audience-builder");
    await builder.getByRole("button", { name: "Create audience" }).click();
    await expect(builder.getByRole("heading", { name: segment })).toBeVisible();
    await expect(builder.getByTestId("audience-size")).toContainText(String(size));
    await builder.close();

    // Back in the journey: the new audience is offered once the page has the fresh list.
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
    await page.reload();
    await select(page, "Read audience");
    await page.getByTestId("field-audience").selectOption(await optionValue(page, "field-audience", segment));
    await expect(page.getByTestId("field-audience").locator("option:checked")).toHaveText(`${segment} (${size})`);
    await pushStep(page, "Early access push", "Early access for Atlanta Gold");
    await add(page, "palette-exit");
    await ready(page, 2);
    await shot(page, "journey-seed3-built-audience");
    await publish(page, published);
    await expect.poll(total(page, "entered"), { timeout: 60_000 }).toBe(size);
    await expect.poll(total(page, "completed"), { timeout: 60_000 }).toBe(size);
    await page.getByTestId("funnel-message_1").click();
    await expect(page.getByTestId("node-profiles").getByRole("listitem")).toHaveCount(size);
    await shot(page, "journey-seed3-built-audience-live");
    await stop(page);

    // (b) A list imported from a CSV file: three new people.
    await page.goto("/demo/audiences/import");
    await page.getByLabel("CSV file").setInputFiles(peopleCsv());
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await expect(page.getByLabel("Use of Email")).toHaveValue("identity");
    await expect(page.getByLabel("Identity of Email")).toHaveValue("email");
    // Attribute keys as the demo spells them (the guess is snake case).
    await page.getByLabel("Attribute key of loyaltyTier").fill("loyaltyTier");
    await page.getByLabel("Attribute key of birthYear").fill("birthYear");
    await page.getByLabel("Attribute key of firstName").fill("firstName");
    await expect(page.getByLabel("Type of birthYear")).toHaveValue("number");
    await page.getByLabel("New list").fill(listName);
    await page.getByRole("button", { name: "Start import" }).click();
    await expect(page).toHaveURL(/\/demo\/audiences\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("import-status")).toHaveText("completed", { timeout: 30_000 });
    await expect(page.getByTestId("rows-imported")).toHaveText("3");
    await page.getByTestId("import-audience-link").click();
    await expect(page.getByRole("heading", { name: listName })).toBeVisible();
    await expect(page.getByTestId("member-row")).toHaveCount(3);

    await newJourney(page, `Push to an imported list ${stamp}`);
    await add(page, "palette-entry_audience");
    await page.getByTestId("field-audience").selectOption(await optionValue(page, "field-audience", listName));
    await expect(page.getByTestId("field-audience").locator("option:checked")).toHaveText(`${listName} (3)`);
    await pushStep(page, "Welcome push", "Welcome to the club");
    await add(page, "palette-exit");
    await ready(page, 2);
    await shot(page, "journey-seed3-imported-list");

    // (c) The imported list, split on the built segment: members get the push, the others leave.
    await newJourney(page, `Push to the segment ${stamp}`);
    await add(page, "palette-entry_audience");
    await page.getByTestId("field-audience").selectOption(await optionValue(page, "field-audience", listName));
    await add(page, "palette-condition", "In the segment?");
    await page.getByTestId("field-branch-0-label").fill("In the segment");
    await expect(page.getByTestId("field-branch-0-type")).toHaveValue("audience");
    await page.getByTestId("field-branch-0-audience").selectOption(await optionValue(page, "field-branch-0-audience", segment));
    await pushStep(page, "Segment push", "Early access for Atlanta Gold");
    await add(page, "palette-exit");
    await select(page, "In the segment?");
    await add(page, "palette-exit");
    await ready(page, 4);
    await expect(page.getByTestId("output-label-condition_1-b1")).toHaveText("In the segment");
    await expect(page.getByTestId("output-label-condition_1-others")).toHaveText("All others");
    await shot(page, "journey-seed3-segment-split");

    await publish(page, published);
    await expect.poll(total(page, "entered"), { timeout: 60_000 }).toBe(3);
    await expect.poll(total(page, "completed"), { timeout: 60_000 }).toBe(3);
    await expect(page.getByTestId("funnel-condition_1")).toContainText("3");
    await expect(page.getByTestId("funnel-message_1")).toContainText("2");
    // The push step's profiles: the two segment members, and only them.
    await page.getByTestId("funnel-message_1").click();
    const atPush = page.getByTestId("node-profiles").getByRole("listitem");
    await expect(atPush).toHaveCount(2);
    await expect(page.getByTestId("node-profiles")).toContainText(`push-${stamp}-1@example.com`);
    await expect(page.getByTestId("node-profiles")).toContainText(`push-${stamp}-2@example.com`);
    await expect(page.getByTestId("node-profiles")).not.toContainText(`push-${stamp}-3@example.com`);
    // The split's profiles, each with the branch it took.
    await page.getByTestId("funnel-condition_1").click();
    const atSplit = (n: number) => page.getByTestId("node-profiles").getByRole("listitem").filter({ hasText: `push-${stamp}-${n}@example.com` });
    await expect(atSplit(1)).toContainText("In the segment");
    await expect(atSplit(2)).toContainText("In the segment");
    await expect(atSplit(3)).toContainText("All others");
    // One path on the canvas: the non-member went from the split straight to an exit.
    await atSplit(3).getByRole("button").click();
    await expect(page.getByTestId("run-trace")).toContainText("All others");
    await expect(page.getByTestId("run-trace")).not.toContainText("Segment push");
    await shot(page, "journey-seed3-segment-live");
    await atSplit(1).getByRole("button").click();
    await expect(page.getByTestId("run-trace")).toContainText("Segment push");
    await stop(page);
  } finally {
    // Whatever happened above: nothing of this test stays live, approval is back on.
    for (const journeyId of published) await forgeMutation(page, "journeys.stop", { workspaceId, journeyId }).catch(() => undefined);
    await forgeMutation(page, "campaigns.setApproval", { workspaceId, required: true });
  }
});
