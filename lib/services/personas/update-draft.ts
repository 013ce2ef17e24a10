import "server-only";
import { updateAfterReading } from "@/lib/db/writer";
import { AppError } from "@/lib/errors/app-error";
import type { PersonaSpec } from "@/lib/schemas/persona";
import type { ConflictDetails, PersonaDetail } from "@/lib/schemas/persona-api";
import { serializeSpec } from "@/lib/persona/normalize";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { changedFields } from "@/lib/persona/field-labels";
import { newestActivityOf, newestActivitySql, recordEdit } from "@/lib/services/activity/activity";
import { notFound } from "@/lib/errors/app-error";
import { editorRowOf, readEditorRow, summarySql, type EditorRow } from "@/lib/services/personas/find-persona";
import { parseStoredSpec, toDetail } from "@/lib/services/personas/serialize";

// What a save returns: the editor row's columns (SQLite's RETURNING takes no table alias),
// and the newest entry of its activity trail, which the edit may fold into.
const SAVED_SQL = `${summarySql(`"Persona"`)}, "Persona"."spec", ` +
  `(SELECT v."spec" FROM "PersonaVersion" v WHERE v."personaId" = "Persona"."id" AND v."number" = "Persona"."latestVersion") AS "latestSpec", ` +
  newestActivitySql(`"Persona"."id"`);

type Row = Pick<EditorRow, "revision" | "spec" | "updatedAt" | "updatedByName">;

export function staleDraft(current: Row): AppError {
  const details: ConflictDetails = {
    current: {
      revision: current.revision,
      spec: parseStoredSpec(current.spec),
      updatedAt: current.updatedAt.toISOString(),
      updatedBy: current.updatedByName,
    },
  };
  return new AppError(
    "conflict",
    `${current.updatedByName} saved a newer draft (revision ${current.revision}); your text is kept — choose which to keep`,
    { field: "revision", details },
  );
}

/**
 * Optimistic concurrency: the write only happens if the stored revision is the
 * one the editor started from. Otherwise 409 with the current draft, so the
 * client can show both texts and nothing is lost.
 */
export async function updateDraft(
  ctx: WorkspaceContext,
  personaId: string,
  input: { revision: number; spec: PersonaSpec },
): Promise<PersonaDetail> {
  // The busiest write of the studio (a save per pause in typing): plain statements (lib/db/writer),
  // not Prisma's 0.5–0.8 ms each. The draft as it was (for the fields the edit touched) and the
  // update are one statement on PostgreSQL (one round trip; lib/db/writer, updateAfterReading).
  // The update returns the saved row (the latest version's spec too), so a save is not read back,
  // and the trail's newest entry, so folding the edit into it reads nothing more.
  const written = await updateAfterReading<{ beforeStatus: string; beforeSpec: string }, Record<string, unknown>>(
    {
      sql: `SELECT "status" AS "beforeStatus", "spec" AS "beforeSpec" FROM "Persona" WHERE "id" = ? AND "workspaceId" = ?`,
      params: [personaId, ctx.workspaceId],
    },
    {
      sql: `UPDATE "Persona" SET "spec" = ?, "name" = ?, "archetype" = ?, "revision" = "revision" + 1, "updatedById" = ?, "updatedByName" = ?, "updatedAt" = ?
        WHERE "id" = ? AND "workspaceId" = ? AND "revision" = ? AND "status" <> 'archived'
        RETURNING ${SAVED_SQL}`,
      params: [serializeSpec(input.spec), input.spec.name, input.spec.archetype, ctx.userId, ctx.userName, new Date(), personaId, ctx.workspaceId, input.revision],
    },
  );
  if (!written) throw notFound("Persona");
  if (written.before.beforeStatus === "archived") throw new AppError("conflict", "This persona is archived; restore it before editing");
  const saved = written.saved;
  if (!saved) {
    // Not written: someone saved first (409 with their text), or the persona was deleted meanwhile.
    const now = await readEditorRow(ctx, personaId);
    throw now ? staleDraft(now) : notFound("Persona");
  }
  const row = editorRowOf(saved);
  const fields = changedFields(parseStoredSpec(written.before.beforeSpec), input.spec);
  if (fields.length) await recordEdit(ctx, row.id, fields, newestActivityOf(saved));
  return toDetail(row, row.latestSpec);
}
