import "server-only";
import { db } from "@/lib/db/client";
import type { PersonaDetail } from "@/lib/schemas/persona-api";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { findPersonaRow, latestVersionSpec } from "@/lib/services/personas/find-persona";
import { toDetail } from "@/lib/services/personas/serialize";
import { recordActivity } from "@/lib/services/activity/activity";

/** Archive hides a persona from the list and freezes it; unarchive returns it to draft. */
export async function setArchived(ctx: WorkspaceContext, personaId: string, input: { archived: boolean }): Promise<PersonaDetail> {
  const row = await findPersonaRow(ctx, personaId);
  const status = input.archived ? "archived" : "draft";
  const updated =
    row.status === status
      ? row
      : await db.persona.update({
          where: { id: row.id },
          data: { status, revision: { increment: 1 }, updatedById: ctx.userId, updatedByName: ctx.userName },
        });
  if (row.status !== status) await recordActivity(ctx, row.id, input.archived ? "archived" : "unarchived", input.archived ? "archived the persona" : "unarchived the persona (back to draft)");
  return toDetail(updated, await latestVersionSpec(updated.id, updated.latestVersion));
}

/** Deletes the persona and its versions (cascade). The UI asks for the name first. */
export async function deletePersona(ctx: WorkspaceContext, personaId: string): Promise<void> {
  const row = await findPersonaRow(ctx, personaId);
  await db.persona.delete({ where: { id: row.id } });
}
