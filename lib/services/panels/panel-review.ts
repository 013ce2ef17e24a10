import "server-only";
import type { z } from "zod";
import type { PanelReviewRequest as RequestRow } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { PanelFlag } from "@/lib/probing/panel/report-types";
import type {
  decidePanelBody, PanelDecisionResult, PanelReviewRequest, PanelReviews, PanelReviewStatus,
  PanelVersionReview, requestPanelReviewBody,
} from "@/lib/schemas/panel-review";
import type { ApprovalPolicy } from "@/lib/schemas/review";
import { roleAtLeast } from "@/lib/schemas/workspace";
import { findPanelRow } from "@/lib/services/panels/find-panel";
import { latestFinalPanelReport } from "@/lib/services/panels/panel-report";
import { noticePanelDecision, noticePanelReviewRequested } from "@/lib/services/review/review-notices";
import { policyOf, requestFields, reviewersOf, toDecision } from "@/lib/services/review/review";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Panel review (issue 13 §1), the persona workflow (review.ts) on a panel
// version: an editor asks members (reviewer or above, not themselves) to review
// a saved version; any reviewer approves it or requests changes (with a note).
// The approval gate reads the version's latest FINAL panel probe: one pinned to
// the version (PanelRun.panelVersion), else — when no probe was pinned to it —
// the newest final probe of the panel as it stood (panelVersion null), said so.
// Every panel flag is open (panel flags cannot be acknowledged). The workspace
// approvalPolicy applies: "block" refuses approval without a final probe or with
// open flags (409 naming them); "warn" lets it through and the decision keeps
// how many were open. Panels have no activity trail (the trail is per persona,
// and a panel review changes no member persona): nothing is recorded there.

type RequestWithPanel = RequestRow & { panel: { name: string } };
const panelName = { panel: { select: { name: true } } } as const;

export function toPanelRequest(r: RequestWithPanel): PanelReviewRequest {
  return { ...requestFields(r), panelId: r.panelId, panelName: r.panel.name };
}

/** The newest decision, else "in review" while a request is open. */
function statusOf(requests: { status: string }[], decisions: { decision: string; createdAt: Date }[]): PanelReviewStatus {
  const newest = [...decisions].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (newest) return newest.decision as PanelReviewStatus;
  return requests.some((r) => r.status === "open") ? "in_review" : "not_reviewed";
}

async function findPanelVersion(ctx: WorkspaceContext, panelId: string, number: number) {
  const panel = await findPanelRow(ctx, panelId);
  const version = await db.panelVersion.findUnique({ where: { panelId_number: { panelId: panel.id, number } }, select: { number: true } });
  if (!version) throw notFound("Version");
  return panel;
}

/** The newest final panel probe of the version: pinned to it, else of the unpinned panel. */
async function latestFinalProbe(panelId: string, version: number) {
  for (const panelVersion of [version, null]) {
    const found = await latestFinalPanelReport(panelId, panelVersion);
    if (found) return { id: found.row.id, finishedAt: found.row.finishedAt, pinned: panelVersion !== null, flags: found.report.flags ?? [] };
  }
  return null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What the version's latest final panel probe says, as warnings (policy warn) or blockers (policy block). */
async function approvalState(panelId: string, version: number, policy: ApprovalPolicy) {
  const run = await latestFinalProbe(panelId, version);
  const concerns: string[] = [];
  const open: PanelFlag[] = run?.flags ?? [];
  if (!run) concerns.push(`v${version} has no final panel probe: nobody has measured whether its members differ.`);
  else if (open.length > 0) {
    const messages = open.slice(0, 3).map((f) => f.message).join(" ");
    concerns.push(`v${version}'s latest final panel probe has ${plural(open.length, "open flag")}: ${messages}${open.length > 3 ? " …" : ""}`);
  }
  const notes = run && !run.pinned ? [`No panel probe was pinned to v${version}; the gate reads the newest probe of the panel as it stood.`] : [];
  return {
    run, openFlags: run ? open.length : null,
    warnings: [...(policy === "warn" ? concerns : []), ...notes],
    blockers: policy === "block" ? concerns : [],
  };
}

export async function getPanelVersionReview(ctx: WorkspaceContext, panelId: string, number: number): Promise<PanelVersionReview> {
  const panel = await findPanelVersion(ctx, panelId, number);
  const policy = await policyOf(ctx.workspaceId);
  const state = await approvalState(panel.id, number, policy);
  const [requests, decisions] = await Promise.all([
    db.panelReviewRequest.findMany({ where: { panelId: panel.id, versionNumber: number }, include: panelName, orderBy: { createdAt: "asc" } }),
    db.panelReviewDecision.findMany({ where: { panelId: panel.id, versionNumber: number }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    version: number, latestVersion: panel.latestVersion, status: statusOf(requests, decisions), policy,
    report: state.run
      ? {
        runId: state.run.id, finishedAt: state.run.finishedAt?.toISOString() ?? null, pinned: state.run.pinned,
        flags: state.run.flags.map((f) => ({ kind: f.kind, arm: f.arm, members: f.members, message: f.message })),
        openFlags: state.openFlags ?? 0,
      }
      : null,
    warnings: state.warnings, blockers: state.blockers,
    requests: requests.map(toPanelRequest), decisions: decisions.map(toDecision),
  };
}

/** Every version with a request or a decision, newest first. */
export async function listPanelReviews(ctx: WorkspaceContext, panelId: string): Promise<PanelReviews> {
  const panel = await findPanelRow(ctx, panelId);
  const [policy, requests, decisions] = await Promise.all([
    policyOf(ctx.workspaceId),
    db.panelReviewRequest.findMany({ where: { panelId: panel.id }, include: panelName, orderBy: { createdAt: "asc" } }),
    db.panelReviewDecision.findMany({ where: { panelId: panel.id }, orderBy: { createdAt: "asc" } }),
  ]);
  const numbers = [...new Set([...requests, ...decisions].map((r) => r.versionNumber))].sort((a, b) => b - a);
  const versions = numbers.map((version) => {
    const rs = requests.filter((r) => r.versionNumber === version);
    const ds = decisions.filter((d) => d.versionNumber === version);
    return { version, status: statusOf(rs, ds), requests: rs.map(toPanelRequest), decisions: ds.map(toDecision) };
  });
  return {
    policy, latestVersion: panel.latestVersion,
    approvedVersion: versions.find((v) => v.status === "approved")?.version ?? null, versions,
  };
}

export async function requestPanelReview(ctx: WorkspaceContext, panelId: string, input: z.output<typeof requestPanelReviewBody>): Promise<PanelReviewRequest[]> {
  const panel = await findPanelRow(ctx, panelId);
  const version = await db.panelVersion.findUnique({ where: { panelId_number: { panelId: panel.id, number: input.version } }, select: { number: true } });
  if (!version) throw new AppError("validation", `Version ${input.version} of this panel does not exist; save a version first`, { field: "version" });
  const { ids, members } = await reviewersOf(ctx, input.reviewerIds);
  const asked: string[] = [];
  await db.$transaction(async (tx) => {
    for (const m of members) {
      // Asking the same person twice for the same version adds nothing (and tells them nothing new).
      const open = await tx.panelReviewRequest.findFirst({ where: { panelId: panel.id, versionNumber: input.version, reviewerId: m.userId, status: "open" } });
      if (open) continue;
      asked.push(m.userId);
      await tx.panelReviewRequest.create({
        data: {
          workspaceId: ctx.workspaceId, panelId: panel.id, versionNumber: input.version, requestedById: ctx.userId,
          requestedByName: ctx.userName, reviewerId: m.userId, reviewerName: m.user.name, message: input.message,
        },
      });
    }
  });
  const rows = await db.panelReviewRequest.findMany({
    where: { panelId: panel.id, versionNumber: input.version, reviewerId: { in: ids }, status: "open" }, include: panelName, orderBy: { createdAt: "asc" },
  });
  await noticePanelReviewRequested(ctx, panel, input.version, asked, input.message);
  return rows.map(toPanelRequest);
}

/** Withdraw an open request: its requester, or an editor. Withdrawing it again answers with it as it is. */
export async function withdrawPanelReviewRequest(ctx: WorkspaceContext, panelId: string, requestId: string): Promise<PanelReviewRequest> {
  const panel = await findPanelRow(ctx, panelId);
  const found = await db.panelReviewRequest.findFirst({ where: { id: requestId, panelId: panel.id, workspaceId: ctx.workspaceId }, include: panelName });
  if (!found) throw notFound("Review request");
  if (found.requestedById !== ctx.userId && !roleAtLeast(ctx.role, "editor")) {
    throw new AppError("forbidden", "Only whoever asked for the review, or an editor, can withdraw it");
  }
  if (found.status === "withdrawn") return toPanelRequest(found);
  if (found.status !== "open") throw new AppError("conflict", `${found.reviewerName} already decided (${found.status.replace("_", " ")}); there is nothing to withdraw`);
  const row = await db.panelReviewRequest.update({ where: { id: found.id }, data: { status: "withdrawn", decidedAt: new Date() }, include: panelName });
  return toPanelRequest(row);
}

export async function decidePanelVersion(ctx: WorkspaceContext, panelId: string, number: number, input: z.output<typeof decidePanelBody>): Promise<PanelDecisionResult> {
  const panel = await findPanelVersion(ctx, panelId, number);
  const approve = input.decision === "approve";
  const state = await approvalState(panel.id, number, await policyOf(ctx.workspaceId));
  if (approve && state.blockers.length) {
    throw new AppError("conflict", `This workspace approves only panel versions with a clean final panel probe. ${state.blockers.join(" ")}`, {
      details: { blockers: state.blockers, flags: state.run?.flags.map((f) => f.message) ?? [] },
    });
  }
  const decision = approve ? "approved" : "changes_requested";
  const row = await db.$transaction(async (tx) => {
    const created = await tx.panelReviewDecision.create({
      data: {
        workspaceId: ctx.workspaceId, panelId: panel.id, versionNumber: number, reviewerId: ctx.userId, reviewerName: ctx.userName,
        decision, note: input.note, reportRunId: state.run?.id ?? null, openFlags: state.openFlags,
      },
    });
    await tx.panelReviewRequest.updateMany({
      where: { panelId: panel.id, versionNumber: number, reviewerId: ctx.userId, status: "open" },
      data: { status: decision, decidedAt: new Date() },
    });
    return created;
  });
  await noticePanelDecision(ctx, panel, number, approve, input.note);
  return { decision: toDecision(row), status: decision, warnings: approve ? state.warnings : [] };
}
