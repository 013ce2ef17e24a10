import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { emptySpec, type PersonaSpec } from "@/lib/schemas/persona";
import type { PersonaDetail } from "@/lib/schemas/persona-api";
import { serializeSpec, slugify } from "@/lib/persona/normalize";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { toDetail } from "@/lib/services/personas/serialize";
import { recordActivity } from "@/lib/services/activity/activity";

const SLUG_BATCH = 20;
const SLUG_BATCHES = 3;

/**
 * The name's slug, or slug-2, slug-3…: each batch of candidates is one lookup on
 * the (workspaceId, slug) unique index, so the cost does not grow with the
 * workspace (a `startsWith` scan read every "nurse-…" row; with thousands of
 * personas of one name it read thousands). Past the first batches a random
 * suffix ends the search.
 */
async function uniqueSlug(workspaceId: string, name: string): Promise<string> {
  const base = slugify(name);
  for (let batch = 0; batch < SLUG_BATCHES; batch++) {
    const candidates = Array.from({ length: SLUG_BATCH }, (_, i) => {
      const n = batch * SLUG_BATCH + i + 1;
      return n === 1 ? base : `${base}-${n}`;
    });
    const taken = new Set(
      (await db.persona.findMany({ where: { workspaceId, slug: { in: candidates } }, select: { slug: true } })).map((p) => p.slug),
    );
    const free = candidates.find((c) => !taken.has(c));
    if (free) return free;
  }
  for (;;) {
    const slug = `${base}-${randomBytes(4).toString("hex")}`;
    if (!(await db.persona.findUnique({ where: { workspaceId_slug: { workspaceId, slug } }, select: { id: true } }))) return slug;
  }
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
