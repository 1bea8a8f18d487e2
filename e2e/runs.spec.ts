import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

test("an admin runs a maintenance function and follows its run", async ({ page }) => {
  const demo = JSON.parse(readFileSync(`${process.env.E2E_DATA_DIR ?? ".e2e-data"}/demo-sign-in.json`, "utf8")) as { email: string; password: string };
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/demo$/);
  await page.goto("/demo/settings/runs");
  await expect(page.getByText("maintenance.prune-sign-in-failures").first()).toBeVisible();
  await page.getByRole("button", { name: "Run now" }).click();
  const row = page.getByTestId("run-row").first();
  await expect(row).toContainText("completed", { timeout: 15_000 });
  await expect(page.getByTestId("runs-completed")).toContainText(/[1-9]/); // other demo work (imports, campaigns) may have completed runs too
  await shot(page, "settings-runs");
  await row.getByRole("link").click();
  await expect(page.getByText("delete-expired", { exact: true })).toBeVisible();
  await expect(page.getByText('"removed"')).toBeVisible();
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByText("Started a new run")).toBeVisible();
  await expect(page.getByRole("heading", { name: /maintenance.prune-sign-in-failures/ })).toContainText("completed", { timeout: 15_000 });
  await shot(page, "settings-run-detail");
});
