import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

test("a business event is defined in the UI and matching track calls show up under it", async ({ page }) => {
  const demo = JSON.parse(readFileSync(`${process.env.E2E_DATA_DIR ?? ".e2e-data"}/demo-sign-in.json`, "utf8")) as { email: string; password: string };
  const run = Date.now().toString(36);
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/demo$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events" }).click();
  await expect(page.getByTestId("definition-purchase")).toContainText('purchaseMessage == "thank you"'); // seeded

  await page.getByRole("button", { name: "New event" }).click();
  await page.getByLabel("Event name").fill(`signup-${run}`);
  await page.getByLabel("Incoming track event").fill(`Signed Up ${run}`);
  await page.getByLabel("Condition").fill('plan == "pro"');
  await page.getByRole("button", { name: "Add field" }).click();
  await page.getByLabel("Field 1 name").fill("plan");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByTestId(`definition-signup-${run}`)).toBeVisible();

  const workspaceId = await page.evaluate(async () => {
    const body = await (await fetch("/api/trpc/workspaces.mine")).json();
    return (body.result.data.json as { id: string; slug: string }[]).find((w) => w.slug === "demo")!.id;
  });
  const created = await page.request.post("/api/trpc/apiKeys.create", { data: { json: { workspaceId, name: `events ${run}`, kind: "write" } } });
  const key = (await created.json()).result.data.json.key as string;
  const auth = { authorization: `Bearer ${key}` };
  const ok = await page.request.post("/api/v1/batch", {
    headers: auth,
    data: { batch: [{ type: "track", userId: `u-${run}`, event: `Signed Up ${run}`, properties: { plan: "pro" } }, { type: "track", userId: `u-${run}`, event: `Signed Up ${run}`, properties: { plan: "free" } }] },
  });
  expect(ok.status()).toBe(200);
  const bad = await page.request.post("/api/v1/track", { headers: auth, data: { userId: "x", event: "purchase", properties: { product: 3, purchaseId: "p", purchaseMessage: "thank you" } } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.path).toBe("properties.product");

  await page.reload();
  await page.getByTestId(`definition-signup-${run}`).click();
  await expect(page.getByTestId("definition-match")).toHaveCount(1);
  await expect(page.getByTestId(`definition-signup-${run}`)).toContainText("1 in 7 days");
  await shot(page, "events");

  // Business events reach journeys in batches: the Runs page shows the batch and its events.
  await page.goto("/demo/settings/runs");
  const batch = page.getByTestId("run-row").filter({ hasText: "journey.business-event" }).first();
  await expect(batch.getByTestId("run-batch-size")).toContainText(/batch of [1-9]/, { timeout: 15_000 });
  await shot(page, "settings-runs-batch");
  await batch.getByRole("link").click();
  await expect(page.getByText(/Trigger events \(a batch of [1-9]/)).toBeVisible();
  await shot(page, "settings-run-batch-detail");
});
