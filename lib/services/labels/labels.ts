import "server-only";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { MAX_LABELS_PER_PERSONA, sortLabels, type LabelPrompt, type VersionLabel } from "@/lib/schemas/labels";
import { recordActivity } from "@/lib/services/activity/activity";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Version labels (production, staging…): named pointers from a persona to one of
// its immutable versions. Editors move and remove them (the operation registry
// checks the role); every move is a line in the persona's activity trail. The
// label row carries the workspace id so the application read is one indexed
// lookup, and ownership stays in every where clause.

type LabelRow = { name: string; version: number; movedByName: string; updatedAt: Date };

const toLabel = (r: LabelRow): VersionLabel => ({ name: r.name, version: r.version, movedBy: r.movedByName, movedAt: r.updatedAt.toISOString() });

export async function listLabels(ctx: WorkspaceContext, personaId: string): Promise<VersionLabel[]> {
  const persona = await findPersonaRow(ctx, personaId);
  const rows = await db.versionLabel.findMany({ where: { personaId: persona.id, workspaceId: ctx.workspaceId } });
  return sortLabels(rows.map(toLabel));
}

/** Points the label at `version` (creating it when new); moving it where it already is changes nothing. */
export async function moveLabel(ctx: WorkspaceContext, personaId: string, name: string, input: { version: number }): Promise<VersionLabel> {
  const persona = await findPersonaRow(ctx, personaId);
  const exists = await db.personaVersion.findUnique({ where: { personaId_number: { personaId: persona.id, number: input.version } }, select: { id: true } });
  if (!exists) {
    const latest = persona.latestVersion ? `; the latest is v${persona.latestVersion}` : "; save a version first";
    throw new AppError("validation", `Version ${input.version} does not exist for this persona${latest}`, { field: "version" });
  }
  const row = await db.$transaction(async (tx) => {
    const current = await tx.versionLabel.findUnique({ where: { personaId_name: { personaId: persona.id, name } } });
    if (current?.version === input.version) return current;
    if (!current && (await tx.versionLabel.count({ where: { personaId: persona.id } })) >= MAX_LABELS_PER_PERSONA) {
      throw new AppError("validation", `A persona has at most ${MAX_LABELS_PER_PERSONA} labels; remove one first`, { field: "name" });
    }
    const moved = await tx.versionLabel.upsert({
      where: { personaId_name: { personaId: persona.id, name } },
      create: { workspaceId: ctx.workspaceId, personaId: persona.id, name, version: input.version, movedById: ctx.userId, movedByName: ctx.userName },
      update: { version: input.version, movedById: ctx.userId, movedByName: ctx.userName },
    });
    const summary = current ? `moved ${name} from v${current.version} to v${input.version}` : `moved ${name} to v${input.version}`;
    await recordActivity(ctx, persona.id, "label_moved", summary, { version: input.version, label: name, from: current?.version ?? null }, tx);
    return moved;
  });
  return toLabel(row);
}

export async function removeLabel(ctx: WorkspaceContext, personaId: string, name: string): Promise<void> {
  const persona = await findPersonaRow(ctx, personaId);
  await db.$transaction(async (tx) => {
    const current = await tx.versionLabel.findUnique({ where: { personaId_name: { personaId: persona.id, name } } });
    if (!current) throw notFound("Label");
    await tx.versionLabel.delete({ where: { id: current.id } });
    await recordActivity(ctx, persona.id, "label_removed", `removed the ${name} label (was v${current.version})`, { version: current.version, label: name }, tx);
  });
}

/**
 * The compiled prompt a label points at, for applications (API token or session).
 * The persona is named by id or by slug (slugs are unique per workspace; an id wins).
 */
export async function getLabelPrompt(ctx: WorkspaceContext, personaRef: string, name: string): Promise<LabelPrompt> {
  const personas = await db.persona.findMany({
    where: { workspaceId: ctx.workspaceId, OR: [{ id: personaRef }, { slug: personaRef }] },
    select: { id: true, slug: true, name: true },
  });
  const persona = personas.find((p) => p.id === personaRef) ?? personas[0];
  if (!persona) throw notFound("Persona");
  const label = await db.versionLabel.findUnique({ where: { personaId_name: { personaId: persona.id, name } } });
  if (!label) throw new AppError("not_found", `This persona has no ${name} label`);
  const version = await db.personaVersion.findUnique({
    where: { personaId_number: { personaId: persona.id, number: label.version } },
    select: { compiledPrompt: true },
  });
  // Versions are never deleted on their own (only with the persona, which takes its labels along).
  if (!version) throw notFound("Version");
  return { persona, label: name, version: label.version, compiledPrompt: version.compiledPrompt, movedAt: label.updatedAt.toISOString() };
}
