import "server-only";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { compilePersona } from "@/lib/persona/compile";
import { diffPersonas } from "@/lib/persona/diff";
import type { PersonaDetail, PersonaDiffResponse, VersionDetail, VersionSummary } from "@/lib/schemas/persona-api";
import { recordActivity } from "@/lib/services/activity/activity";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { findPersonaRow, latestVersionSpec } from "@/lib/services/personas/find-persona";
import { parseStoredSpec, toDetail } from "@/lib/services/personas/serialize";
import { staleDraft } from "@/lib/services/personas/update-draft";
import { landingForDiff } from "@/lib/services/probes/landing-for-diff";
import { pressureForDiff } from "@/lib/services/probes/pressure-for-diff";

type VersionRow = { number: number; message: string; authorName: string; createdAt: Date; spec: string; compiledPrompt: string };

function toVersionSummary(v: Omit<VersionRow, "spec" | "compiledPrompt">): VersionSummary {
  return { number: v.number, message: v.message, authorName: v.authorName, createdAt: v.createdAt.toISOString() };
}

function toVersionDetail(v: VersionRow): VersionDetail {
  return { ...toVersionSummary(v), spec: parseStoredSpec(v.spec), compiledPrompt: v.compiledPrompt };
}

export async function listVersions(ctx: WorkspaceContext, personaId: string): Promise<VersionSummary[]> {
  const persona = await findPersonaRow(ctx, personaId);
  const rows = await db.personaVersion.findMany({
    where: { personaId: persona.id },
    orderBy: { number: "desc" },
    select: { number: true, message: true, authorName: true, createdAt: true },
  });
  return rows.map(toVersionSummary);
}

async function findVersion(personaId: string, number: number): Promise<VersionRow> {
  const v = await db.personaVersion.findUnique({ where: { personaId_number: { personaId, number } } });
  if (!v) throw notFound("Version");
  return v;
}

export async function getVersion(ctx: WorkspaceContext, personaId: string, number: number): Promise<VersionDetail> {
  const persona = await findPersonaRow(ctx, personaId);
  return toVersionDetail(await findVersion(persona.id, number));
}

/**
 * Snapshots the draft exactly as the caller last saw it (its revision), so a
 * version never contains text its author has not seen. Numbering is guarded by
 * the (personaId, number) unique key inside one transaction.
 *
 * A revision is saved once: saving the current revision when it already has
 * a version answers with that version (201, its message kept), so a double
 * click or 20 concurrent saves yield one version. The (personaId, draftRevision) unique key
 * settles the race: the losers read the winner's version.
 */
export async function createVersion(
  ctx: WorkspaceContext,
  personaId: string,
  input: { message: string; revision: number },
): Promise<VersionDetail> {
  const persona = await findPersonaRow(ctx, personaId);
  if (persona.revision !== input.revision) throw staleDraft(persona);
  const saved = await versionOfRevision(persona.id, input.revision);
  if (saved) return toVersionDetail(saved);
  const spec = parseStoredSpec(persona.spec);
  const number = persona.latestVersion + 1;
  try {
    const version = await db.$transaction(async (tx) => {
      const v = await tx.personaVersion.create({
        data: {
          personaId: persona.id, number, message: input.message, spec: persona.spec, draftRevision: persona.revision,
          compiledPrompt: compilePersona(spec).prompt, authorId: ctx.userId, authorName: ctx.userName,
        },
      });
      // An approval is of one version: a newer one starts as a draft again (approvedVersion keeps the approved one).
      await tx.persona.update({ where: { id: persona.id }, data: { latestVersion: number, ...(persona.status === "approved" ? { status: "draft" } : {}) } });
      await recordActivity(ctx, persona.id, "version_saved", `saved v${number}: “${input.message.slice(0, 120)}”`, { version: number }, tx);
      return v;
    });
    return toVersionDetail(version);
  } catch (error) {
    // Lost a race: if the winner saved this same revision, its version is the answer; otherwise a 409 as before.
    if ((error as { code?: unknown })?.code !== "P2002") throw error;
    const winner = await versionOfRevision(persona.id, input.revision);
    if (winner) return toVersionDetail(winner);
    throw error;
  }
}

function versionOfRevision(personaId: string, draftRevision: number): Promise<VersionRow | null> {
  return db.personaVersion.findUnique({ where: { personaId_draftRevision: { personaId, draftRevision } } });
}

/** Copies a version's spec into the draft (a new revision); history is untouched. */
export async function restoreVersion(
  ctx: WorkspaceContext,
  personaId: string,
  number: number,
  input: { revision: number },
): Promise<PersonaDetail> {
  const persona = await findPersonaRow(ctx, personaId);
  // Restoring rewrites the draft, which archiving freezes (same rule as updateDraft).
  if (persona.status === "archived") throw new AppError("conflict", "This persona is archived; unarchive it before restoring a version");
  const version = await findVersion(persona.id, number);
  const spec = parseStoredSpec(version.spec);
  const { count } = await db.persona.updateMany({
    where: { id: persona.id, revision: input.revision },
    data: {
      spec: version.spec, name: spec.name, archetype: spec.archetype, revision: { increment: 1 },
      updatedById: ctx.userId, updatedByName: ctx.userName,
    },
  });
  const row = await findPersonaRow(ctx, personaId);
  if (count === 0) throw staleDraft(row);
  await recordActivity(ctx, row.id, "restored", `restored v${number} into the draft`, { version: number });
  return toDetail(row, await latestVersionSpec(row.id, row.latestVersion));
}

type Side = number | "draft";

export async function diffVersions(
  ctx: WorkspaceContext,
  personaId: string,
  input: { from: Side; to: Side },
): Promise<PersonaDiffResponse> {
  const persona = await findPersonaRow(ctx, personaId);
  const load = async (side: Side) => {
    if (side === "draft") {
      const spec = parseStoredSpec(persona.spec);
      return { spec, prompt: compilePersona(spec).prompt };
    }
    const v = await findVersion(persona.id, side);
    return { spec: parseStoredSpec(v.spec), prompt: v.compiledPrompt };
  };
  const [a, b, landing, pressure] = await Promise.all([
    load(input.from), load(input.to), landingForDiff(ctx, persona.id, input.from, input.to), pressureForDiff(ctx, persona.id, input.from, input.to),
  ]);
  return { from: input.from, to: input.to, ...diffPersonas(a, b), ...landing, pressure };
}
