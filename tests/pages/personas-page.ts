import type { Page } from "@playwright/test";

export class PersonasPage {
  constructor(readonly page: Page) {}

  async create(name: string, archetype: string): Promise<string> {
    await this.page.getByRole("button", { name: "+ New persona" }).first().click();
    await this.page.getByLabel("Archetype — what kind of person is this?").fill(archetype);
    await this.page.getByLabel("Name").fill(name);
    await this.page.getByRole("button", { name: "Create persona" }).click();
    await this.page.waitForURL(/\/personas\/[^/]+$/);
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }
}
