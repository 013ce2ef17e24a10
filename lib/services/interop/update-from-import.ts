import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { StudioJsonVersion } from "@/lib/interop";
import { compilePersona } from "@/lib/persona/compile";
import { serializeSpec } from "@/lib/persona/normalize";
import type { PersonaSpec } from "@/lib/schemas/persona";
import { recordActivity } from "@/lib/services/activity/activity";
import { updateDraft } from "@/lib/services/personas/update-draft";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// An import into an existing persona (matched by the file's export id, or
// chosen by the user). The draft takes the file's spec through the normal
// draft update, so a stale revision is the same 409 an editor gets. History
// is only ever added to: a version in the file is saved only when no version
// of the persona has the same spec (compared normalised, not by number: the
// file may come from another studio whose v3 is not ours), appended after the
// persona's latest version in the file's order. Re-importing the same file
// therefore adds nothing, and a file that only changes the draft saves no version.

export type ImportTarget = { personaId: string; revision: number };

export async function updateFromImport(
  ctx: WorkspaceContext,
  target: ImportTarget,
  input: { spec: PersonaSpec; versions: StudioJsonVersion[]; summary: string; imported: string },
): Promise<{ versionsImported: number }> {
  await updateDraft(ctx, target.personaId, { revision: target.revision, spec: input.spec });
  try {
    return await db.$transaction(async (tx) => {
      const persona = await tx.persona.findFirstOrThrow({ where: { id: target.personaId, workspaceId: ctx.workspaceId } });
      const stored = await tx.personaVersion.findMany({ where: { personaId: persona.id }, select: { spec: true } });
      const have = new Set(stored.map((v) => serializeSpec(parseStoredSpec(v.spec))));
      const fresh = input.versions.filter((v) => {
        const key = serializeSpec(v.spec);
        if (have.has(key)) return false;
        have.add(key);
        return true;
      });
      for (const [i, v] of fresh.entries()) {
        await tx.personaVersion.create({
          data: {
            personaId: persona.id, number: persona.latestVersion + i + 1, message: `${v.message} (imported, was v${v.number} by ${v.authorName})`,
            spec: serializeSpec(v.spec), compiledPrompt: compilePersona(v.spec).prompt, authorId: ctx.userId, authorName: ctx.userName,
          },
        });
      }
      const latest = persona.latestVersion + fresh.length;
      await tx.persona.update({
        where: { id: persona.id },
        data: { imported: input.imported, ...(fresh.length ? { latestVersion: latest, ...(persona.status === "approved" ? { status: "draft" } : {}) } : {}) },
      });
      const added = fresh.length ? ` and saved ${fresh.length} new version${fresh.length === 1 ? "" : "s"} (up to v${latest})` : "";
      await recordActivity(ctx, persona.id, "imported", `${input.summary}${added}`, { version: fresh.length ? latest : null }, tx);
      return { versionsImported: fresh.length };
    });
  } catch (error) {
    // A version saved by someone else between our read and write took the number.
    if ((error as { code?: unknown })?.code === "P2002") throw new AppError("conflict", "A version was saved while importing; import the file again", { field: "target" });
    throw error;
  }
}
