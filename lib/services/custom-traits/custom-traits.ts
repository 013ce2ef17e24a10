import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { CustomTrait as CustomTraitRow } from "@/generated/prisma/client";
import {
  customTraitItemSchema, customTraitRubricSchema, type CustomTrait, type SaveCustomTraitBody,
} from "@/lib/schemas/custom-trait";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Saves are versions: a save never edits a row, it adds version n+1 of the key,
// so whatever a probe run measured stays readable. Two saves racing for the same
// number hit the unique (workspaceId, key, version) index → 409 from the wrapper.

const itemsJson = z.array(customTraitItemSchema);

function toCustomTrait(row: CustomTraitRow): CustomTrait {
  return {
    id: row.id, key: row.key, version: row.version, name: row.name, description: row.description,
    high: row.high, low: row.low,
    items: itemsJson.parse(JSON.parse(row.items)),
    rubric: customTraitRubricSchema.parse(JSON.parse(row.rubric)),
    createdBy: row.createdByName, createdAt: row.createdAt.toISOString(),
  };
}

export async function saveCustomTrait(ctx: WorkspaceContext, input: SaveCustomTraitBody): Promise<CustomTrait> {
  const latest = await db.customTrait.findFirst({
    where: { workspaceId: ctx.workspaceId, key: input.key }, orderBy: { version: "desc" }, select: { version: true },
  });
  const row = await db.customTrait.create({
    data: {
      workspaceId: ctx.workspaceId, key: input.key, version: (latest?.version ?? 0) + 1,
      name: input.name, description: input.description, high: input.high, low: input.low,
      items: JSON.stringify(input.items), rubric: JSON.stringify(input.rubric),
      createdById: ctx.userId, createdByName: ctx.userName,
    },
  });
  return toCustomTrait(row);
}

/** The latest version of every custom trait of the workspace, by key. */
export async function listCustomTraits(ctx: WorkspaceContext): Promise<CustomTrait[]> {
  const rows = await db.customTrait.findMany({ where: { workspaceId: ctx.workspaceId }, orderBy: [{ key: "asc" }, { version: "desc" }] });
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.key) && seen.add(r.key)).map(toCustomTrait);
}

/** Every saved version of one key, newest first; an unknown key (or another workspace's) is 404. */
export async function listCustomTraitVersions(ctx: WorkspaceContext, key: string): Promise<CustomTrait[]> {
  const rows = await db.customTrait.findMany({ where: { workspaceId: ctx.workspaceId, key }, orderBy: { version: "desc" } });
  if (rows.length === 0) throw notFound("Custom trait");
  return rows.map(toCustomTrait);
}
