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

/** The workspace's reference judge (issue 11 §6): new probes are judged by it unless they name a judge. */
export const referenceJudgeSetting = z
  .object({
    providerId: z.string().min(1).max(64).describe("'simulator', 'env' or one of this workspace's providers"),
    model: z.string().trim().min(1, "Choose the judge's model").max(200),
  })
  .nullable()
  .describe("null: none — a probe that names no judge is judged by its target model (self-judged)");
export type ReferenceJudge = z.infer<typeof referenceJudgeSetting>;

export const authorsMayApproveSetting = z.boolean()
  .describe("true (default): whoever saved a version may approve it; false: another reviewer must");

export const updateWorkspaceBody = z
  .object({
    name: workspaceNameSchema.optional(), approvalPolicy: approvalPolicySetting.optional(), referenceJudge: referenceJudgeSetting.optional(),
    authorsMayApprove: authorsMayApproveSetting.optional(),
  })
  .refine((b) => b.name !== undefined || b.approvalPolicy !== undefined || b.referenceJudge !== undefined || b.authorsMayApprove !== undefined, {
    message: "Send a name, an approvalPolicy, a referenceJudge or authorsMayApprove", path: ["name"],
  });

export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  personal: z.boolean().describe("True only for the caller's own personal workspace"),
  role: roleSchema.describe("The caller's role in this workspace"),
  memberCount: z.number().int(),
  approvalPolicy: approvalPolicySetting,
  authorsMayApprove: authorsMayApproveSetting,
  referenceJudge: referenceJudgeSetting,
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

export const updateMemberBody = z.object({ role: roleSchema });

export const meSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  workspaces: z.array(workspaceSchema),
});
export type Me = z.infer<typeof meSchema>;
