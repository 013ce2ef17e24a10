import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { exportPromptfoo, type PromptfooExportInput } from "@/lib/interop";
import type { PromptfooProvider } from "@/lib/interop/promptfoo";
import { NEUTRAL_PROMPT } from "@/lib/probing/arms";
import { probeTrait } from "@/lib/probing/traits";
import { defaultWatchSet } from "@/lib/probing/traits/watch-set";
import type { PersonaSpec } from "@/lib/schemas/persona";
import { ENV_PROVIDER_ID, SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";
import { envProviderConfig } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// The promptfoo export as the studio would run it (issue 16 §8): on the
// workspace's default provider (an openai-compatible provider with its base URL
// and model; the key stays here, an env var names it), with the persona's
// trait probes, leakage checks on the traits a probe would watch but the
// designer did not target, and the baseline (the studio's neutral arm) as a
// second prompt.

export const BASELINE_PROMPT_LABEL = "Baseline (plain assistant)";

/** An env var name for a provider's key: "Team Llama" → TEAM_LLAMA_API_KEY. */
export function keyEnvVar(providerName: string): string {
  const stem = providerName.normalize("NFKD").toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return `${/^[A-Z]/.test(stem) ? stem : `PROVIDER_${stem}`.replace(/_+$/, "")}_API_KEY`;
}

function openAiCompatible(name: string, baseUrl: string, model: string, envVar: string): PromptfooProvider {
  return { id: `openai:chat:${model}`, label: `${name} · ${model}`, config: { apiBaseUrl: baseUrl, apiKeyEnvar: envVar } };
}

/** The workspace default as a promptfoo provider, and what the header tells the reader about it. */
async function workspaceProvider(ctx: WorkspaceContext): Promise<{ provider?: PromptfooProvider; notes: string[] }> {
  const ws = await db.workspace.findUnique({ where: { id: ctx.workspaceId }, select: { defaultProviderId: true, defaultModel: true } });
  const env = envProviderConfig();
  const id = ws?.defaultProviderId === ENV_PROVIDER_ID && !env ? null : ws?.defaultProviderId ?? null;
  if (id === ENV_PROVIDER_ID || (!id && env)) {
    const model = (id ? ws?.defaultModel : null) ?? env!.model;
    return { provider: openAiCompatible("Environment (OPENAI_*)", env!.baseUrl, model, "OPENAI_API_KEY"), notes: ["Provider: the studio's OPENAI_* environment provider. Set OPENAI_API_KEY before running."] };
  }
  if (id && id !== SIMULATOR_PROVIDER_ID) {
    const row = await db.modelProvider.findFirst({ where: { id, workspaceId: ctx.workspaceId }, select: { name: true, baseUrl: true, defaultModel: true, apiKeyEnc: true } });
    if (row) {
      const envVar = keyEnvVar(row.name);
      const model = ws?.defaultModel ?? row.defaultModel;
      return {
        provider: openAiCompatible(row.name, row.baseUrl, model, envVar),
        notes: [`Provider: the workspace's default, "${row.name}" (${model}). ${row.apiKeyEnc ? `Set ${envVar} to its API key before running: the key is not in this file.` : `It has no key in the studio; set ${envVar} to any value if promptfoo asks for one.`}`],
      };
    }
  }
  return { notes: ["The workspace answers with the simulator, which runs only inside the studio: this file uses openai:gpt-4o-mini instead (set OPENAI_API_KEY)."] };
}

export async function promptfooConfig(ctx: WorkspaceContext, spec: PersonaSpec, providerOverride?: string): Promise<string> {
  const traits = Object.keys(spec.traitTargets).filter((k) => probeTrait(k));
  if (traits.length === 0 && !spec.scenarios?.length) {
    throw new AppError("validation", "A promptfoo config tests trait targets and scenarios: set at least one built-in trait target or add a scenario first", { field: "format" });
  }
  const chosen = providerOverride ? { provider: providerOverride, notes: [] as string[] } : await workspaceProvider(ctx);
  const input: PromptfooExportInput = {
    spec, name: spec.name, traits, targets: spec.traitTargets,
    // The traits a probe of this persona watches by default, less its targets: where the studio looks for leakage.
    leakage: defaultWatchSet(traits).filter((k) => !traits.includes(k) && probeTrait(k)),
    baseline: { label: BASELINE_PROMPT_LABEL, systemPrompt: NEUTRAL_PROMPT },
    notes: chosen.notes,
    ...(chosen.provider ? { provider: chosen.provider } : {}),
  };
  return exportPromptfoo(input);
}
