import { z } from "zod";

// Council files as the open-source "Council of High Intelligence" writes them
// (github.com/0xNyk/council-of-high-intelligence):
//
//   agents/council-socrates.md — a member: YAML front matter, Markdown body = the system prompt
//     ---
//     name: council-socrates
//     description: "Council member. Use standalone for …"
//     council:
//       figure: Socrates
//       domain: "Assumption destruction"
//       polarity: "Questions everything"
//       polarity_pairs: ["feynman", "watts"]     ← other members' short keys
//       triads: ["ethics", "debugging"]          ← triad *domains*, not member names
//       duo_keywords: […]  profiles: [classic, …]  mcp_affinity: [anthropic]
//     ---
//   (some versions also carry `model`, `color`, `tools` at the top level)
//
//   configs/provider-model-slots.example.yaml — a seat plan
//     profile: exploration-orthogonal
//     strategy: { provider_spread_first: true, avoid_pair_collocation: true, force_counterfactual_if_consensus_gt: 0.7, … }
//     seats: { socrates: { provider: anthropic, model: …, reasoning_mode: analytical }, … }
//     fallback: { provider: openai, model: … }
//
// A member's key is its name without the "council-" prefix (src/council_mcp/models.py
// CouncilMember.short_name); polarity pairs and seats use that key. The project's
// pydantic model (CouncilMetadata) requires figure, domain and polarity.
//
// These schemas validate the fields the studio reads. Every object is loose: keys
// the studio does not know are kept (the parsers keep the parsed YAML itself, in
// its key order, and only validate it), and no field has a default, so validating
// never adds a key a round trip would then write.

export const COUNCIL_LIMITS = {
  /** A member file: front matter + body. Real ones are ~5 KB. */
  memberFileChars: 64_000,
  /** The body is the persona's promptOverride (personaSpecSchema allows 20,000). */
  bodyChars: 20_000,
  seatPlanChars: 64_000,
  /** Members in one council or seat plan (the real project has 18). */
  members: 40,
  name: 120,
  text: 600,
  listItems: 40,
  listItem: 120,
} as const;

const L = COUNCIL_LIMITS;

/** Short keys and names: "socrates", "sun-tzu", "council-lao-tzu", "ai-safety". */
export const COUNCIL_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const keySchema = z
  .string()
  .min(1, "must not be empty")
  .max(L.name, `must be at most ${L.name} characters`)
  .regex(COUNCIL_KEY, "must be a key like \"socrates\" or \"sun-tzu\" (letters, digits, '-', '_', '.')");

const textSchema = (max: number = L.text) => z.string().max(max, `must be at most ${max} characters`);
const keyListSchema = z.array(keySchema).max(L.listItems, `must list at most ${L.listItems} entries`);
const wordListSchema = z.array(textSchema(L.listItem)).max(L.listItems, `must list at most ${L.listItems} entries`);

export const councilInfoSchema = z.looseObject({
  figure: z.string().trim().min(1, "must not be empty").max(L.name, `must be at most ${L.name} characters`),
  domain: textSchema(),
  polarity: textSchema(),
  polarity_pairs: keyListSchema.optional(),
  triads: keyListSchema.optional(),
  profiles: keyListSchema.optional(),
  duo_keywords: wordListSchema.optional(),
});

export const memberFrontMatterSchema = z.looseObject({
  name: keySchema,
  description: textSchema(4000).optional(),
  council: councilInfoSchema,
});

export type CouncilInfo = z.infer<typeof councilInfoSchema>;
export type MemberFrontMatter = z.infer<typeof memberFrontMatterSchema>;

export const seatSchema = z.looseObject({
  provider: z.string().trim().min(1, "must not be empty").max(L.name),
  model: z.string().trim().min(1, "must not be empty").max(200),
});

export const seatStrategySchema = z.looseObject({
  provider_spread_first: z.boolean().optional(),
  avoid_pair_collocation: z.boolean().optional(),
});

export const seatPlanSchema = z.looseObject({
  profile: keySchema.optional(),
  strategy: seatStrategySchema.optional(),
  seats: z
    .record(keySchema, seatSchema)
    .refine((r) => Object.keys(r).length >= 1, "must seat at least one member")
    .refine((r) => Object.keys(r).length <= L.members, `must seat at most ${L.members} members`),
  fallback: seatSchema.optional(),
});

export type Seat = z.infer<typeof seatSchema>;
export type SeatStrategy = z.infer<typeof seatStrategySchema>;
export type SeatPlanData = z.infer<typeof seatPlanSchema>;

/** One problem in a council file: where (file, line, dotted field) and what. */
export const councilIssueSchema = z.object({
  file: z.string().optional(),
  line: z.number().int().optional(),
  field: z.string(),
  message: z.string(),
});
export type CouncilIssue = z.infer<typeof councilIssueSchema>;
