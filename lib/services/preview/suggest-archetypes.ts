import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { failureOf } from "@/lib/llm/provider-error";
import { LlmError, parseJsonOutput } from "@/lib/llm/types";
import { archetypeSuggestionsSchema, type ArchetypeSuggestions, type SuggestArchetypesBody } from "@/lib/schemas/preview";
import { resolveProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { suggestionRequest } from "@/lib/services/preview/suggestion-request";

const SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["archetypes"],
  properties: {
    archetypes: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name", "line"],
        properties: { name: { type: "string" }, line: { type: "string" } },
      },
    },
  },
} as const;

/** Asks the model the persona-selection question: who naturally has all of these traits, in this persona's world? */
export async function suggestArchetypes(ctx: WorkspaceContext, input: SuggestArchetypesBody): Promise<ArchetypeSuggestions> {
  const resolved = await resolveProvider(ctx, input.providerId, input.model);
  try {
    const res = await resolved.provider.chat({
      model: resolved.model,
      temperature: 0.4,
      responseFormat: { type: "json_schema", name: "archetype_suggestions", schema: SCHEMA as unknown as Record<string, unknown> },
      messages: [
        {
          role: "system",
          content:
            "You help prompt designers pick a coherent character type for an AI persona. Traits come in clusters; " +
            "a real kind of person who naturally shows all requested traits at once holds them better than a list of adjectives.",
        },
        {
          role: "user",
          content: suggestionRequest(input),
        },
      ],
    });
    const parsed = archetypeSuggestionsSchema.safeParse(parseJsonOutput(res.text));
    if (!parsed.success) throw new LlmError("invalid_output", "The model's suggestions did not match the expected format");
    return { ...parsed.data, providerLabel: resolved.provider.label, model: resolved.model, simulated: resolved.simulated };
  } catch (e) {
    const err = failureOf(e, resolved.provider);
    throw new AppError("upstream", err.message, { details: { kind: err.kind } });
  }
}
