import { expect, test } from "@playwright/test";
import { shot } from "./helpers";
import { signInDemo } from "./journey-helpers";

// A recipient's walk through the preference center, from an email in the Dev inbox: the
// unsubscribe link opens the page in the workspace's name, with the demo's email topics
// (Newsletter and Product updates opt-out, Offers opt-in); a change is saved and kept.

test("an email's unsubscribe link opens the preference center, where a topic is changed and saved", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInDemo(page);

  // A test email of the starter content (it has an "Unsubscribe" link), personalized as a demo profile.
  const subject = `Preferences ${Date.now().toString(36)}`;
  await page.goto("/demo/templates/new?kind=email");
  await page.getByRole("textbox", { name: "Subject" }).fill(subject);
  await page.getByRole("button", { name: "Send test to me" }).click();
  await expect(page.getByTestId("test-message-link")).toBeVisible({ timeout: 30_000 });

  // The Dev inbox shows it; its unsubscribe link is the signed /t/u/ link.
  await page.goto("/demo/messages/inbox");
  await page.getByTestId("inbox-item").filter({ hasText: subject }).first().click();
  const email = page.frameLocator('[data-testid="email-frame"]');
  const unsubscribe = email.getByRole("link", { name: "Unsubscribe", exact: true }).first();
  await expect(unsubscribe).toBeVisible();
  const href = await unsubscribe.getAttribute("href");
  expect(href).toMatch(/\/t\/u\/[^/]+$/);

  // The recipient follows it: no sign-in needed, the page names the workspace.
  await page.context().clearCookies();
  await page.goto(href!);
  await expect(page).toHaveURL(/\/unsubscribe\//);
  await expect(page.getByRole("heading", { name: "Your emails from Demo" })).toBeVisible();
  const offers = page.getByRole("checkbox", { name: "Offers", exact: true });
  const newsletter = page.getByRole("checkbox", { name: "Newsletter", exact: true });
  await expect(newsletter).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Product updates", exact: true })).toBeChecked();
  await expect(offers).not.toBeChecked();
  await shot(page, "preference-center");

  await offers.check();
  await newsletter.uncheck();
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Your preferences are saved.")).toBeVisible();

  // The choice is kept: the page shows it again.
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Offers", exact: true })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Newsletter", exact: true })).not.toBeChecked();

  // A link that is not genuine shows nothing of anyone.
  await page.goto(`${href!.replace(/\/t\/u\/.*/, "")}/unsubscribe/not-a-token`);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
});
