import { z } from "zod";

// Version labels: a named pointer ("production", "staging") from a persona to
// one of its versions, moved by editors. Applications fetch the compiled prompt
// of a label with an API token, so a release is a label move, not a deploy.

/** Lowercase letters, digits and dashes; starts with a letter or digit (it goes in URLs). */
export const LABEL_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
export const LABEL_NAME_MAX = 32;
/** The names the studio offers first; any other valid name works too. */
export const SUGGESTED_LABELS = ["production", "staging"] as const;
/** A persona's labels are a handful of environments, not tags: this many at most. */
export const MAX_LABELS_PER_PERSONA = 20;

export const labelNameSchema = z
  .string()
  .min(1, "Give the label a name, e.g. production")
  .max(LABEL_NAME_MAX, `A label name has at most ${LABEL_NAME_MAX} characters`)
  .regex(LABEL_NAME_PATTERN, "A label name uses lowercase letters, digits and dashes, e.g. production or staging-eu")
  .describe("Label name: lowercase letters, digits and dashes, 1–32 characters");

export const moveLabelBody = z.object({
  version: z.number().int().min(1, "Pick a saved version").describe("The version number the label should point at; it must exist"),
});
export type MoveLabelBody = z.infer<typeof moveLabelBody>;

export const versionLabelSchema = z.object({
  name: z.string(),
  version: z.number().int(),
  movedBy: z.string().describe("Name of whoever moved the label last"),
  movedAt: z.string(),
});
export type VersionLabel = z.infer<typeof versionLabelSchema>;

/** A label as the persona list shows it. */
export const labelRefSchema = z.object({ name: z.string(), version: z.number().int() });
export type LabelRef = z.infer<typeof labelRefSchema>;

/** What an application fetches: the compiled system prompt the label points at. */
export const labelPromptSchema = z.object({
  persona: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  label: z.string(),
  version: z.number().int(),
  compiledPrompt: z.string().describe("The version's system prompt, exactly as stored when it was saved"),
  movedAt: z.string().describe("When the label last moved"),
});
export type LabelPrompt = z.infer<typeof labelPromptSchema>;

/** Labels first by the suggested order (production, staging), then by name. */
export function sortLabels<T extends { name: string }>(labels: readonly T[]): T[] {
  const rank = (n: string) => {
    const i = (SUGGESTED_LABELS as readonly string[]).indexOf(n);
    return i === -1 ? SUGGESTED_LABELS.length : i;
  };
  return [...labels].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}
