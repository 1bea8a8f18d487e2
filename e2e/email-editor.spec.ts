import { test } from "@playwright/test";
import { designEmail } from "./email-design";
import { signInDemo } from "./journey-helpers";

// The email-design part of the first hour on its own (first-hour.spec.ts runs it too).
test("an email is designed with columns and a saved footer, saved, and previewed as saved", async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signInDemo(page);
  await designEmail(page, Date.now().toString(36));
});
