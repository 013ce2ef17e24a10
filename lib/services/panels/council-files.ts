import "server-only";
import { SIMULATOR_PROVIDER_ID, ENV_PROVIDER_ID } from "@/lib/schemas/provider";

// What a council import keeps, so an export can give back the same files:
// Persona.imported for each member (the file's text), Panel.imported for the
// seat plan (its text, and how each of its seats was mapped to a provider).

export const COUNCIL_MEMBER_FORMAT = "council-member";
export const COUNCIL_FORMAT = "council";

export type ImportedMember = { format: typeof COUNCIL_MEMBER_FORMAT; fileName: string; importedAt: string; text: string };

export type MappedSeat = { providerId: string; model: string; fallback?: boolean };

export type ImportedCouncil = {
  format: typeof COUNCIL_FORMAT;
  importedAt: string;
  files: string[];
  seatPlan: { fileName: string; text: string } | null;
  /** Member key → the seat the plan's entry became (unresolved seats are absent). */
  seatMap: Record<string, MappedSeat>;
};

export function readImportedMember(json: string | null): ImportedMember | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as Partial<ImportedMember>;
    return value.format === COUNCIL_MEMBER_FORMAT && typeof value.text === "string" && typeof value.fileName === "string" ? (value as ImportedMember) : null;
  } catch {
    return null;
  }
}

export function readImportedCouncil(json: string | null): ImportedCouncil | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as Partial<ImportedCouncil>;
    return value.format === COUNCIL_FORMAT ? ({ seatMap: {}, files: [], seatPlan: null, ...value } as ImportedCouncil) : null;
  } catch {
    return null;
  }
}

type ProviderRow = { id: string; name: string; preset: string };

/**
 * A seat plan's provider name ("anthropic", "openai") → a provider of this
 * workspace whose preset or name matches (case-insensitive), or "simulator"/"env"; else null.
 */
export function matchProvider(name: string, providers: readonly ProviderRow[]): string | null {
  const want = name.trim().toLowerCase();
  if (want === SIMULATOR_PROVIDER_ID || want === ENV_PROVIDER_ID) return want;
  const hit = providers.find((p) => p.preset.toLowerCase() === want) ?? providers.find((p) => p.name.trim().toLowerCase() === want);
  return hit?.id ?? null;
}

/** The provider name a council file uses for a seat: the preset ("openai"), else the provider's name. */
export function providerFileName(providerId: string, providers: readonly ProviderRow[]): string {
  if (providerId === SIMULATOR_PROVIDER_ID || providerId === ENV_PROVIDER_ID) return providerId;
  const p = providers.find((x) => x.id === providerId);
  if (!p) return providerId;
  return p.preset && p.preset !== "custom" ? p.preset : p.name;
}
