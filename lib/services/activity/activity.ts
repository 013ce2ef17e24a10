import "server-only";
import { db } from "@/lib/db/client";
import type { Activity, ActivityKind } from "@/lib/schemas/review";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// The persona's activity trail. Every use case that changes a persona, or
// decides, comments or shares, writes one line here. Autosaves would drown the
// trail, so draft edits by the same person within FOLD_MS fold into one entry.

const FOLD_MS = 10 * 60_000;

type Tx = Pick<typeof db, "activity">;
type Actor = Pick<WorkspaceContext, "userId" | "userName" | "workspaceId">;

export const editedSummary = (fields: readonly string[]) =>
  `edited the draft${fields.length ? `: ${fields.join(", ").toLowerCase()}` : ""}`;

export async function recordActivity(
  actor: Actor, personaId: string, kind: ActivityKind, summary: string,
  data: { version?: number | null; [key: string]: unknown } = {}, tx: Tx = db,
): Promise<void> {
  if (kind === "edited") {
    const recent = await tx.activity.findFirst({
      where: { personaId, kind: "edited", actorId: actor.userId, updatedAt: { gte: new Date(Date.now() - FOLD_MS) } },
      orderBy: { updatedAt: "desc" },
    });
    // Only fold into the newest entry of the trail; anything in between keeps the order honest.
    const newest = await tx.activity.findFirst({ where: { personaId }, orderBy: { updatedAt: "desc" }, select: { id: true } });
    if (recent && newest?.id === recent.id) {
      // The folded entry names every field touched in the burst, not just the last one.
      const before = (JSON.parse(recent.data) as { fields?: string[] }).fields ?? [];
      const fields = [...new Set([...before, ...((data.fields as string[] | undefined) ?? [])])];
      await tx.activity.update({ where: { id: recent.id }, data: { count: { increment: 1 }, summary: editedSummary(fields), data: JSON.stringify({ ...data, fields }) } });
      return;
    }
  }
  await tx.activity.create({
    data: {
      workspaceId: actor.workspaceId, personaId, actorId: actor.userId, actorName: actor.userName,
      kind, summary, data: JSON.stringify(data),
    },
  });
}

export async function listActivity(ctx: WorkspaceContext, personaId: string, limit: number): Promise<Activity[]> {
  const persona = await findPersonaRow(ctx, personaId);
  const rows = await db.activity.findMany({
    where: { personaId: persona.id, workspaceId: ctx.workspaceId },
    orderBy: [{ updatedAt: "desc" }, { createdAt: "desc" }],
    take: limit,
  });
  return rows.map((r) => {
    const data = JSON.parse(r.data) as { version?: number | null };
    return {
      id: r.id, kind: r.kind as ActivityKind, summary: r.summary, actor: { id: r.actorId, name: r.actorName },
      count: r.count, version: typeof data.version === "number" ? data.version : null,
      createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
    };
  });
}
