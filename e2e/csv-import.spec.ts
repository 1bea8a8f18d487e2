import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

function demoSignIn() {
  return JSON.parse(readFileSync(`${process.env.E2E_DATA_DIR ?? ".e2e-data"}/demo-sign-in.json`, "utf8")) as { email: string; password: string };
}

/** 50 people, two of them bad: row 11 has no email, row 31 an unreadable age. */
function peopleCsv(run: string): string {
  const lines = ["Email,First name,Age,VIP,Signed up"];
  for (let i = 1; i <= 50; i++) {
    const email = i === 10 ? "" : `csv-${run}-${i}@example.com`;
    const age = i === 30 ? "thirty" : String(20 + i);
    lines.push(`${email},"Person ${i}",${age},${i % 2 ? "yes" : "no"},2025-03-${String((i % 28) + 1).padStart(2, "0")}`);
  }
  const file = path.join(os.tmpdir(), `csv-import-${run}.csv`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

test("a CSV is uploaded, mapped and imported with a progress bar, its error rows, and a new list", async ({ page }) => {
  const run = Date.now().toString(36);
  const demo = demoSignIn();
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/demo$/);
  await page.goto("/demo/audiences/import");

  await page.getByLabel("CSV file").setInputFiles(peopleCsv(run));
  await shot(page, "csv-import-upload");
  await page.getByRole("button", { name: "Upload and preview" }).click();

  // The server guessed the identity column and the types.
  await expect(page.getByLabel("Use of Email")).toHaveValue("identity");
  await expect(page.getByLabel("Identity of Email")).toHaveValue("email");
  await expect(page.getByLabel("Type of Age")).toHaveValue("number");
  await expect(page.getByLabel("Type of VIP")).toHaveValue("boolean");
  await expect(page.getByLabel("Type of Signed up")).toHaveValue("date");
  await expect(page.getByTestId("csv-preview").getByRole("row")).toHaveCount(11);
  const listName = `CSV people ${run}`;
  await page.getByLabel("New list").fill(listName);
  await shot(page, "csv-import-mapping");

  // Without an identity column the server refuses the mapping, naming it.
  await page.getByLabel("Use of Email").selectOption("skip");
  await page.getByRole("button", { name: "Start import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "identifies the profile" })).toBeVisible();
  await page.getByLabel("Use of Email").selectOption("identity");
  await page.getByRole("button", { name: "Start import" }).click();

  await expect(page).toHaveURL(/\/demo\/audiences\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
  await expect(page.getByTestId("import-status")).toHaveText("completed", { timeout: 30_000 });
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("rows-imported")).toHaveText("48");
  await expect(page.getByTestId("rows-failed")).toHaveText("2");
  const errorRows = page.getByTestId("import-errors").locator("tbody tr");
  await expect(errorRows).toHaveCount(2);
  await expect(errorRows.nth(0)).toContainText('"Email" is empty');
  await expect(errorRows.nth(1)).toContainText('"Age" is not a number: thirty');
  await shot(page, "csv-import-progress");

  const download = page.getByRole("link", { name: "Download errors (CSV)" });
  const csv = await (await page.request.get((await download.getAttribute("href"))!)).text();
  expect(csv.split("\r\n")[0]).toBe("row,error,Email,First name,Age,VIP,Signed up");
  expect(csv).toContain(`31,"""Age"" is not a number: thirty",csv-${run}-30@example.com`);

  await page.getByTestId("import-audience-link").click();
  await expect(page).toHaveURL(/\/demo\/audiences\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: listName })).toBeVisible();

  // The import stays reachable from the import page.
  await page.goto("/demo/audiences/import");
  await expect(page.getByRole("row").filter({ hasText: listName })).toContainText("completed");
});
