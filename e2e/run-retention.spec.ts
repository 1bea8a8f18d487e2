import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

test("an admin sets how long finished runs are kept; the Runs page says it", async ({ page }) => {
  const demo = JSON.parse(readFileSync(`${process.env.E2E_DATA_DIR ?? ".e2e-data"}/demo-sign-in.json`, "utf8")) as { email: string; password: string };
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/demo$/);
  await page.goto("/demo/settings");
  const days = page.getByLabel("Keep finished runs (days)");
  await expect(days).toHaveValue(/^\d+$/, { timeout: 30_000 }); // 30 on a fresh database
  const chosen = (await days.inputValue()) === "14" ? "21" : "14";
  await days.fill("400");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("days must be at most 365")).toBeVisible();
  await shot(page, "settings-run-retention-invalid");
  await days.fill(chosen);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(`Finished runs are kept ${chosen} days`)).toBeVisible();
  await days.scrollIntoViewIfNeeded();
  await shot(page, "settings-run-retention");

  await page.goto("/demo/settings/runs");
  await expect(page.getByTestId("runs-retention")).toContainText(`kept ${chosen} days`);
  await expect(page.getByText("maintenance.prune-runs").first()).toBeVisible();
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByTestId("run-row").first()).toContainText("completed", { timeout: 15_000 });
  await expect(page.getByTestId("runs-completed")).toContainText(/[1-9]/);
  await shot(page, "settings-runs-retention");
});
