import { expect, test } from "@playwright/test";
import { forgeMutation, shot, signUp } from "./helpers";

const stamp = Date.now().toString(36);
const admin = { name: "Alice Admin", email: `alice-${stamp}@example.com`, password: "alice-password-1" };
const teammate = { name: "Victor Viewer", email: `victor-${stamp}@example.com`, password: "victor-password-1" };

test("sign up, create a workspace, invite a member who becomes a viewer, manage API keys", async ({ page, browser, baseURL }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await shot(page, "sign-in");
  await page.getByRole("link", { name: "Create an account" }).click();
  await signUp(page, admin);

  await expect(page).toHaveURL(/\/new-workspace/);
  await page.getByLabel("Workspace name").fill(`Acme ${stamp}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Alice" })).toBeVisible();
  const slug = new URL(page.url()).pathname.slice(1);
  expect(slug).toBe(`acme-${stamp}`);

  // Invite a teammate as manager; the link is shown to the admin.
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Members" }).click();
  await page.getByRole("button", { name: "Invite" }).click();
  await page.getByRole("dialog").getByLabel("Email").fill(teammate.email);
  await page.getByRole("dialog").getByLabel("Role", { exact: true }).selectOption("manager");
  await page.getByRole("button", { name: "Create invite" }).click();
  const link = await page.getByTestId("copy-field-value").inputValue();
  expect(link).toContain("/invite/");
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText("Pending invites")).toBeVisible();

  // The teammate accepts in a second browser context.
  const other = await browser.newContext({ baseURL });
  const teammatePage = await other.newPage();
  await teammatePage.goto(link);
  await expect(teammatePage.getByRole("heading", { name: `Join Acme ${stamp}` })).toBeVisible();
  await teammatePage.getByRole("link", { name: "Create an account to join" }).click();
  await expect(teammatePage.getByLabel("Work email")).toHaveValue(teammate.email);
  await signUp(teammatePage, teammate);
  await teammatePage.getByRole("button", { name: "Accept invite" }).click();
  await expect(teammatePage.getByTestId("current-workspace")).toHaveText(`Acme ${stamp}`);

  // The admin makes them a viewer.
  await page.reload();
  await page.getByLabel(`Role of ${teammate.email}`).selectOption("viewer");
  await expect(page.getByText("Role changed")).toBeVisible();
  await shot(page, "settings-members");

  // The viewer sees no edit controls, and the server refuses a forged mutation.
  await teammatePage.goto(`/${slug}/settings/members`);
  await expect(teammatePage.getByTestId(`member-${teammate.email}`)).toContainText("Viewer");
  await expect(teammatePage.getByRole("button", { name: "Invite" })).toHaveCount(0);
  await expect(teammatePage.getByRole("button", { name: "Remove" })).toHaveCount(0);
  await expect(teammatePage.getByRole("link", { name: "API keys" })).toHaveCount(0);
  await teammatePage.goto(`/${slug}/settings`);
  await expect(teammatePage.getByLabel("Name")).toBeDisabled();
  await expect(teammatePage.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  const workspaceId = await page.evaluate(async (s) => {
    const res = await fetch(`/api/trpc/workspaces.mine`);
    const body = await res.json();
    return (body.result.data.json as { id: string; slug: string }[]).find((w) => w.slug === s)?.id;
  }, slug);
  const forged = await forgeMutation(teammatePage, "workspaces.update", { workspaceId, name: "Hacked" });
  expect(forged.status).toBe(403);
  const forgedInvite = await forgeMutation(teammatePage, "members.invite", { workspaceId, email: "x@example.com", role: "admin" });
  expect(forgedInvite.status).toBe(403);
  await other.close();

  // Create an API key, use it, revoke it.
  await page.goto(`/${slug}/settings/api-keys`);
  await page.getByRole("button", { name: "Create key" }).click();
  await page.getByLabel("Name").fill("Backend");
  await page.getByLabel("Kind").selectOption("secret");
  await page.getByRole("dialog").getByRole("button", { name: "Create key" }).click();
  const key = await page.getByTestId("copy-field-value").inputValue();
  expect(key).toMatch(/^pcs_/);
  await page.getByRole("button", { name: "I have copied it" }).click();
  const ok = await page.request.get("/api/v1/workspace", { headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).workspace.slug).toBe(slug);
  await shot(page, "settings-api-keys");

  page.once("dialog", (d) => void d.accept());
  await page.getByTestId("api-key-Backend").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("api-key-Backend")).toContainText("Revoked");
  const refused = await page.request.get("/api/v1/workspace", { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);

  await page.goto(`/${slug}/settings/audit-log`);
  await expect(page.getByRole("table").getByText("api-key.revoke")).toBeVisible();
  await expect(page.getByRole("table").getByText("member.role-change")).toBeVisible();
  await shot(page, "settings-audit-log");
  await page.goto(`/${slug}/settings`);
  await shot(page, "settings-general");
  await page.goto(`/${slug}`);
  await shot(page, "shell-overview");
});
