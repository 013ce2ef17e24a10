import "server-only";
import type { z } from "zod";
import type { ShareLink as Row } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { PolarityAxis } from "@/lib/schemas/panel";
import { frozenPanelRunSpecSchema, type PanelArm, type PanelRun } from "@/lib/schemas/panel-run";
import type { CreatedPanelShare, createPanelShareBody, PanelShareLink, SharedPanelBundle } from "@/lib/schemas/panel-session";
import { SIMULATOR_LABEL } from "@/lib/schemas/provider";
import { SHARED_FAILURE } from "@/lib/schemas/share";
import { findPanelRow, parseStoredPanelSpec } from "@/lib/services/panels/find-panel";
import { latestFinalPanelReport } from "@/lib/services/panels/panel-report";
import { orderAnswers } from "@/lib/services/panels/panel-sessions";
import { toPanelDetail } from "@/lib/services/panels/serialize";
import { panelThreadsOf } from "@/lib/services/review/comments";
import { countVisit, findActiveLink, GONE } from "@/lib/services/sharing/active-link";
import { publicThread } from "@/lib/services/sharing/public-comments";
import { stateOf } from "@/lib/services/sharing/share-links";
import { hashShareToken, newShareToken } from "@/lib/services/sharing/tokens";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// A panel's share links (issue 13 §1): the same options, token handling and
// limits as a persona's (share-links.ts, tokens.ts) — the token is returned
// once, only its SHA-256 is stored. The page it opens is built field by field
// from an allow-list (sharedPanelBundleSchema): the panel's name and
// description, each member's name, archetype and seat label, the polarity
// pairs, the latest final panel report, and — with comments — the latest
// recorded session and its threads. Never a key, a provider id, an endpoint,
// a persona id or a user id; a failed answer says "failed".

const DAY_MS = 24 * 3600_000;

function toLink(r: Row & { panelId: string }): PanelShareLink {
  return {
    id: r.id, panelId: r.panelId, label: r.label, includeComments: r.includeComments,
    state: stateOf(r), expiresAt: r.expiresAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null,
    revokedBy: r.revokedByName, lastAccessedAt: r.lastAccessedAt?.toISOString() ?? null, accessCount: r.accessCount,
    createdBy: r.createdByName, createdAt: r.createdAt.toISOString(),
  };
}

export async function createPanelShareLink(ctx: WorkspaceContext, panelId: string, input: z.output<typeof createPanelShareBody>): Promise<CreatedPanelShare> {
  const panel = await findPanelRow(ctx, panelId);
  const token = newShareToken();
  const row = await db.shareLink.create({
    data: {
      workspaceId: ctx.workspaceId, panelId: panel.id, tokenHash: hashShareToken(token), label: input.label, includeComments: input.includeComments,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null,
      createdById: ctx.userId, createdByName: ctx.userName,
    },
  });
  return { ...toLink({ ...row, panelId: panel.id }), token, path: `/s/${token}` };
}

export async function listPanelShareLinks(ctx: WorkspaceContext, panelId: string): Promise<PanelShareLink[]> {
  const panel = await findPanelRow(ctx, panelId);
  const rows = await db.shareLink.findMany({ where: { panelId: panel.id, workspaceId: ctx.workspaceId }, orderBy: { createdAt: "desc" } });
  return rows.map((r) => toLink({ ...r, panelId: panel.id }));
}

export async function revokePanelShareLink(ctx: WorkspaceContext, panelId: string, shareId: string): Promise<PanelShareLink> {
  const panel = await findPanelRow(ctx, panelId);
  const found = await db.shareLink.findFirst({ where: { id: shareId, panelId: panel.id, workspaceId: ctx.workspaceId } });
  if (!found) throw notFound("Share link");
  if (found.revokedAt) return toLink({ ...found, panelId: panel.id });
  const row = await db.shareLink.update({ where: { id: found.id }, data: { revokedAt: new Date(), revokedByName: ctx.userName } });
  return toLink({ ...row, panelId: panel.id });
}

// ── The shared page ──────────────────────────────────────────────────────────

const traitName = (k: string) => findTrait(k)?.name ?? humanizeTraitKey(k);

function axisInWords(axis: PolarityAxis | undefined): string {
  if (!axis) return "overall";
  if ("trait" in axis) return traitName(axis.trait);
  return Object.entries(axis.weights).filter(([, w]) => w !== 0).map(([k, w]) => `${w < 0 ? "−" : ""}${traitName(k)}${Math.abs(w) !== 1 ? ` ×${Math.abs(w)}` : ""}`).join(" + ");
}

/** The latest final panel report and a run record for the report view with every provider id blanked. */
async function latestFinalReport(panelId: string): Promise<SharedPanelBundle["report"]> {
  const found = await latestFinalPanelReport(panelId);
  if (!found) return null;
  const { row, report } = found;
  const frozen = frozenPanelRunSpecSchema.safeParse(JSON.parse(row.spec));
  // Only what PanelReportView reads (id, experiment, members, watched); persona ids and run ids blanked.
  const run: Pick<PanelRun, "id" | "experiment" | "members" | "watched"> = {
    id: row.id, experiment: row.experiment === "ceiling" ? "ceiling" : "divergence", watched: report.watched,
    members: (frozen.success ? frozen.data.members : report.members).map((m) => ({
      key: m.key, name: m.name, personaId: "", version: "version" in m ? (m.version as number | null) : null,
      runs: report.arms.map((a) => {
        const seat = a.seats[m.key] ?? "";
        return { arm: a.arm as PanelArm, runId: "", seatLabel: seat, simulated: seat.startsWith(SIMULATOR_LABEL), status: "completed" as const, done: 0, failed: 0 };
      }),
    })),
  };
  return { runId: row.id, finishedAt: row.finishedAt?.toISOString() ?? null, report, run };
}

async function latestSession(workspaceId: string, panelId: string, memberOrder: string[]): Promise<SharedPanelBundle["session"]> {
  const session = await db.panelSession.findFirst({ where: { panelId, workspaceId }, orderBy: { createdAt: "desc" }, include: { answers: true } });
  if (!session) return null;
  const comments = await panelThreadsOf(workspaceId, panelId, { status: "all", answerIds: session.answers.map((a) => a.id) });
  return {
    question: session.question, crossExamine: session.crossExamine, createdAt: session.createdAt.toISOString(),
    answers: orderAnswers(session.answers, memberOrder).map((a) => ({
      id: a.id, round: a.round === 2 ? 2 : 1, memberKey: a.memberKey, memberName: a.memberName, seatLabel: a.seatLabel, simulated: a.simulated,
      answer: a.answer, error: a.error === null ? null : SHARED_FAILURE, latencyMs: a.latencyMs, createdAt: a.createdAt.toISOString(),
    })),
    comments: comments.map(publicThread),
  };
}

export async function openPanelShare(token: string): Promise<SharedPanelBundle> {
  const link = await findActiveLink(token);
  if (!link.panelId) throw notFound(GONE);
  const panel = await db.panel.findUnique({ where: { id: link.panelId } });
  if (!panel || panel.workspaceId !== link.workspaceId) throw notFound(GONE);
  await countVisit(link);
  const detail = await toPanelDetail(panel);
  const spec = parseStoredPanelSpec(panel.spec);
  const nameOf = new Map(detail.members.map((m) => [m.key, m.name]));
  const [report, session] = await Promise.all([
    latestFinalReport(panel.id),
    link.includeComments ? latestSession(panel.workspaceId, panel.id, spec.members.map((m) => m.key)) : Promise.resolve(null),
  ]);
  return {
    panel: { name: panel.name, description: panel.description },
    members: detail.members.filter((m) => !m.missing).map((m) => ({ key: m.key, name: m.name, archetype: m.archetype, seatLabel: m.seatLabel })),
    polarityPairs: spec.polarityPairs.map((p) => ({ a: nameOf.get(p.a) ?? p.a, b: nameOf.get(p.b) ?? p.b, axis: axisInWords(p.axis), direction: p.direction ?? null })),
    report,
    session,
    sharedBy: link.createdByName,
    sharedAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt?.toISOString() ?? null,
  };
}
