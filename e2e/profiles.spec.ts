import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

test("events sent with a write key show up on profiles; a profile is exported and deleted", async ({ page }) => {
  const demo = JSON.parse(readFileSync(`${process.env.E2E_DATA_DIR ?? ".e2e-data"}/demo-sign-in.json`, "utf8")) as { email: string; password: string };
  const run = Date.now().toString(36); // retries and reruns get their own profiles
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/demo$/);
  const workspaceId = await page.evaluate(async () => {
    const body = await (await fetch("/api/trpc/workspaces.mine")).json();
    return (body.result.data.json as { id: string; slug: string }[]).find((w) => w.slug === "demo")!.id;
  });
  const created = await page.request.post("/api/trpc/apiKeys.create", { data: { json: { workspaceId, name: "e2e web", kind: "write" } } });
  const key = (await created.json()).result.data.json.key as string;
  const auth = { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` };
  const batch = await page.request.post("/v1/batch", {
    headers: auth,
    data: {
      batch: [
        { type: "identify", userId: `ada-${run}`, traits: { email: `ada.${run}@example.com`, firstName: "Ada", city: `Seattle ${run}`, birthYear: 1986 } },
        { type: "track", userId: `ada-${run}`, event: "purchase", properties: { product: "Shoes", purchaseId: `p-${run}`, purchaseMessage: "thank you" } },
        { type: "identify", userId: `bob-${run}`, traits: { email: `bob.${run}@example.com`, city: `Atlanta ${run}` } },
      ],
    },
  });
  expect(batch.status()).toBe(200);
  const bad = await page.request.post("/api/v1/track", { headers: auth, data: { userId: "x" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.path).toBe("event");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profiles" }).click();
  await page.getByLabel("Search profiles").fill(run);
  await expect(page.getByTestId("profile-row")).toHaveCount(2);
  await page.getByLabel("Search profiles").fill(`seattle ${run}`);
  await expect(page.getByTestId("profile-row")).toHaveCount(1);
  await page.getByLabel("Search profiles").fill(run);
  await page.getByLabel("Attribute", { exact: true }).selectOption("city");
  await page.getByLabel("Value").fill(`Atlanta ${run}`);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("profile-row")).toHaveCount(1);
  await expect(page.getByTestId("profile-row")).toContainText(`bob.${run}@example.com`);
  await page.getByRole("button", { name: "Remove filter on city" }).click();
  await expect(page.getByTestId("profile-row")).toHaveCount(2);
  await shot(page, "profiles-list");

  await page.getByRole("link", { name: "Ada" }).click();
  await expect(page.getByRole("heading", { name: "Ada" })).toBeVisible();
  await expect(page.getByTestId("timeline-event")).toHaveCount(2);
  await expect(page.getByText("purchase", { exact: true })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export JSON" }).click();
  const file = await (await download).path();
  expect(JSON.parse(readFileSync(file, "utf8")).events).toHaveLength(2);
  await shot(page, "profile-detail");

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete profile" }).click();
  await expect(page).toHaveURL(/\/demo\/profiles$/);
  await page.getByLabel("Search profiles").fill(run);
  await expect(page.getByTestId("profile-row")).toHaveCount(1);
});
