import "server-only";
import { db } from "@/lib/db/client";
import { emptySpec, type PersonaSpec } from "@/lib/schemas/persona";
import type { PersonaDetail } from "@/lib/schemas/persona-api";
import { serializeSpec, slugify } from "@/lib/persona/normalize";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { toDetail } from "@/lib/services/personas/serialize";
import { recordActivity } from "@/lib/services/activity/activity";

async function uniqueSlug(workspaceId: string, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.persona.findMany({ where: { workspaceId, slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** `origin`: for an import — what the trail says, and the JSON kept in Persona.imported. */
export async function createPersona(
  ctx: WorkspaceContext,
  input: { name: string; archetype?: string; spec?: PersonaSpec },
  origin?: { summary: string; imported: string },
): Promise<PersonaDetail> {
  const spec: PersonaSpec = {
    ...(input.spec ?? emptySpec()),
    name: input.name,
    ...(input.archetype !== undefined ? { archetype: input.archetype } : {}),
  };
  const row = await db.persona.create({
    data: {
      workspaceId: ctx.workspaceId,
      slug: await uniqueSlug(ctx.workspaceId, input.name),
      name: spec.name,
      archetype: spec.archetype,
      spec: serializeSpec(spec),
      createdById: ctx.userId,
      updatedById: ctx.userId,
      updatedByName: ctx.userName,
      imported: origin?.imported ?? null,
    },
  });
  await recordActivity(ctx, row.id, "created", origin?.summary ?? (input.spec ? "created the persona from a full spec" : "created the persona"));
  return toDetail(row, null);
}
