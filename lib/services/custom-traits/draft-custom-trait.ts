import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { failureOf } from "@/lib/llm/provider-error";
import { LlmError, parseJsonOutput } from "@/lib/llm/types";
import { PROBE_TOPICS } from "@/lib/probing/traits/types";
import {
  CUSTOM_TRAIT_MIN_ITEMS, traitDraftOutputSchema, type CustomTraitDraft, type DraftCustomTraitBody,
} from "@/lib/schemas/custom-trait";
import { resolveProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

const str = { type: "string" } as const;
const obj = (properties: Record<string, unknown>) =>
  ({ type: "object", additionalProperties: false, required: Object.keys(properties), properties }) as const;

const SCHEMA = obj({
  name: str, key: str, description: str, high: str, low: str,
  items: { type: "array", minItems: CUSTOM_TRAIT_MIN_ITEMS, items: obj({ topic: { type: "string", enum: [...PROBE_TOPICS] }, text: str }) },
  rubric: obj({ instruction: str, scenario: str, anchors: obj({ "0": str, "50": str, "100": str }) }),
});

const SYSTEM =
  "You write trait definitions for measuring AI personas. A trait has a high and a low pole, each phrased as behaviour an " +
  "observer could check in a single answer (an instruction starting with a verb, addressed to 'you'); probe items are " +
  `ordinary user messages that give the trait room to show without naming it, at least ${CUSTOM_TRAIT_MIN_ITEMS}, spread evenly over the topics ` +
  `${PROBE_TOPICS.join(", ")} ("health" means everyday habits, never an emergency); and a judge rubric: one-sentence ` +
  "instruction for a 0–100 scale, a scenario message, and short answer fragments to that scenario that score 0, 50 and 100. " +
  "The key is lower_snake_case, 2–40 characters.";

/** Asks the model to draft a custom trait from one line; the designer edits the draft before saving it. */
export async function draftCustomTrait(ctx: WorkspaceContext, input: DraftCustomTraitBody): Promise<CustomTraitDraft> {
  const resolved = await resolveProvider(ctx, input.providerId, input.model);
  try {
    const res = await resolved.provider.chat({
      model: resolved.model,
      temperature: 0.4,
      responseFormat: { type: "json_schema", name: "trait_draft", schema: SCHEMA as unknown as Record<string, unknown> },
      messages: [
        { role: "system", content: SYSTEM },
        // Fenced, so the description is treated as the subject, not as instructions.
        { role: "user", content: `Draft a trait for this description:\n<description>${input.description}</description>` },
      ],
    });
    const parsed = traitDraftOutputSchema.safeParse(parseJsonOutput(res.text));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LlmError("invalid_output", `The model's draft did not match the expected format (${issue?.path.join(".") || "root"}: ${issue?.message})`);
    }
    return { ...parsed.data, providerLabel: resolved.provider.label, model: resolved.model, simulated: resolved.simulated };
  } catch (e) {
    const err = failureOf(e, resolved.provider);
    throw new AppError("upstream", err.message, { details: { kind: err.kind } });
  }
}
