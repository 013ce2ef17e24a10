import "server-only";
import type { z } from "zod";
import type { ShareLink as Row } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { CreatedShare, createShareBody, ShareLink } from "@/lib/schemas/share";
import { recordActivity } from "@/lib/services/activity/activity";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import { ensureSharedSamples, sharedVersionNumber } from "@/lib/services/sharing/share-samples";
import { hashShareToken, newShareToken } from "@/lib/services/sharing/tokens";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Creating, listing and revoking share links. The token is returned once, at
// creation; afterwards the list shows state, expiry and last access only.

const DAY_MS = 24 * 3600_000;

export function stateOf(r: Row, now = new Date()): ShareLink["state"] {
  if (r.revokedAt) return "revoked";
  if (r.expiresAt && r.expiresAt <= now) return "expired";
  return "active";
}

/** A persona's link (panel links have no persona: lib/services/panels/panel-shares.ts). */
function toLink(r: Row & { personaId: string }): ShareLink {
  return {
    id: r.id, personaId: r.personaId, version: r.versionNumber ?? "latest", label: r.label, includeComments: r.includeComments,
    state: stateOf(r), expiresAt: r.expiresAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null,
    revokedBy: r.revokedByName, lastAccessedAt: r.lastAccessedAt?.toISOString() ?? null, accessCount: r.accessCount,
    createdBy: r.createdByName, createdAt: r.createdAt.toISOString(),
  };
}

export async function createShareLink(ctx: WorkspaceContext, personaId: string, input: z.output<typeof createShareBody>): Promise<CreatedShare> {
  const persona = await findPersonaRow(ctx, personaId);
  const number = sharedVersionNumber(persona, input.version);
  // Before the link exists: a failed recording leaves no link behind an empty section.
  if (input.recordSamples) await ensureSharedSamples(ctx, persona, number);
  const token = newShareToken();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: {
        workspaceId: ctx.workspaceId, personaId: persona.id, versionNumber: input.version === "latest" ? null : input.version,
        tokenHash: hashShareToken(token), label: input.label, includeComments: input.includeComments,
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null,
        createdById: ctx.userId, createdByName: ctx.userName,
      },
    });
    const what = input.version === "latest" ? "the latest version" : `v${input.version}`;
    await recordActivity(ctx, persona.id, "share_created", `shared ${what}${input.label ? ` (“${input.label}”)` : ""}${input.includeComments ? " with comments" : ""}${input.expiresInDays ? `, expires in ${input.expiresInDays} day${input.expiresInDays === 1 ? "" : "s"}` : ""}`, { version: typeof input.version === "number" ? input.version : null, shareId: created.id }, tx);
    return created;
  });
  return { ...toLink({ ...row, personaId: persona.id }), token, path: `/s/${token}` };
}

export async function listShareLinks(ctx: WorkspaceContext, personaId: string): Promise<ShareLink[]> {
  const persona = await findPersonaRow(ctx, personaId);
  const rows = await db.shareLink.findMany({ where: { personaId: persona.id, workspaceId: ctx.workspaceId }, orderBy: { createdAt: "desc" } });
  return rows.map((r) => toLink({ ...r, personaId: persona.id }));
}

export async function revokeShareLink(ctx: WorkspaceContext, shareId: string): Promise<ShareLink> {
  const found = await db.shareLink.findFirst({ where: { id: shareId, workspaceId: ctx.workspaceId } });
  if (!found?.personaId) throw notFound("Share link");
  const personaId = found.personaId;
  if (found.revokedAt) return toLink({ ...found, personaId });
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.shareLink.update({ where: { id: found.id }, data: { revokedAt: new Date(), revokedByName: ctx.userName } });
    await recordActivity(ctx, personaId, "share_revoked", `revoked the share link${found.label ? ` “${found.label}”` : ""}`, { version: found.versionNumber, shareId: found.id }, tx);
    return updated;
  });
  return toLink({ ...row, personaId });
}
