import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { shot, signIn } from "./helpers";

function demoSignIn() {
  return JSON.parse(readFileSync(`${process.env.E2E_DATA_DIR ?? ".e2e-data"}/demo-sign-in.json`, "utf8")) as { email: string; password: string };
}

const previewFrame = (page: Page) => page.frameLocator('iframe[title="Email preview"]');

test("an email template is designed, refused with a bad merge tag, saved, previewed on desktop and mobile, and sent as a test", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  const demo = demoSignIn();
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/demo$/);
  await page.getByRole("link", { name: "Templates" }).click();
  await expect(page.getByRole("heading", { name: "Templates", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "New email template" }).click();

  // The starter content renders for the first profile, with the sample context.
  await expect(previewFrame(page).locator("h1")).toContainText(/Hello \S+/);
  await expect(previewFrame(page).locator("body")).toContainText("A-1042");
  await expect(page.getByTestId("block-editor")).toContainText("Shop the sale");

  await page.getByLabel("Name").fill(`Order shipped ${Date.now().toString(36)}`);
  const subject = page.getByRole("textbox", { name: "Subject" });
  await subject.fill("Hi {{ profil.firstName }}");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText('Unknown merge tag root "profil"').first()).toBeVisible();
  await expect(subject).toHaveAttribute("aria-invalid", "true");

  await subject.fill('{{ profile.firstName | default: "Hi" }}, it ships today');
  await page.getByTestId("block-editor").locator(".ProseMirror p").last().click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Thanks!");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/demo\/templates\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Version 1")).toBeVisible();
  await expect(previewFrame(page).locator("body")).toContainText("Thanks!");
  await expect(page.getByTestId("preview-subject")).toContainText("it ships today");
  await shot(page, "templates-email-desktop");

  await page.getByRole("button", { name: "mobile" }).click();
  await expect(page.locator('iframe[title="Email preview"]')).toHaveAttribute("style", /width: 375px/);
  await shot(page, "templates-email-mobile");

  await page.getByRole("button", { name: "Send test to me" }).click();
  await expect(page.getByTestId("test-message-link")).toBeVisible();
  await page.getByTestId("test-message-link").click();
  await expect(page).toHaveURL(/\/demo\/messages\/[0-9a-f-]{36}$/);
  await expect(page.getByText(demo.email).first()).toBeVisible();

  await page.goto("/demo/templates");
  await expect(page.getByTestId("templates-email")).toContainText("Order shipped");
  await shot(page, "templates-list");
});

test("push and SMS templates preview on a phone, and SMS counts its segments", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  const demo = demoSignIn();
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/demo$/);

  await page.goto("/demo/templates/new?kind=push");
  await expect(page.getByTestId("push-preview")).toContainText(/Hi \S+/);
  await page.getByRole("textbox", { name: "Body" }).fill("Your order {{ context.orderId }} is out for delivery 🚚");
  await expect(page.getByTestId("push-preview")).toContainText("A-1042 is out for delivery");
  await shot(page, "templates-push");

  await page.goto("/demo/templates/new?kind=sms");
  const text = page.getByRole("textbox", { name: "Text" });
  await text.fill("a".repeat(160));
  await expect(page.getByTestId("sms-segments").first()).toContainText("GSM-7");
  await expect(page.getByTestId("sms-segments").first()).toContainText("1 segment");
  await text.fill(`${"a".repeat(60)} 😀`);
  await expect(page.getByTestId("sms-segments").first()).toContainText("UCS-2");
  await text.fill('Hi {{ profile.firstName | default: "there" }}, order {{ context.orderId }} ships today. Reply STOP to opt out.');
  await expect(page.getByTestId("sms-preview")).toContainText("order A-1042 ships today");
  await page.getByLabel("Name").fill(`Ship SMS ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Version 1")).toBeVisible();
  await shot(page, "templates-sms");
});
