import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client";
import type { listPersonasQuery, PersonaSummary } from "@/lib/schemas/persona-api";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { toSummary } from "@/lib/services/personas/serialize";

type Query = z.output<typeof listPersonasQuery>;

const ORDER: Record<Query["sort"], Prisma.PersonaOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }],
  created: [{ createdAt: "desc" }],
  name: [{ name: "asc" }, { updatedAt: "desc" }],
  status: [{ status: "asc" }, { updatedAt: "desc" }],
};

export async function listPersonas(ctx: WorkspaceContext, query: Query): Promise<PersonaSummary[]> {
  const where: Prisma.PersonaWhereInput = { workspaceId: ctx.workspaceId };
  if (query.status === "active") where.status = { not: "archived" };
  else if (query.status !== "all") where.status = query.status;
  const q = query.q?.trim();
  if (q) where.OR = [{ name: { contains: q } }, { archetype: { contains: q } }, { slug: { contains: q.toLowerCase() } }];
  const rows = await db.persona.findMany({ where, orderBy: ORDER[query.sort], take: 500 });
  // SQLite LIKE reads % and _ as wildcards and Prisma does not escape them, so "%" would match everything.
  const needle = q && /[%_]/.test(q) ? q.toLowerCase() : null;
  const matches = (r: (typeof rows)[number]) => !needle || [r.name, r.archetype, r.slug].some((s) => s.toLowerCase().includes(needle));
  return rows.filter(matches).map(toSummary);
}
