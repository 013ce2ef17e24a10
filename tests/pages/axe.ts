import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// Issue 16 §11: axe (WCAG 2 A/AA) with no serious or critical violation, and no
// sideways scroll on a 390 px phone. Shared by the accessibility sweep and by the
// specs that reach a page the sweep cannot build cheaply (a panel probe report, a
// variant comparison).

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

export async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect.soft(serious, `axe WCAG 2 A/AA serious/critical violations on ${where}`).toEqual([]);
}

export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect.soft(scrollWidth, `${where} scrolls sideways (scrollWidth ${scrollWidth} > ${innerWidth})`).toBeLessThanOrEqual(innerWidth);
}

/** The open page checked at 1440 px and at 390 px (no sideways scroll there), then back to 1440 px. */
export async function expectAccessibleAtBothWidths(page: Page, where: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await expectNoSeriousAxeViolations(page, `${where} at ${DESKTOP.width} px`);
  await page.setViewportSize(PHONE);
  await expectNoSeriousAxeViolations(page, `${where} at ${PHONE.width} px`);
  await expectNoSidewaysScroll(page, `${where} at ${PHONE.width} px`);
  await page.setViewportSize(DESKTOP);
}
