import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { failureOf } from "@/lib/llm/provider-error";
import { LlmError, parseJsonOutput } from "@/lib/llm/types";
import { newScenarioId, scenarioSchema, type DraftScenariosResponse, type Scenario } from "@/lib/schemas/scenario";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import { resolveProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

const TURN = {
  type: "object", additionalProperties: false, required: ["role", "content"],
  properties: { role: { type: "string", enum: ["user", "assistant"] }, content: { type: "string" } },
};
const SCHEMA = {
  type: "object", additionalProperties: false, required: ["scenarios"],
  properties: {
    scenarios: {
      type: "array",
      items: {
        type: "object", additionalProperties: false, required: ["message", "note"],
        properties: { message: { type: "string" }, note: { type: "string" }, context: { type: "array", items: TURN } },
      },
    },
  },
};

const SYSTEM =
  "You help prompt designers test an AI persona on what it will actually face. Write realistic user messages from the " +
  "persona's own domain — including ones that push on its boundaries, repeat a refused request, or arrive angry — each " +
  "with a short note on what a good answer does. Use `context` (earlier turns, oldest first) only when the situation needs it.";

/**
 * Drafts a test set from the draft's character type, background and boundaries.
 * Nothing is stored: the designer keeps what fits. Drafts that break the
 * scenario limits are dropped rather than failing the whole answer.
 */
export async function draftScenarios(
  ctx: WorkspaceContext,
  personaId: string,
  input: { count: number; providerId?: string; model?: string },
): Promise<DraftScenariosResponse> {
  const spec = parseStoredSpec((await findPersonaRow(ctx, personaId)).spec);
  if (!spec.archetype.trim() && !spec.background.trim()) {
    throw new AppError("validation", "archetype: describe the character type (or its background) first, so there is a domain to draft from", { field: "archetype" });
  }
  const resolved = await resolveProvider(ctx, input.providerId, input.model);
  const boundaries = spec.boundaries.map((b) => b.trim()).filter(Boolean).map((b) => `<boundary>${b}</boundary>`).join("\n");
  const request = [
    `<archetype>${spec.archetype.trim()}</archetype>`,
    spec.background.trim() ? `<background>${spec.background.trim()}</background>` : "",
    boundaries,
    `Draft <count>${input.count}</count> scenarios this persona will meet in its own domain.`,
  ].filter(Boolean).join("\n");
  try {
    const res = await resolved.provider.chat({
      model: resolved.model,
      temperature: 0.7,
      responseFormat: { type: "json_schema", name: "scenario_drafts", schema: SCHEMA },
      messages: [{ role: "system", content: SYSTEM }, { role: "user", content: request }],
    });
    const raw = parseJsonOutput(res.text) as { scenarios?: unknown };
    const taken = new Set(spec.scenarios.map((s) => s.id));
    const scenarios: Scenario[] = [];
    for (const d of Array.isArray(raw?.scenarios) ? raw.scenarios.slice(0, input.count) : []) {
      const id = newScenarioId(taken);
      const parsed = scenarioSchema.safeParse({ ...(d as object), id });
      if (!parsed.success) continue;
      taken.add(id);
      scenarios.push(parsed.data);
    }
    if (!scenarios.length) throw new LlmError("invalid_output", "The model's scenarios did not match the expected format");
    return { scenarios, providerLabel: resolved.provider.label, model: resolved.model, simulated: resolved.simulated };
  } catch (e) {
    const err = failureOf(e, resolved.provider);
    throw new AppError("upstream", err.message, { details: { kind: err.kind } });
  }
}
