import { describe, expect, it } from "vitest";
import { FALLBACK_WORKSPACE_NAME, personalWorkspaceName } from "@/lib/services/workspaces/personal-workspace-name";

describe("personalWorkspaceName", () => {
  it("names the workspace after the account's first name", () => {
    expect(personalWorkspaceName("Grace Hopper")).toBe("Grace's workspace");
    expect(personalWorkspaceName("  Ann  ")).toBe("Ann's workspace");
    expect(personalWorkspaceName("James")).toBe("James's workspace");
    expect(personalWorkspaceName("Zoë")).toBe("Zoë's workspace");
  });

  it("falls back to a plain name when there is no name to use, never \"My's workspace\"", () => {
    for (const name of ["", "   ", null, undefined, "123", "—"]) {
      expect(personalWorkspaceName(name)).toBe(FALLBACK_WORKSPACE_NAME);
    }
    expect(FALLBACK_WORKSPACE_NAME).toBe("Personal workspace");
  });

  it("keeps a possessive the person wrote and stays within the workspace name limit", () => {
    expect(personalWorkspaceName("Chris'")).toBe("Chris' workspace");
    expect(personalWorkspaceName("x".repeat(200)).length).toBeLessThanOrEqual(80);
  });
});
