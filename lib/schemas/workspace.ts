import { z } from "zod";

export const ROLES = ["owner", "editor", "reviewer", "viewer"] as const;
export const roleSchema = z.enum(ROLES).describe("owner > editor > reviewer > viewer");
export type Role = z.infer<typeof roleSchema>;

const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, editor: 2, owner: 3 };

/** Does `role` include everything `min` may do? */
export function roleAtLeast(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}

/** What each role may do, for the UI and the docs. Routes enforce the same ranks. */
export const can = {
  editPersona: (r: Role) => roleAtLeast(r, "editor"),
  review: (r: Role) => roleAtLeast(r, "reviewer"),
  manageMembers: (r: Role) => r === "owner",
  manageWorkspace: (r: Role) => r === "owner",
};

export const ROLE_HELP: Record<Role, string> = {
  owner: "Everything, including members and workspace settings",
  editor: "Create, edit, version, archive and delete personas",
  reviewer: "Read everything; comment and approve (review features)",
  viewer: "Read-only",
};

export const workspaceNameSchema = z.string().trim().min(1, "Give the workspace a name").max(80);

export const createWorkspaceBody = z.object({ name: workspaceNameSchema });
export const approvalPolicySetting = z.enum(["warn", "block"])
  .describe("warn (default): approving a version without a clean probe report shows a warning; block: it is refused");

export const updateWorkspaceBody = z
  .object({ name: workspaceNameSchema.optional(), approvalPolicy: approvalPolicySetting.optional() })
  .refine((b) => b.name !== undefined || b.approvalPolicy !== undefined, { message: "Send a name or an approvalPolicy", path: ["name"] });

export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  personal: z.boolean().describe("True only for the caller's own personal workspace"),
  role: roleSchema.describe("The caller's role in this workspace"),
  memberCount: z.number().int(),
  personaCount: z.number().int(),
  approvalPolicy: approvalPolicySetting,
  createdAt: z.string(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const memberSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

export const addMemberBody = z.object({
  email: z.email("Enter an email address").transform((e) => e.toLowerCase()),
  role: roleSchema,
});
export const updateMemberBody = z.object({ role: roleSchema });

export const meSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  workspaces: z.array(workspaceSchema),
});
export type Me = z.infer<typeof meSchema>;
