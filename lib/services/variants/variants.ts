import "server-only";
import type { z } from "zod";
import type { PersonaVariant as Row } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { compilePersona } from "@/lib/persona/compile";
import { serializeSpec } from "@/lib/persona/normalize";
import type { PersonaSpec } from "@/lib/schemas/persona";
import type { createVariantBody, updateVariantBody, Variant } from "@/lib/schemas/variant";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Named alternative specs of a persona. Edits carry a revision like the draft
// (a stale one gets 409 with the current variant), names are unique per persona.

export function toVariant(r: Row): Variant {
  const spec = parseStoredSpec(r.spec);
  return {
    id: r.id, personaId: r.personaId, name: r.name, revision: r.revision, spec, compiledPrompt: compilePersona(spec).prompt,
    createdBy: r.createdByName, updatedBy: r.updatedByName, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

/** The three ways to start a variant from the draft, so an A/B of "trait list" vs "character type" is one click each. */
export function startingSpec(draft: PersonaSpec, from: "draft" | "character_type" | "trait_list"): PersonaSpec {
  if (from === "character_type") return { ...draft, traitTargets: {}, promptOverride: null };
  if (from === "trait_list") return { ...draft, archetype: "", background: "", values: [], examples: [], promptOverride: null };
  return draft;
}

export function assertNotArchived(persona: { status: string }) {
  if (persona.status === "archived") throw new AppError("conflict", "This persona is archived; unarchive it to change its variants");
}

async function ensureUniqueName(personaId: string, name: string, exceptId?: string) {
  const clash = await db.personaVariant.findFirst({ where: { personaId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw new AppError("conflict", `This persona already has a variant named “${name}”`, { field: "name" });
}

export async function listVariants(ctx: WorkspaceContext, personaId: string): Promise<Variant[]> {
  const persona = await findPersonaRow(ctx, personaId);
  return (await db.personaVariant.findMany({ where: { personaId: persona.id }, orderBy: { createdAt: "asc" } })).map(toVariant);
}

export async function createVariant(ctx: WorkspaceContext, personaId: string, input: z.output<typeof createVariantBody>): Promise<Variant> {
  const persona = await findPersonaRow(ctx, personaId);
  assertNotArchived(persona);
  await ensureUniqueName(persona.id, input.name);
  const spec = input.spec ?? startingSpec(parseStoredSpec(persona.spec), input.from);
  const row = await db.personaVariant.create({
    data: { personaId: persona.id, name: input.name, spec: serializeSpec(spec), createdByName: ctx.userName, updatedByName: ctx.userName },
  });
  return toVariant(row);
}

export async function findVariantRow(ctx: WorkspaceContext, variantId: string) {
  const row = await db.personaVariant.findFirst({ where: { id: variantId, persona: { workspaceId: ctx.workspaceId } }, include: { persona: { select: { status: true } } } });
  if (!row) throw notFound("Variant");
  return row;
}

export async function getVariant(ctx: WorkspaceContext, variantId: string): Promise<Variant> {
  return toVariant(await findVariantRow(ctx, variantId));
}

export async function updateVariant(ctx: WorkspaceContext, variantId: string, input: z.output<typeof updateVariantBody>): Promise<Variant> {
  const current = await findVariantRow(ctx, variantId);
  assertNotArchived(current.persona);
  if (input.name) await ensureUniqueName(current.personaId, input.name, current.id);
  const { count } = await db.personaVariant.updateMany({
    where: { id: current.id, revision: input.revision },
    data: {
      ...(input.name ? { name: input.name } : {}), ...(input.spec ? { spec: serializeSpec(input.spec) } : {}),
      revision: { increment: 1 }, updatedByName: ctx.userName,
    },
  });
  const row = await findVariantRow(ctx, variantId);
  if (count === 0) {
    throw new AppError("conflict", `${row.updatedByName} changed this variant meanwhile; reload to see their version`, { details: { current: toVariant(row) } });
  }
  return toVariant(row);
}

export async function deleteVariant(ctx: WorkspaceContext, variantId: string): Promise<void> {
  const row = await findVariantRow(ctx, variantId);
  assertNotArchived(row.persona);
  await db.personaVariant.delete({ where: { id: row.id } });
}
