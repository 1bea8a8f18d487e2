import { expect, test } from "@playwright/test";
import { signIn, signUp } from "./helpers";

test("wrong password, duplicate email and bad fields get clear messages", async ({ page }) => {
  const email = `dup-${Date.now().toString(36)}@example.com`;
  await page.goto("/sign-up");
  await signUp(page, { name: "", email: "not-an-email", password: "short" });
  await expect(page.getByRole("alert").filter({ hasText: "Name is required" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "valid email" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "at least 8" })).toBeVisible();

  await signUp(page, { name: "Dup", email, password: "long enough 1" });
  await expect(page).toHaveURL(/new-workspace/);
  await page.getByLabel("Workspace name").fill("   ");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Name is required" })).toBeVisible();

  const other = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL });
  const second = await other.newPage();
  await second.goto("/sign-up");
  await signUp(second, { name: "Dup", email, password: "long enough 2" });
  await expect(second.getByRole("alert").filter({ hasText: "already exists" })).toBeVisible();

  await signIn(second, email, "wrong password");
  await expect(second.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await other.close();
});

test("the demo admin printed at start-up can sign in", async ({ page }) => {
  const { readFileSync } = await import("node:fs");
  const demo = JSON.parse(readFileSync(`${process.env.E2E_DATA_DIR ?? ".e2e-data"}/demo-sign-in.json`, "utf8")) as { email: string; password: string };
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/demo$/);
  await expect(page.getByTestId("current-workspace")).toHaveText("Demo");
});

test("an invalid invite link says so", async ({ page }) => {
  await page.goto("/invite/not-a-real-token");
  await expect(page.getByRole("heading", { name: "Invite unavailable" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "invalid" })).toBeVisible();
});
