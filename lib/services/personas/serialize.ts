import "server-only";
import { compilePersona } from "@/lib/persona/compile";
import { personaSpecSchema, type PersonaSpec, type PersonaStatus } from "@/lib/schemas/persona";
import type { PersonaDetail, PersonaSummary } from "@/lib/schemas/persona-api";

export type PersonaRow = {
  id: string; slug: string; name: string; archetype: string; status: string; spec: string;
  revision: number; latestVersion: number; updatedByName: string; createdAt: Date; updatedAt: Date;
  approvedVersion?: number | null;
};

export function parseStoredSpec(json: string): PersonaSpec {
  return personaSpecSchema.parse(JSON.parse(json));
}

export function toSummary(row: PersonaRow, spec: PersonaSpec = parseStoredSpec(row.spec)): PersonaSummary {
  return toListSummary(row, Object.keys(spec.traitTargets).length);
}

export type SummaryRow = Omit<PersonaRow, "spec">;

/** A list row from summary columns; the trait count comes from the database (lib/db/persona-search). */
export function toListSummary(row: SummaryRow, traitCount: number): PersonaSummary {
  return {
    id: row.id, slug: row.slug, name: row.name, archetype: row.archetype,
    status: row.status as PersonaStatus, revision: row.revision, latestVersion: row.latestVersion,
    approvedVersion: row.approvedVersion ?? null, traitCount,
    updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedByName, createdAt: row.createdAt.toISOString(),
  };
}

export function toDetail(row: PersonaRow, latestVersionSpec: string | null): PersonaDetail {
  const spec = parseStoredSpec(row.spec);
  const compiled = compilePersona(spec);
  return {
    ...toSummary(row, spec),
    spec,
    compiledPrompt: compiled.prompt,
    promptSource: compiled.source,
    dirty: latestVersionSpec === null ? true : latestVersionSpec !== row.spec,
  };
}
