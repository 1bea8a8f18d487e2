import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";

// What the journey specs share: the demo sign-in, and driving the canvas by step titles.

export const demo = () => JSON.parse(readFileSync(`${process.env.E2E_DATA_DIR ?? ".e2e-data"}/demo-sign-in.json`, "utf8")) as { email: string; password: string };

/** A node on the canvas by its title. */
export const node = (page: Page, title: string) => page.locator("[data-node-id]").filter({ has: page.getByTestId("node-title").getByText(title, { exact: true }) });

/** Fits the canvas (click-to-add pans it), then selects the step titled `title`. */
export async function select(page: Page, title: string) {
  await page.getByTestId("canvas-fit").click();
  await node(page, title).click();
  await expect(page.getByTestId("node-panel")).toBeVisible();
}

/** Click-to-add from the palette (below the selected step, wired from its first free output), optionally named. */
export async function add(page: Page, palette: string, label?: string) {
  await page.getByTestId(palette).click();
  if (label) await page.getByTestId("field-label").fill(label);
}

/** The value of the option named exactly `name` (options read "name", "name (count)" or "name (id)"). */
export async function optionValue(page: Page, testId: string, name: string) {
  const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\(.*\\))?$`);
  const option = page.getByTestId(testId).locator("option").filter({ hasText: exact });
  await expect(option).toHaveCount(1);
  return (await option.getAttribute("value"))!;
}

/** A Live-tab total (entered, active, completed, exited) as a number. */
export const total = (page: Page, key: string) => async () => Number((await page.getByTestId(`total-${key}`).textContent())?.replace(/,/g, ""));

/** Signs in as the demo admin (accepting confirm dialogs) and returns the demo workspace id. */
export async function signInDemo(page: Page): Promise<string> {
  page.on("dialog", (d) => void d.accept());
  const { email, password } = demo();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/demo$/);
  return page.evaluate(async () => ((await (await fetch("/api/trpc/workspaces.mine")).json()).result.data.json as { id: string; slug: string }[]).find((w) => w.slug === "demo")!.id);
}

/** The canvas is complete: tidied, Ready, saved, with this many connections. */
export async function expectReady(page: Page, edges: number) {
  await page.getByTestId("canvas-layout").click();
  await expect(page.getByTestId("show-checks")).toHaveText(/Ready/);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(page.locator(".react-flow__edge")).toHaveCount(edges);
}

/** Test mode on, the three demo test profiles sent in. */
export async function sendTestProfiles(page: Page) {
  await page.getByTestId("action-test-mode").click();
  await expect(page.getByTestId("action-test-mode")).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("panel-tab-test").click();
  const boxes = page.getByTestId("test-profiles").locator("input[type=checkbox]");
  await expect(boxes).toHaveCount(3);
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await page.getByTestId("send-test").click();
  await expect(page.getByTestId("test-run")).toHaveCount(3);
}
