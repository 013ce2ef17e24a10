import type { ModelChoice } from "@/components/preview/model-picker";
import type { ProviderList } from "@/lib/schemas/provider";

// The preview's model choice, remembered per persona in this browser: a designer who
// moved the preview to a real model does not land back on the simulator after a reload.
// A remembered provider that no longer exists falls back to the workspace default.
// The compare mode and pinned version ride along, so the editor's panel and the full
// compare page open on the same comparison.

export type RememberedModels = { a: ModelChoice; b: ModelChoice | null };
export type CompareMode = "draft" | "version" | "models";
export type RememberedCompare = RememberedModels & { mode?: CompareMode; version?: number };

const MODES: readonly CompareMode[] = ["draft", "version", "models"];

export const rememberedModelsKey = (workspaceId: string, personaId: string) => `persona-studio:preview-models:${workspaceId}:${personaId}`;

const isChoice = (v: unknown): v is ModelChoice =>
  typeof v === "object" && v !== null && typeof (v as ModelChoice).providerId === "string" && typeof (v as ModelChoice).model === "string";

/** The stored JSON as choices; anything else (missing, edited by hand, an old shape) is nothing. */
export function parseRememberedModels(raw: string | null): Partial<RememberedCompare> {
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    const mode = MODES.find((m) => m === v?.mode);
    const version = typeof v?.version === "number" && Number.isInteger(v.version) && v.version > 0 ? v.version : undefined;
    return {
      ...(isChoice(v?.a) ? { a: v.a } : {}),
      ...(isChoice(v?.b) ? { b: v.b } : {}),
      ...(mode ? { mode } : {}),
      ...(version ? { version } : {}),
    };
  } catch {
    return {};
  }
}

/** Model A and B to start from: the remembered ones that still exist, else the workspace default (B: another provider when there is one). */
export function initialModels(list: ProviderList, remembered: Partial<RememberedModels>): RememberedModels {
  const exists = (c: ModelChoice | null | undefined): c is ModelChoice => !!c && list.providers.some((p) => p.id === c.providerId);
  const d = list.default;
  const a = exists(remembered.a) ? remembered.a : { providerId: d.providerId, model: d.model };
  const other = list.providers.find((p) => p.id !== d.providerId);
  const b = exists(remembered.b) ? remembered.b : other ? { providerId: other.id, model: other.defaultModel } : { providerId: d.providerId, model: d.model };
  return { a, b };
}

/** The remembered version when it still exists, else the latest; null while there is none. */
export function initialVersion(versions: { number: number }[], remembered: number | undefined): number | null {
  if (remembered !== undefined && versions.some((v) => v.number === remembered)) return remembered;
  return versions[0]?.number ?? null;
}

export function readRememberedModels(key: string): Partial<RememberedCompare> {
  try {
    return parseRememberedModels(window.localStorage.getItem(key));
  } catch {
    return {}; // storage blocked (private mode, policy): the workspace default it is
  }
}

export function writeRememberedModels(key: string, state: RememberedCompare): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(state));
  } catch {
    // Full or blocked storage only loses the convenience.
  }
}
