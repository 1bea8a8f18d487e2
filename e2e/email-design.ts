import { expect, type Page } from "@playwright/test";
import { shot } from "./helpers";

const previewFrame = (page: Page) => page.frameLocator('iframe[title="Email preview"]');

/**
 * The first hour's email design (issue 26 B): a seeded template and a seeded journey email open
 * in the editor as they render; a new email gets two columns and a footer saved as a reusable
 * block, then inserted from "Reusable blocks"; after Save the preview shows exactly the saved email,
 * personalized for the chosen profile (no "Hello there" fallback), also after a reload.
 */
export async function designEmail(page: Page, stamp: string) {
  await page.goto("/demo/templates");
  for (const name of ["Welcome", "Newsletter: spring edit", "Order confirmation", "Win-back: 15% off"]) await expect(page.getByTestId("templates-email")).toContainText(name);
  await expect(page.getByTestId("templates-sms")).toContainText("Order shipped");
  await page.getByRole("link", { name: "Welcome", exact: true }).click();
  const editor = page.getByTestId("block-editor");
  await expect(editor.locator(".merge-tag-chip").first()).toContainText("firstName");
  await expect(editor).toContainText("Follow your city");
  await expect(previewFrame(page).locator("body")).toContainText("Follow your city");
  await shot(page, "email-editor-seeded-template");

  await page.goto("/demo/templates/new?kind=email");
  await expect(editor.locator(".ProseMirror")).toBeVisible();
  await page.getByLabel("Name").fill(`Columns and footer ${stamp}`);
  // Two columns after the starter's last paragraph, each with its own text.
  const lastParagraph = editor.locator(".ProseMirror p", { hasText: "Not interested any more?" });
  await lastParagraph.click();
  await page.keyboard.press("End");
  await page.getByRole("button", { name: "2 columns" }).click();
  const cells = editor.locator(".ProseMirror [data-type='column']");
  await expect(cells).toHaveCount(2);
  await cells.nth(0).locator("p").first().click();
  await page.keyboard.type(`Left side ${stamp}`);
  await cells.nth(1).locator("p").first().click();
  await page.keyboard.type(`Right side ${stamp}`);

  // A footer section made reusable, removed, then put back (at the bottom) from Reusable blocks.
  await lastParagraph.click();
  await page.keyboard.press("End");
  await page.getByRole("button", { name: "Section" }).click();
  await page.keyboard.type(`Footer ${stamp} · 1 Main St`);
  await page.getByRole("button", { name: "Make reusable" }).click();
  await page.getByLabel("Block name").fill(`Footer ${stamp}`);
  await page.getByLabel("Kind").selectOption("footer");
  await page.getByRole("button", { name: "Add to reusable blocks" }).click();
  await expect(page.getByText(`"Footer ${stamp}" is now a reusable block`)).toBeVisible();
  await page.getByRole("button", { name: "Delete block" }).click();
  await expect(editor).not.toContainText(`Footer ${stamp}`);
  await page.getByRole("button", { name: "Reusable blocks" }).click();
  await page.getByRole("menuitem", { name: new RegExp(`Footer ${stamp}`) }).click();
  await expect(editor.locator(".ProseMirror [data-type='section']").last()).toContainText(`Footer ${stamp} · 1 Main St`);
  await shot(page, "email-editor-designed");

  // Previewed as a demo customer with a first name (the most recent profile may be another spec's, without one).
  const workspaceId = await page.evaluate(async () => ((await (await fetch("/api/trpc/workspaces.mine")).json()).result.data.json as { id: string; slug: string }[]).find((w) => w.slug === "demo")!.id);
  const found = await page.request.get(`/api/trpc/profiles.list?input=${encodeURIComponent(JSON.stringify({ json: { workspaceId, search: "user_00007", limit: 1 } }))}`);
  const customer = (await found.json()).result.data.json.profiles[0] as { id: string };
  await page.getByLabel("Search profiles").fill("user_00007");
  await page.getByLabel("Preview as").selectOption(customer.id);
  await expect(previewFrame(page).locator("h1")).not.toContainText("Hello there");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/demo\/templates\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Version 1")).toBeVisible();
  const body = previewFrame(page).locator("body");
  for (const text of [`Left side ${stamp}`, `Right side ${stamp}`, `Footer ${stamp} · 1 Main St`]) await expect(body).toContainText(text);
  // Previewed as a real profile, as before the save: never the "there" fallback.
  await expect(previewFrame(page).locator("h1")).not.toContainText("Hello there");
  // The two columns are two cells of one table row in the email.
  await expect(body.locator("td[data-id='__react-email-column']", { hasText: new RegExp(`(Left|Right) side ${stamp}`) })).toHaveCount(2);
  await shot(page, "email-editor-saved-preview");
  await page.reload();
  await expect(editor).toContainText(`Right side ${stamp}`);
  await expect(editor).toContainText(`Footer ${stamp} · 1 Main St`);
  await expect(previewFrame(page).locator("body")).toContainText(`Footer ${stamp} · 1 Main St`);
  await expect(previewFrame(page).locator("h1")).not.toContainText("Hello there");
}
