// The name of an account's personal workspace, from the account's name: "Ann's workspace",
// "James's workspace". Without a usable name it is "Personal workspace" — never "My's
// workspace", and never the email address, which other members of the workspace would see.

const MAX_OWNER = 40;
export const FALLBACK_WORKSPACE_NAME = "Personal workspace";

export function personalWorkspaceName(userName: string | null | undefined): string {
  const first = (userName ?? "").trim().split(/\s+/)[0] ?? "";
  // Something to call a person by: at least one letter, not just punctuation or digits.
  if (!/\p{L}/u.test(first)) return FALLBACK_WORKSPACE_NAME;
  const owner = [...first].slice(0, MAX_OWNER).join("");
  // An existing possessive ("Ann's", "James’") is kept as written.
  if (/['’]s?$/i.test(owner)) return `${owner} workspace`;
  return `${owner}'s workspace`;
}
