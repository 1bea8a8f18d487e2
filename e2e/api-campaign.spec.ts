import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { forgeMutation, shot, signIn } from "./helpers";

test("an API-triggered campaign shows its curl, sends once per Idempotency-Key with the context values, and reports the status", async ({ page }) => {
  const run = Date.now().toString(36);
  const demo = JSON.parse(readFileSync(`${process.env.E2E_DATA_DIR ?? ".e2e-data"}/demo-sign-in.json`, "utf8")) as { email: string; password: string };
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/demo$/);
  const workspaceId = await page.evaluate(async () => ((await (await fetch("/api/trpc/workspaces.mine")).json()).result.data.json as { id: string; slug: string }[]).find((w) => w.slug === "demo")!.id);
  // The demo's only admin both creates and activates here: approval off for this test, back on after.
  expect((await forgeMutation(page, "campaigns.setApproval", { workspaceId, required: false })).status).toBe(200);
  try {
    await page.goto("/demo/campaigns/new");
    await page.getByLabel("Campaign name").fill(`Order shipped ${run}`);
    await page.getByLabel("How it is sent").selectOption("api");
    await page.getByLabel("Purpose").selectOption("transactional");
    await page.getByRole("button", { name: "Save campaign" }).click();
    await expect(page.getByRole("heading", { name: `Order shipped ${run}` })).toBeVisible();
    await page.getByRole("button", { name: "Activate" }).click();
    await expect(page.getByTestId("trigger-curl")).toContainText("/trigger");
    await expect(page.getByText("context.orderId")).toBeVisible();
    await shot(page, "api-campaign");
    const campaignId = /campaigns\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    const created = await page.request.post("/api/trpc/apiKeys.create", { data: { json: { workspaceId, name: `server ${run}`, kind: "secret" } } });
    const key = (await created.json()).result.data.json.key as string;
    const call = (context: Record<string, unknown>) =>
      page.request.post(`/api/v1/campaigns/${campaignId}/trigger`, {
        headers: { authorization: `Bearer ${key}`, "idempotency-key": `order-${run}` },
        data: { recipient: { email: `buyer-${run}@example.com`, attributes: { firstName: "Noor" } }, context },
      });
    const first = await call({ orderId: "A-17" });
    expect(first.status()).toBe(202);
    const { messageId } = (await first.json()) as { messageId: string };
    expect(await (await call({ orderId: "A-17" })).json()).toMatchObject({ messageId });
    expect((await page.request.post(`/api/v1/campaigns/${campaignId}/trigger`, { headers: { authorization: `Bearer ${key}` }, data: { recipient: { email: "x@example.com" }, context: {} } })).status()).toBe(400);

    const status = await page.request.get(`/api/v1/messages/${messageId}`, { headers: { authorization: `Bearer ${key}` } });
    expect(await status.json()).toMatchObject({ id: messageId, status: "delivered", recipient: `buyer-${run}@example.com` });
    await page.goto(`/demo/messages/${messageId}`);
    await expect(page.getByTestId("preview-subject")).toHaveText("Noor, your order is on its way");
    await expect(page.frameLocator('[data-testid="email-frame"]').getByText("Your order A-17 is on its way")).toBeVisible();
  } finally {
    await forgeMutation(page, "campaigns.setApproval", { workspaceId, required: true });
  }
});
