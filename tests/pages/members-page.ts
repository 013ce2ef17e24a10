import { expect, type Page } from "@playwright/test";

// The "Members & settings" page (owner) and the invitee's inbox: people join
// a workspace by invitation, accepted by the invitee (issue 16 §7).

export class MembersPage {
  constructor(readonly page: Page) {}

  async open(workspaceId: string): Promise<void> {
    await this.page.goto(`/w/${workspaceId}/settings`);
  }

  /** Sends an invitation and returns the form's answer (the same words for every address). */
  async invite(email: string, role: "owner" | "editor" | "reviewer" | "viewer"): Promise<string> {
    await this.page.getByLabel("Email", { exact: true }).fill(email);
    await this.page.getByLabel("Role", { exact: true }).selectOption(role);
    await this.page.getByRole("button", { name: "Send invitation" }).click();
    const sent = this.page.getByTestId("invite-sent");
    await expect(sent).toContainText(`Invitation sent to ${email.toLowerCase()}`);
    return (await sent.innerText()).replace(email.toLowerCase(), "ADDRESS");
  }
}

/** As the invitee (in their own workspace `homeId`): accept the invitation from `inviterName` in the inbox; lands in the new workspace. */
export async function acceptFromInbox(page: Page, homeId: string, inviterName: string): Promise<void> {
  await page.goto(`/w/${homeId}/inbox`);
  const card = page.getByTestId("inbox-invitation").filter({ hasText: inviterName });
  await card.getByRole("button", { name: "Accept" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
}
