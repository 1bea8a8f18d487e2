import { expect, type Page } from "@playwright/test";

export const SCREENSHOTS = "test-results/screenshots";

export async function signUp(page: Page, user: { name: string; email: string; password: string }) {
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Work email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** POST a tRPC mutation from inside the page, with the page's own session cookie. */
export async function forgeMutation(page: Page, path: string, input: unknown) {
  return page.evaluate(
    async ({ path, input }) => {
      const res = await fetch(`/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
      return { status: res.status, body: await res.text() };
    },
    { path, input },
  );
}

export async function shot(page: Page, name: string) {
  await expect(page.locator("body")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
