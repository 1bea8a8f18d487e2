import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

// The deterministic demo population (server/setup/demo-population.ts) holds exactly this many
// profiles living in Atlanta, San Francisco or Seattle and born after 1980
// (DEMO_RULE_AUDIENCES in server/setup/demo-audiences.ts, checked by its integration test).
const SEED_WEST_AND_SOUTH_AFTER_1980 = 1335;

function demoSignIn() {
  return JSON.parse(readFileSync(`${process.env.E2E_DATA_DIR ?? ".e2e-data"}/demo-sign-in.json`, "utf8")) as { email: string; password: string };
}

test("the seed audience is built in the UI with a live count, saved, and listed", async ({ page }) => {
  const run = Date.now().toString(36);
  const demo = demoSignIn();
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/demo$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audiences" }).click();
  await page.getByRole("link", { name: "New audience" }).first().click();

  await page.getByLabel("Name").fill(`Seed cities after 1980 ${run}`);
  const rows = page.getByTestId("rule-row");
  await rows.nth(0).getByLabel("Attribute").fill("city");
  await rows.nth(0).getByLabel("Operator").selectOption("one_of");
  await rows.nth(0).getByLabel("Values").fill("Atlanta, San Francisco, Seattle");
  const shown = async () => {
    const counter = page.getByTestId("audience-count");
    if (!(await counter.isVisible()) || (await page.getByTestId("preview-busy").count())) return null;
    return Number((await counter.innerText()).replace(/,/g, ""));
  };
  await expect.poll(shown).toBeGreaterThan(0);
  const cityCount = (await shown())!;

  await page.getByRole("button", { name: "Attribute" }).click();
  await rows.nth(1).getByLabel("Attribute").fill("birthYear");
  await rows.nth(1).getByLabel("Operator").selectOption("gt");
  await rows.nth(1).getByLabel("Value").fill("1980");
  await expect.poll(shown).toBeLessThan(cityCount);
  const count = (await shown())!;
  expect(count).toBeGreaterThan(0);
  expect(count).toBe(SEED_WEST_AND_SOUTH_AFTER_1980);
  await expect(page.getByTestId("audience-sample").getByRole("listitem").first()).toBeVisible();
  await shot(page, "audience-builder");

  await page.getByRole("button", { name: "Create audience" }).click();
  await expect(page.getByRole("heading", { name: `Seed cities after 1980 ${run}` })).toBeVisible();
  await expect(page.getByTestId("audience-size")).toContainText(count.toLocaleString("en-US"));
  await expect(page.getByTestId("member-row").first()).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audiences" }).click();
  const listed = page.getByTestId("audience-row").filter({ hasText: `Seed cities after 1980 ${run}` });
  await expect(listed).toContainText(count.toLocaleString("en-US"));
  await shot(page, "audiences-list");
});

test("a static list gets members by email and loses them again", async ({ page }) => {
  const run = Date.now().toString(36);
  const demo = demoSignIn();
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/demo$/);
  await page.goto("/demo/audiences");
  await page.getByRole("button", { name: "New list" }).first().click();
  await page.getByLabel("Name").fill(`Engaged ${run}`);
  await page.getByRole("button", { name: "Create list" }).click();
  await expect(page.getByRole("heading", { name: `Engaged ${run}` })).toBeVisible();

  await page.getByLabel("Add profiles").fill("nobody-at-all@example.com");
  await page.getByRole("button", { name: /to list/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "nobody-at-all@example.com" })).toBeVisible();

  const profilesPage = await page.request.get("/api/trpc/profiles.list?input=" + encodeURIComponent(JSON.stringify({ json: { workspaceId: await workspaceId(page), limit: 2 } })));
  const someone = (await profilesPage.json()).result.data.json.profiles[0] as { id: string };
  await page.getByLabel("Add profiles").fill(someone.id);
  await page.getByRole("button", { name: /to list/ }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  await expect(page.getByTestId("audience-size")).toContainText("1");
  await shot(page, "static-list");
  await page.getByTestId("member-row").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(0);
});

async function workspaceId(page: import("@playwright/test").Page): Promise<string> {
  return page.evaluate(async () => {
    const body = await (await fetch("/api/trpc/workspaces.mine")).json();
    return (body.result.data.json as { id: string; slug: string }[]).find((w) => w.slug === "demo")!.id;
  });
}

// The demo admin is also the instance operator here (PARCOURS_OPERATORS in playwright.config.ts):
// the indexes are on the profiles table every workspace shares.
test("the operator indexes the seed rule's attributes; the seed count is unchanged, then the indexes go", async ({ page }) => {
  const demo = demoSignIn();
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/demo$/);
  await page.goto("/demo/settings");
  const card = page.getByTestId("indexed-attributes");
  await expect(card.getByRole("heading", { name: "Indexed attributes" })).toBeVisible();
  for (const [key, type] of [["city", "string"], ["birthYear", "number"]] as const) {
    await card.getByLabel("Attribute").fill(key);
    await card.getByLabel("Type").selectOption(type);
    await card.getByRole("button", { name: "Index", exact: true }).click();
    await expect(card.getByTestId("indexed-attribute").filter({ hasText: key })).toBeVisible();
  }
  await expect(card.getByTestId("indexed-attribute").filter({ hasText: "ready" })).toHaveCount(2, { timeout: 60_000 });
  await shot(page, "indexed-attributes");

  const count = await page.evaluate(async () => {
    const workspaces = (await (await fetch("/api/trpc/workspaces.mine")).json()).result.data.json as { id: string; slug: string }[];
    const rules = { kind: "group", combinator: "and", rules: [
      { kind: "attribute", key: "city", op: "one_of", values: ["Atlanta", "San Francisco", "Seattle"] },
      { kind: "attribute", key: "birthYear", op: "gt", value: 1980 },
    ] };
    const input = encodeURIComponent(JSON.stringify({ json: { workspaceId: workspaces.find((w) => w.slug === "demo")!.id, rules } }));
    return (await (await fetch(`/api/trpc/audiences.preview?input=${input}`)).json()).result.data.json.count as number;
  });
  expect(count).toBe(SEED_WEST_AND_SOUTH_AFTER_1980);

  for (const key of ["city", "birthYear"]) {
    await card.getByTestId("indexed-attribute").filter({ hasText: key }).getByRole("button", { name: "Remove" }).click();
  }
  await expect(card.getByTestId("indexed-attribute")).toHaveCount(0, { timeout: 60_000 });
});
