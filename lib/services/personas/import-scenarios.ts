import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { describeImportError, importIntoList } from "@/lib/persona/scenarios-import";
import type { importScenariosBody } from "@/lib/schemas/scenario";
import type { PersonaDetail } from "@/lib/schemas/persona-api";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import { staleDraft, updateDraft } from "@/lib/services/personas/update-draft";

type Body = z.output<typeof importScenariosBody>;

/**
 * Parses the file and writes the scenarios into the draft through updateDraft,
 * the autosave's own path: same revision check (409 with the current draft),
 * same activity entry. A file with any bad line imports nothing.
 */
export async function importScenariosIntoDraft(
  ctx: WorkspaceContext,
  personaId: string,
  body: Body,
): Promise<{ imported: number; persona: PersonaDetail }> {
  const row = await findPersonaRow(ctx, personaId);
  if (row.revision !== body.revision) throw staleDraft(row);
  const spec = parseStoredSpec(row.spec);
  const result = importIntoList(spec.scenarios, body.format, body.text, body.mode);
  if (result.errors.length) {
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : "";
    throw new AppError("validation", `text: ${describeImportError(result.errors[0])}${more}; nothing was imported`, {
      field: "text",
      details: { errors: result.errors.slice(0, 50) },
    });
  }
  const persona = await updateDraft(ctx, personaId, { revision: body.revision, spec: { ...spec, scenarios: result.scenarios } });
  return { imported: result.imported, persona };
}
