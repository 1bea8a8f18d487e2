import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startReceiver } from "../server/webhooks/test-receiver";
import { shot, signIn } from "./helpers";

test("an admin adds a webhook endpoint, sends a signed test event, replays it, and sets the API rate limit", async ({ page }) => {
  let secret = "";
  const receiver = await startReceiver(() => secret);
  try {
    const demo = JSON.parse(readFileSync(`${process.env.E2E_DATA_DIR ?? ".e2e-data"}/demo-sign-in.json`, "utf8")) as { email: string; password: string };
    await signIn(page, demo.email, demo.password);
    await expect(page).toHaveURL(/\/demo$/);
    await page.goto("/demo/settings/webhooks");
    await page.getByRole("button", { name: "Add endpoint" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("URL").fill("http://169.254.169.254/latest/meta-data");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(dialog.getByText("does not send to private")).toBeVisible({ timeout: 30_000 });

    await dialog.getByLabel("URL").fill(receiver.url);
    await dialog.getByLabel("Description").fill("e2e receiver");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(dialog.getByText("Copy the signing secret")).toBeVisible();
    secret = await dialog.locator("input[readonly]").inputValue();
    expect(secret).toMatch(/^whsec_/);
    await dialog.getByRole("button", { name: "I have copied it" }).click();

    const card = page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url });
    await card.getByRole("button", { name: "Send test event" }).click();
    await expect(card.getByTestId("webhook-delivery").first()).toContainText("succeeded");
    await expect.poll(() => receiver.received.map((r) => r.type)).toEqual(["webhook.test"]);
    await shot(page, "settings-webhooks");

    await card.getByTestId("webhook-delivery").first().getByRole("button", { name: "Replay" }).click();
    await expect.poll(() => receiver.received.length).toBe(2);
    expect(receiver.received[1]!.id).toBe(receiver.received[0]!.id);
    expect(receiver.state.rejected).toBe(0);

    await page.getByLabel("Requests per key").fill("0");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("requestsPerWindow must be at least 1")).toBeVisible();
    await page.getByLabel("Requests per key").fill("5000");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Rate limit saved")).toBeVisible();
  } finally {
    await receiver.close();
  }
});
