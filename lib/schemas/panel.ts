import { z } from "zod";
import { traitKeySchema } from "@/lib/schemas/persona";

// Persona panels and councils (issue 13 §1–2): a named set of members, each a
// persona (pinned to a version or following the latest) on a seat (provider +
// model), with declared polarity pairs (the axis they should oppose on) and
// optional groups. The spec is JSON on Panel.spec and frozen by every
// PanelVersion. Seat plans: the single-model plan and the routed plan are kept
// side by side; `activePlan` says which one the members' seats come from.

export const PANEL_LIMITS = { members: 24, pairs: 60, groups: 20, groupMembers: 24, name: 120, description: 2000, label: 120, explanation: 400 } as const;
const L = PANEL_LIMITS;

/** A member's key inside the panel: "socrates", "sun-tzu" (also the council file's short key). */
export const memberKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, "Member keys are 1–40 lowercase letters, digits, '-', '_' or '.'")
  .describe("The member's key in this panel, e.g. socrates");

/** "simulator", "env" or a ModelProvider id, and a model. */
export const seatSchema = z.object({
  providerId: z.string().min(1).max(64),
  model: z.string().trim().min(1).max(200),
}).describe("Where a member answers: provider + model");
export type Seat = z.infer<typeof seatSchema>;

export const panelMemberSchema = z.object({
  key: memberKeySchema,
  personaId: z.string().min(1).max(64),
  version: z.union([z.number().int().min(1), z.literal("latest")]).describe("A saved version of the persona, or follow its latest"),
  label: z.string().trim().max(L.label).optional().describe("Display name in the panel (default: the persona's name)"),
});
export type PanelMember = z.infer<typeof panelMemberSchema>;

/** An axis to oppose on: one trait, or weights over traits (scaled so the absolute weights sum to 1). */
export const polarityAxisSchema = z.union([
  z.object({ trait: traitKeySchema }),
  z.object({ weights: z.record(traitKeySchema, z.number().min(-1).max(1)).refine((w) => Object.values(w).some((x) => x !== 0), "Give at least one non-zero weight") }),
]);
export type PolarityAxis = z.infer<typeof polarityAxisSchema>;

export const polarityPairSchema = z.object({
  a: memberKeySchema,
  b: memberKeySchema,
  axis: polarityAxisSchema.optional().describe("Absent: the pair should differ overall (distance), not on one axis"),
  /** a_higher: a should land higher than b on the axis; absent: either way. */
  direction: z.enum(["a_higher", "b_higher"]).optional(),
}).refine((p) => p.a !== p.b, { message: "A member cannot be its own opposite", path: ["b"] });
export type PolarityPair = z.infer<typeof polarityPairSchema>;

export const panelGroupSchema = z.object({
  name: z.string().trim().min(1).max(L.label),
  members: z.array(memberKeySchema).min(2).max(L.groupMembers),
});

/** One plan: a seat per member key, and why (routed plans explain each seat). */
export const seatPlanSchema = z.object({
  seats: z.record(memberKeySchema, seatSchema),
  explanations: z.record(memberKeySchema, z.string().max(L.explanation)).optional(),
  strategy: z.object({ providerSpreadFirst: z.boolean(), avoidPairCollocation: z.boolean() }).optional(),
});
export type SeatPlan = z.infer<typeof seatPlanSchema>;

export const panelSpecSchema = z.object({
  members: z.array(panelMemberSchema).max(L.members, `At most ${L.members} members`),
  polarityPairs: z.array(polarityPairSchema).max(L.pairs).default([]),
  groups: z.array(panelGroupSchema).max(L.groups).default([]),
  plans: z.object({ single: seatPlanSchema.optional(), routed: seatPlanSchema.optional() }).default({}),
  activePlan: z.enum(["single", "routed"]).default("single"),
  /** The panel's own questions (asked beside the watched traits' items in a divergence report). */
  questions: z.array(z.string().trim().min(1).max(2000)).max(50).default([]),
}).superRefine((spec, ctx) => {
  const keys = new Set<string>();
  spec.members.forEach((m, i) => {
    if (keys.has(m.key)) ctx.addIssue({ code: "custom", message: `Member key "${m.key}" is used twice`, path: ["members", i, "key"] });
    keys.add(m.key);
  });
  spec.polarityPairs.forEach((p, i) => {
    for (const side of ["a", "b"] as const) if (!keys.has(p[side])) ctx.addIssue({ code: "custom", message: `"${p[side]}" is not a member of this panel`, path: ["polarityPairs", i, side] });
  });
  spec.groups.forEach((g, i) => g.members.forEach((k, j) => {
    if (!keys.has(k)) ctx.addIssue({ code: "custom", message: `"${k}" is not a member of this panel`, path: ["groups", i, "members", j] });
  }));
  for (const plan of ["single", "routed"] as const) {
    for (const k of Object.keys(spec.plans[plan]?.seats ?? {})) {
      if (!keys.has(k)) ctx.addIssue({ code: "custom", message: `"${k}" is not a member of this panel`, path: ["plans", plan, "seats", k] });
    }
  }
});
export type PanelSpec = z.output<typeof panelSpecSchema>;

export const emptyPanelSpec = (): PanelSpec => ({ members: [], polarityPairs: [], groups: [], plans: {}, activePlan: "single", questions: [] });

// ── API shapes ─────────────────────────────────────────────────────────────

export const createPanelBody = z.object({
  name: z.string().trim().min(1, "Give the panel a name").max(L.name),
  description: z.string().max(L.description).optional(),
  spec: panelSpecSchema.optional(),
});

export const updatePanelBody = z.object({
  revision: z.number().int().min(1).describe("The revision this edit was based on (409 when stale)"),
  name: z.string().trim().min(1).max(L.name).optional(),
  description: z.string().max(L.description).optional(),
  spec: panelSpecSchema.optional(),
});

export const createPanelVersionBody = z.object({
  message: z.string().trim().min(1, "Say what changed in this version").max(500),
  revision: z.number().int().min(1),
});

/** A member as served: the spec's entry plus what the panel page needs to show it. */
export const servedMemberSchema = panelMemberSchema.extend({
  name: z.string().describe("The label, or the persona's name"),
  archetype: z.string(),
  /** The seat under the active plan (null: the workspace default). */
  seat: seatSchema.nullable(),
  seatLabel: z.string().describe("e.g. 'OpenRouter · gpt-4o-mini' or 'Simulator — not a language model · persona-sim-2'"),
  missing: z.boolean().describe("The persona or the pinned version no longer exists"),
});

export const panelSummarySchema = z.object({
  id: z.string(), slug: z.string(), name: z.string(), description: z.string(),
  memberCount: z.number().int(), revision: z.number().int(), latestVersion: z.number().int(),
  updatedAt: z.string(), updatedBy: z.string(),
});
export type PanelSummary = z.infer<typeof panelSummarySchema>;

export const panelDetailSchema = panelSummarySchema.extend({
  spec: panelSpecSchema,
  members: z.array(servedMemberSchema),
});
export type PanelDetail = z.infer<typeof panelDetailSchema>;

// ── Versions, council import/export (added with the panel backend) ─────────

export const panelVersionSummarySchema = z.object({
  number: z.number().int(), message: z.string(), authorName: z.string(), createdAt: z.string(),
});
export const panelVersionDetailSchema = panelVersionSummarySchema.extend({ spec: panelSpecSchema });
export type PanelVersionSummary = z.infer<typeof panelVersionSummarySchema>;
export type PanelVersionDetail = z.infer<typeof panelVersionDetailSchema>;

/** The body of a stale PATCH's 409: the panel as it is now (the client keeps its own text). */
export type PanelConflictDetails = {
  current: { revision: number; name: string; description: string; spec: PanelSpec; updatedAt: string; updatedBy: string };
};

const councilFileSchema = z.object({
  fileName: z.string().trim().min(1, "Give the file's name").max(200),
  text: z.string().min(1, "The file is empty").max(64_000),
});

export const importCouncilBody = z.object({
  name: z.string().trim().min(1).max(L.name).optional().describe("The panel's name (default: \"Council\" and the profile)"),
  files: z.array(councilFileSchema).min(1, "Give at least one council member file").max(40, "At most 40 member files"),
  seatPlan: councilFileSchema.optional().describe("A seat-plan YAML; becomes the routed plan"),
});

export const importCouncilResultSchema = z.object({
  panel: panelDetailSchema,
  personas: z.array(z.object({ id: z.string(), name: z.string() })),
  warnings: z.array(z.string()),
});
export type ImportCouncilResult = z.infer<typeof importCouncilResultSchema>;

export const exportCouncilSchema = z.object({
  files: z.array(councilFileSchema.extend({ text: z.string() })),
  seatPlan: councilFileSchema.extend({ text: z.string() }).nullable(),
  warnings: z.array(z.string()).describe("Members left out (their persona is gone) and seats a council file cannot name"),
});
export type ExportCouncil = z.infer<typeof exportCouncilSchema>;
