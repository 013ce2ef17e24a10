import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

export type Account = { name: string; email: string; password: string };

let counter = 0;
export function newAccount(label = "designer"): Account {
  counter += 1;
  const id = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  return { name: `${label[0].toUpperCase()}${label.slice(1)} ${id}`, email: `${label}-${id}@example.com`, password: "correct horse battery" };
}

/** Signs up through the real form and waits for the personal workspace. Returns its id. */
export async function signUp(page: Page, account: Account): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return new URL(page.url()).pathname.split("/")[2];
}

export async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}

/** `newPage()`: a page in a fresh browser profile (own cookies), closed after the test. */
export const test = base.extend<{ newPage: () => Promise<Page> }>({
  newPage: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext();
      contexts.push(context);
      return context.newPage();
    });
    for (const c of contexts) await c.close();
  },
});
export { expect };
