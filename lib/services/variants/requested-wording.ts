import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { serializeSpec } from "@/lib/persona/normalize";
import type { requestedWordingVariantBody, Variant } from "@/lib/schemas/variant";
import { listCustomTraits } from "@/lib/services/custom-traits/custom-traits";
import { requestedWordingLabel, requestedWordingSpec } from "@/lib/services/probes/pressure-config";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import { assertNotArchived, toVariant } from "@/lib/services/variants/variants";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// "Try the requested-behaviour wording" (issue 14 §4): one click on a leakage
// flag makes a variant of the draft whose trait target is requested by the role
// ("The role asks you to …; that is the job here, not who you are") instead of
// stated as the character's nature, ready to probe beside the draft.

/** "<name>", else "<name> 2", "<name> 3"… — the first not taken by a variant of the persona. */
async function freeName(personaId: string, name: string): Promise<string> {
  const taken = new Set((await db.personaVariant.findMany({ where: { personaId, name: { startsWith: name } }, select: { name: true } })).map((v) => v.name));
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name} ${n}`)) return `${name} ${n}`;
}

export async function createRequestedWordingVariant(ctx: WorkspaceContext, personaId: string, input: z.output<typeof requestedWordingVariantBody>): Promise<Variant> {
  const persona = await findPersonaRow(ctx, personaId);
  assertNotArchived(persona);
  const draft = parseStoredSpec(persona.spec);
  const spec = requestedWordingSpec(draft, input.trait, "trait");
  const names = Object.fromEntries((await listCustomTraits(ctx)).map((t) => [t.key, t.name]));
  const name = await freeName(persona.id, requestedWordingLabel(input.trait, names));
  const row = await db.personaVariant.create({
    data: { personaId: persona.id, name, spec: serializeSpec(spec), createdByName: ctx.userName, updatedByName: ctx.userName },
  });
  return toVariant(row);
}
