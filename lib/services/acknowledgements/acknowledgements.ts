import "server-only";
import type { z } from "zod";
import type { FlagAcknowledgement as AckRow } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { describeFlagId, shortenAtWord, type AckRecord } from "@/lib/probing/flags/acknowledge";
import { probeTrait } from "@/lib/probing/traits";
import type { Acknowledgement, acknowledgeFlagBody } from "@/lib/schemas/acknowledgement";
import { recordActivity } from "@/lib/services/activity/activity";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// "Expected for this persona" (issue 12 §7): one acknowledgement per (flag id,
// direction) on a persona; acknowledging again replaces the reason. Served
// reports read them (lib/services/probes/stored-report.ts runDetail); the
// activity feed says who acknowledged what, and why.

type Body = z.output<typeof acknowledgeFlagBody>;

export function toAcknowledgement(r: AckRow): Acknowledgement {
  return {
    id: r.id, flagId: r.flagId, direction: r.direction === "up" || r.direction === "down" ? r.direction : "",
    reason: r.reason, by: r.createdByName, at: r.createdAt.toISOString(),
  };
}

/** A persona's acknowledgements as the served reports match them (no access check: callers hold the persona already). */
export async function acknowledgementsOf(personaId: string): Promise<AckRecord[]> {
  const rows = await db.flagAcknowledgement.findMany({ where: { personaId }, orderBy: { createdAt: "asc" } });
  return rows.map(toAcknowledgement);
}

export async function listAcknowledgements(ctx: WorkspaceContext, personaId: string): Promise<{ acknowledgements: Acknowledgement[] }> {
  const persona = await findPersonaRow(ctx, personaId);
  return { acknowledgements: await acknowledgementsOf(persona.id) };
}

/** A trait's display name in the activity feed (a custom trait reads by its key). */
const traitName = (key: string) => probeTrait(key)?.name ?? key;

/** Creates the acknowledgement, or replaces the reason of the one with the same flag and direction. */
export async function acknowledgeFlag(ctx: WorkspaceContext, personaId: string, body: Body): Promise<{ created: boolean; acknowledgement: Acknowledgement }> {
  const persona = await findPersonaRow(ctx, personaId);
  // Only a leakage flag has a direction to acknowledge; for any other kind it would split one flag into three.
  const direction = body.flagId.startsWith("leakage:") ? body.direction : "";
  const key = { personaId_flagId_direction: { personaId: persona.id, flagId: body.flagId, direction } };
  const by = { reason: body.reason, createdById: ctx.userId, createdByName: ctx.userName, createdAt: new Date() };
  return db.$transaction(async (tx) => {
    const existing = await tx.flagAcknowledgement.findUnique({ where: key, select: { id: true } });
    const row = existing
      ? await tx.flagAcknowledgement.update({ where: { id: existing.id }, data: by })
      : await tx.flagAcknowledgement.create({ data: { personaId: persona.id, flagId: body.flagId, direction, ...by } });
    await recordActivity(ctx, persona.id, "flag_acknowledged",
      `marked ${describeFlagId(body.flagId, direction, traitName)} as expected for this persona: “${shortenAtWord(body.reason, 160)}”`,
      { version: null, ackId: row.id, flagId: body.flagId }, tx);
    return { created: !existing, acknowledgement: toAcknowledgement(row) };
  });
}

/** Withdraws an acknowledgement of this persona; another persona's or workspace's is not found. */
export async function removeAcknowledgement(ctx: WorkspaceContext, personaId: string, ackId: string): Promise<void> {
  const persona = await findPersonaRow(ctx, personaId);
  const row = await db.flagAcknowledgement.findFirst({ where: { id: ackId, personaId: persona.id } });
  if (!row) throw notFound("Acknowledgement");
  await db.$transaction(async (tx) => {
    await tx.flagAcknowledgement.delete({ where: { id: row.id } });
    await recordActivity(ctx, persona.id, "flag_unacknowledged",
      `withdrew “expected for this persona” from ${describeFlagId(row.flagId, toAcknowledgement(row).direction, traitName)}: it counts again`, { version: null, flagId: row.flagId }, tx);
  });
}
