import { z } from "zod";

// Provider settings as the browser sees them: never a key, only its mask.

export const SIMULATOR_PROVIDER_ID = "simulator";
/** Shown wherever the simulator answered: it is never passed off as a language model. */
export const SIMULATOR_LABEL = "Simulator — not a language model";
export const ENV_PROVIDER_ID = "env";
/** Shown for a provider that was deleted after it answered: its database id means nothing to a person. */
export const DELETED_PROVIDER_LABEL = "deleted provider";

/** A provider's name from a workspace's id → name map; a deleted one is "deleted provider", never its id. */
export function providerNameOf(names: Readonly<Record<string, string>>, providerId: string): string {
  if (providerId === SIMULATOR_PROVIDER_ID) return SIMULATOR_LABEL;
  return names[providerId] ?? DELETED_PROVIDER_LABEL;
}

export const providerSchema = z.object({
  id: z.string().describe("'simulator', 'env' (from OPENAI_* variables) or a stored provider id"),
  name: z.string(),
  kind: z.enum(["simulator", "openai_compatible"]),
  preset: z.string(),
  baseUrl: z.string().nullable(),
  defaultModel: z.string(),
  hasKey: z.boolean(),
  keyMask: z.string().nullable().describe("e.g. 'sk-…f3a9'; the key itself never leaves the server"),
  keyState: z
    .enum(["ok", "unreadable", "none"])
    .describe("'unreadable': a key is stored but the studio's encryption key no longer opens it — an owner must re-enter it"),
  builtIn: z.boolean().describe("Simulator and environment providers cannot be edited here"),
  isDefault: z.boolean(),
  inputPricePerM: z.number().nullable().describe("US$ per million input (prompt) tokens; null = unknown (no cost is computed)"),
  outputPricePerM: z.number().nullable().describe("US$ per million output (completion) tokens; null = unknown"),
  label: z.string().describe("Shown next to every output, e.g. 'Simulator — not a language model'"),
  models: z.array(z.string()).optional().describe("Every model the provider is known to serve (the simulator lists its simulated models); absent: only defaultModel is known"),
});
export type ProviderInfo = z.infer<typeof providerSchema>;

export const providerListSchema = z.object({
  providers: z.array(providerSchema),
  default: z.object({ providerId: z.string(), model: z.string() }),
});
export type ProviderList = z.infer<typeof providerListSchema>;

/**
 * The SDK appends paths ("/chat/completions") to the base URL, so a query or a
 * fragment would change where calls go ("…/admin#" turns every call into a
 * request for /admin); credentials belong in the API key field.
 */
const baseUrl = z
  .url({ protocol: /^https?$/, error: "Enter the endpoint's base URL, e.g. http://localhost:11434/v1" })
  .max(500)
  .superRefine((value, ctx) => {
    const url = URL.canParse(value) ? new URL(value) : null;
    if (!url) return; // already reported by z.url()
    if (url.username || url.password || /^[a-z][a-z0-9+.-]*:[\\/]*[^/\\?#]*@/i.test(value)) {
      ctx.addIssue({ code: "custom", message: "Remove the user name / password from the URL; put a key in the API key field" });
    } else if (value.includes("?")) {
      ctx.addIssue({ code: "custom", message: "The base URL cannot have a query (?…); paths are appended to it" });
    } else if (value.includes("#")) {
      ctx.addIssue({ code: "custom", message: "The base URL cannot have a fragment (#…); paths are appended to it" });
    }
  });

/** US$ per million tokens: the most expensive models cost a few hundred; more is a typo (per token, per thousand). */
export const MAX_PRICE_PER_M = 10_000;
const price = z
  .number({ error: "Enter a price in US dollars per million tokens, e.g. 0.15" })
  .min(0, "A price cannot be negative")
  .max(MAX_PRICE_PER_M, `At most $${MAX_PRICE_PER_M.toLocaleString("en-US")} per million tokens — prices are per million tokens`);

/** Both prices or neither: a cost needs the input and the output price. */
function bothPrices(value: { inputPricePerM?: number | null; outputPricePerM?: number | null }, ctx: z.RefinementCtx) {
  const input = value.inputPricePerM ?? null;
  const output = value.outputPricePerM ?? null;
  if ((input === null) !== (output === null)) {
    const missing = input === null ? "inputPricePerM" : "outputPricePerM";
    ctx.addIssue({ code: "custom", path: [missing], message: "Enter both prices (input and output per million tokens), or neither" });
  }
}

export const createProviderBody = z.object({
  name: z.string().trim().min(1, "Name the provider").max(80),
  preset: z.string().trim().min(1).max(40).default("custom"),
  baseUrl,
  apiKey: z.string().trim().max(500).optional().describe("Stored encrypted; omit for local servers"),
  defaultModel: z.string().trim().min(1, "Choose the model to use").max(200),
  inputPricePerM: price.nullable().optional().describe("US$ per million input tokens of the default model; omit when unknown"),
  outputPricePerM: price.nullable().optional().describe("US$ per million output tokens of the default model; omit when unknown"),
}).superRefine(bothPrices);

export const updateProviderBody = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  baseUrl: baseUrl.optional(),
  apiKey: z.string().trim().max(500).nullable().optional().describe("Absent: keep; null or '': remove"),
  defaultModel: z.string().trim().min(1).max(200).optional(),
  inputPricePerM: price.nullable().optional().describe("Absent: keep; null: unknown (clear)"),
  outputPricePerM: price.nullable().optional().describe("Absent: keep; null: unknown (clear)"),
});

export const testProviderBody = z.object({
  baseUrl,
  apiKey: z.string().trim().max(500).optional(),
  providerId: z.string().max(64).optional().describe("Use this stored provider's key when apiKey is absent"),
});

export const testResultSchema = z.object({
  ok: z.boolean(),
  models: z.array(z.string()),
  latencyMs: z.number(),
  error: z.object({ kind: z.string(), message: z.string() }).nullable(),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const setDefaultProviderBody = z.object({
  providerId: z.string().min(1).max(64),
  model: z.string().trim().min(1, "Choose a model").max(200),
});
