import { expect, type Locator, type Page } from "@playwright/test";

/** The persona editor as a designer sees it. */
export class EditorPage {
  readonly saveState: Locator;
  readonly prompt: Locator;

  constructor(readonly page: Page) {
    this.saveState = page.getByTestId("save-state");
    this.prompt = page.getByTestId("compiled-prompt");
  }

  /** The compiled system prompt lives in the side panel's second tab. */
  async showPrompt(): Promise<void> {
    await this.page.getByRole("tab", { name: "System prompt" }).click();
  }

  async showPreview(): Promise<void> {
    await this.page.getByRole("tab", { name: "Live preview" }).click();
  }

  answers(): Locator {
    return this.page.getByTestId("answer");
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveState).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
  }

  async addTrait(key: string): Promise<void> {
    await this.page.getByLabel("Add a trait").selectOption(key);
  }

  async saveVersion(message: string, expectedNumber: number): Promise<void> {
    await this.page.getByRole("button", { name: "Save version" }).click();
    await this.page.getByLabel("What changed?").fill(message);
    await this.page.getByRole("dialog").getByRole("button", { name: "Save version" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: `Saved version ${expectedNumber}` })).toBeVisible();
    await expect(this.page.getByRole("dialog")).toHaveCount(0);
  }
}
