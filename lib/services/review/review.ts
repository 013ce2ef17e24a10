import "server-only";
import type { z } from "zod";
import type { ReviewDecision as DecisionRow, ReviewRequest as RequestRow } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { ReportFlag } from "@/lib/schemas/probe";
import type {
  ApprovalPolicy, decideBody, requestReviewBody, ReviewDecision, ReviewRequest, VersionReview,
} from "@/lib/schemas/review";
import { roleAtLeast, type Role } from "@/lib/schemas/workspace";
import { recordActivity } from "@/lib/services/activity/activity";
import { noticeDecision, noticeReviewRequested } from "@/lib/services/review/review-notices";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import { PRESSURE_FLAG_KINDS } from "@/lib/schemas/pressure";
import { latestCompletedRun, latestRunWith } from "@/lib/services/probes/latest-report";
import { runDetail } from "@/lib/services/probes/stored-report";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// The review workflow: an editor asks members to review a saved version (the
// persona goes "in review"); a reviewer approves that version or requests
// changes on it. Whether approval needs a clean probe report is a workspace
// setting: "warn" (default) lets it through with the warnings recorded,
// "block" refuses it while the version has no report or open flags. A flag
// acknowledged as expected for the persona (issue 12 §7), or one that came
// with the character type, is not open: it is listed, never counted.

type RequestWithPersona = RequestRow & { persona: { name: string } };

/** The columns a review request row has whatever it reviews (a persona version or a panel version). */
type RequestColumns = Pick<RequestRow, "id" | "versionNumber" | "requestedById" | "requestedByName" | "reviewerId" | "reviewerName" | "message" | "status" | "createdAt" | "decidedAt">;

/** A served review request without what it reviews (toRequest adds the persona, toPanelRequest the panel). */
export function requestFields(r: RequestColumns): Omit<ReviewRequest, "personaId" | "personaName"> {
  return {
    id: r.id, version: r.versionNumber,
    requestedBy: { id: r.requestedById, name: r.requestedByName }, reviewer: { id: r.reviewerId, name: r.reviewerName },
    message: r.message, status: r.status as ReviewRequest["status"], createdAt: r.createdAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

export function toRequest(r: RequestWithPersona): ReviewRequest {
  return { ...requestFields(r), personaId: r.personaId, personaName: r.persona.name };
}

/** A served decision, of a persona version or a panel version (the rows have the same columns). */
export function toDecision(d: Pick<DecisionRow, "id" | "versionNumber" | "reviewerId" | "reviewerName" | "decision" | "note" | "openFlags" | "reportRunId" | "createdAt">): ReviewDecision {
  return {
    id: d.id, version: d.versionNumber, reviewer: { id: d.reviewerId, name: d.reviewerName },
    decision: d.decision as ReviewDecision["decision"], note: d.note, openFlags: d.openFlags, reportRunId: d.reportRunId,
    createdAt: d.createdAt.toISOString(),
  };
}

async function findVersion(ctx: WorkspaceContext, personaId: string, number: number) {
  const persona = await findPersonaRow(ctx, personaId);
  const version = await db.personaVersion.findUnique({ where: { personaId_number: { personaId: persona.id, number } }, select: { number: true, authorId: true } });
  if (!version) throw notFound("Version");
  return Object.assign(persona, { versionAuthorId: version.authorId });
}

/** Issue 16 §7: a workspace may bar the author of a version from approving it (Workspace.authorsMayApprove = false). */
async function selfApprovalRefusal(ctx: WorkspaceContext, versionAuthorId: string, number: number): Promise<string | null> {
  if (versionAuthorId !== ctx.userId) return null;
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { authorsMayApprove: true } });
  return ws.authorsMayApprove ? null : `You saved v${number}, and this workspace does not let authors approve their own version: ask another reviewer`;
}

const UNDER_PRESSURE: ReadonlySet<string> = new Set<string>(PRESSURE_FLAG_KINDS.filter((k) => k === "caves" || k === "drifts-back"));
const OWN_WORDS: ReadonlySet<string> = new Set<string>(PRESSURE_FLAG_KINDS.filter((k) => k === "says-not-does" || k === "does-not-say"));

/** Open: neither acknowledged as expected for the persona nor a shift that came with the character type. */
const isOpen = (f: ReportFlag) => !f.acknowledged && !f.expected;

/** What the version's newest report says, as warnings (policy warn) or blockers (policy block). */
async function approvalState(personaId: string, version: number, policy: ApprovalPolicy) {
  const run = await latestCompletedRun(personaId, version);
  const concerns: string[] = [];
  const open = run?.report.flags.filter(isOpen) ?? [];
  const acknowledged = run?.report.flags.filter((f) => f.acknowledged).length ?? 0;
  if (!run) concerns.push(`v${version} has no completed probe report: nobody has measured where it lands.`);
  else if (open.length > 0) {
    const titles = open.slice(0, 3).map((f) => f.title).join("; ");
    const acked = acknowledged ? ` (${acknowledged} more acknowledged as expected for this persona)` : "";
    concerns.push(`v${version}'s latest probe report has ${open.length} open flag${open.length === 1 ? "" : "s"}: ${titles}${open.length > 3 ? "; …" : ""}${acked}.`);
  }
  // The newest pressure test and the newest self-rating run still speak for the version when a later
  // plain probe is its report (each read for its own flags: caves / drifts back, says / does).
  const stress: ReportFlag[] = [];
  for (const [part, kinds] of [["pressure", UNDER_PRESSURE], ["selfReport", OWN_WORDS]] as const) {
    const row = await latestRunWith(personaId, version, part);
    if (!row || row.id === run?.id) continue;
    for (const f of (await runDetail(row, {})).report.flags) if (isOpen(f) && kinds.has(f.kind) && !stress.some((s) => s.id === f.id)) stress.push(f);
  }
  if (stress.length) {
    concerns.push(`v${version}'s newest pressure / self-rating run has ${stress.length} open flag${stress.length === 1 ? "" : "s"}: ${stress.slice(0, 3).map((f) => f.title).join("; ")}${stress.length > 3 ? "; …" : ""}.`);
  }
  const notes = run?.target.simulated ? [`v${version} was measured on the simulator, not a language model.`] : [];
  return {
    run,
    openFlags: run ? open.length + stress.length : null,
    warnings: [...(policy === "warn" ? concerns : []), ...notes],
    blockers: policy === "block" ? concerns : [],
  };
}

export async function policyOf(workspaceId: string): Promise<ApprovalPolicy> {
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { approvalPolicy: true } });
  return ws.approvalPolicy === "block" ? "block" : "warn";
}

export async function getVersionReview(ctx: WorkspaceContext, personaId: string, number: number): Promise<VersionReview> {
  const persona = await findVersion(ctx, personaId, number);
  const policy = await policyOf(ctx.workspaceId);
  const state = await approvalState(persona.id, number, policy);
  const [requests, decisions] = await Promise.all([
    db.reviewRequest.findMany({ where: { personaId: persona.id, versionNumber: number }, include: { persona: { select: { name: true } } }, orderBy: { createdAt: "asc" } }),
    db.reviewDecision.findMany({ where: { personaId: persona.id, versionNumber: number }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    version: number, latestVersion: persona.latestVersion, status: persona.status, approvedVersion: persona.approvedVersion, policy,
    report: state.run
      ? {
        runId: state.run.id, model: state.run.target.model, simulated: state.run.target.simulated, finishedAt: state.run.finishedAt,
        flags: state.run.report.flags.map((f) => ({
          id: f.id, kind: f.kind, title: f.title, severity: f.severity,
          ...(f.expected ? { expected: true } : {}), ...(f.acknowledged ? { acknowledged: f.acknowledged } : {}),
        })),
        openFlags: state.openFlags ?? 0,
      }
      : null,
    warnings: state.warnings, blockers: state.blockers, selfApproval: await selfApprovalRefusal(ctx, persona.versionAuthorId, number),
    requests: requests.map(toRequest), decisions: decisions.map(toDecision),
  };
}

/** The members asked to review (persona or panel): others than the caller, in the workspace, reviewer or above — else 422 on reviewerIds. */
export async function reviewersOf(ctx: WorkspaceContext, reviewerIds: string[]) {
  const ids = [...new Set(reviewerIds)];
  if (ids.includes(ctx.userId)) throw new AppError("validation", "Ask someone else: you can approve a version yourself without a request", { field: "reviewerIds" });
  const members = await db.membership.findMany({ where: { workspaceId: ctx.workspaceId, userId: { in: ids } }, select: { userId: true, role: true, user: { select: { name: true } } } });
  const missing = ids.filter((id) => !members.some((m) => m.userId === id));
  if (missing.length) throw new AppError("validation", "Every reviewer must be a member of this workspace", { field: "reviewerIds" });
  const viewers = members.filter((m) => !roleAtLeast(m.role as Role, "reviewer"));
  if (viewers.length) throw new AppError("validation", `${viewers.map((v) => v.user.name).join(", ")} can only view; make them reviewer first`, { field: "reviewerIds" });
  return { ids, members };
}

export async function requestReview(ctx: WorkspaceContext, personaId: string, input: z.output<typeof requestReviewBody>): Promise<ReviewRequest[]> {
  const persona = await findPersonaRow(ctx, personaId);
  if (persona.status === "archived") throw new AppError("conflict", "This persona is archived; unarchive it to ask for a review");
  if (input.version > persona.latestVersion) throw new AppError("validation", `Version ${input.version} does not exist`, { field: "version" });
  const { ids, members } = await reviewersOf(ctx, input.reviewerIds);

  await db.$transaction(async (tx) => {
    for (const m of members) {
      // Asking the same person twice for the same version adds nothing.
      const open = await tx.reviewRequest.findFirst({ where: { personaId: persona.id, versionNumber: input.version, reviewerId: m.userId, status: "open" } });
      if (open) continue;
      await tx.reviewRequest.create({
        data: {
          workspaceId: ctx.workspaceId, personaId: persona.id, versionNumber: input.version, requestedById: ctx.userId,
          requestedByName: ctx.userName, reviewerId: m.userId, reviewerName: m.user.name, message: input.message,
        },
      });
    }
    await tx.persona.update({ where: { id: persona.id }, data: { status: "in_review" } });
    await recordActivity(ctx, persona.id, "review_requested", `asked ${members.map((m) => m.user.name).join(", ")} to review v${input.version}${input.message ? `: “${input.message.slice(0, 80)}”` : ""}`, { version: input.version }, tx);
  });
  const rows = await db.reviewRequest.findMany({
    where: { personaId: persona.id, versionNumber: input.version, reviewerId: { in: ids }, status: "open" },
    include: { persona: { select: { name: true } } }, orderBy: { createdAt: "asc" },
  });
  await noticeReviewRequested(ctx, persona, input.version, ids, input.message);
  return rows.map(toRequest);
}

export async function decide(ctx: WorkspaceContext, personaId: string, number: number, input: z.output<typeof decideBody>) {
  const persona = await findVersion(ctx, personaId, number);
  if (persona.status === "archived") throw new AppError("conflict", "This persona is archived; unarchive it to review it");
  const approve = input.decision === "approve";
  const refusal = approve ? await selfApprovalRefusal(ctx, persona.versionAuthorId, number) : null;
  if (refusal) throw new AppError("forbidden", refusal);
  const state = await approvalState(persona.id, number, await policyOf(ctx.workspaceId));
  if (approve && state.blockers.length) {
    throw new AppError("conflict", `This workspace approves only versions with a clean probe report. ${state.blockers.join(" ")}`, { details: { blockers: state.blockers } });
  }
  const decision = approve ? "approved" : "changes_requested";
  const row = await db.$transaction(async (tx) => {
    const created = await tx.reviewDecision.create({
      data: {
        workspaceId: ctx.workspaceId, personaId: persona.id, versionNumber: number, reviewerId: ctx.userId, reviewerName: ctx.userName,
        decision, note: input.note, reportRunId: state.run?.id ?? null, openFlags: state.openFlags,
      },
    });
    await tx.reviewRequest.updateMany({
      where: { personaId: persona.id, versionNumber: number, reviewerId: ctx.userId, status: "open" },
      data: { status: decision, decidedAt: new Date() },
    });
    await tx.persona.update({
      where: { id: persona.id },
      data: approve ? { status: "approved", approvedVersion: number } : { status: "changes_requested" },
    });
    const flags = state.run ? ` with ${state.openFlags} open flag${state.openFlags === 1 ? "" : "s"}` : " without a probe report";
    await recordActivity(ctx, persona.id, decision,
      approve ? `approved v${number}${state.warnings.length ? flags : ""}${input.note ? `: “${input.note.slice(0, 80)}”` : ""}` : `requested changes on v${number}: “${input.note.slice(0, 120)}”`,
      { version: number, decisionId: created.id }, tx);
    return created;
  });
  await noticeDecision(ctx, persona, number, approve, input.note);
  return { decision: toDecision(row), status: decision, warnings: approve ? state.warnings : [] };
}
