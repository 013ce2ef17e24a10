import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { ProbeAnswer, ProbeReport } from "@/lib/schemas/probe";
import type { Comment, CommentThread, SampleRecording } from "@/lib/schemas/review";
import {
  SHARED_FAILURE, sharedSpecSchema, type ShareBundle, type SharedComment, type SharedCommentThread, type sharedAnswersQuery,
} from "@/lib/schemas/share";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import { latestCompletedRun, latestCompletedRunRow } from "@/lib/services/probes/latest-report";
import { toAnswer } from "@/lib/services/probes/serialize-run";
import { withScenarios } from "@/lib/services/probes/scenario-answers";
import { threadsOf } from "@/lib/services/review/comments";
import { latestRecording } from "@/lib/services/review/sample-answers";
import { hashShareToken, tokenMatches } from "@/lib/services/sharing/tokens";

// What a share link opens, with no session: the token is the only credential.
// Every way a link can fail (malformed, unknown, revoked, expired, its persona
// gone or without versions) is the same 404, so a probe learns nothing. The
// bundle is built field by field from an allow-list (shareBundleSchema), never
// by passing rows through: keys, providers, members and notes cannot leak.
// Neither can a provider's error text (a failed answer says "failed") or a
// user id (people appear by display name only).

const GONE = "This link does not exist, has expired or was revoked";
const ACCESS_WRITE_MS = 60_000;

function publicSamples(recording: SampleRecording | null): SampleRecording | null {
  if (!recording) return null;
  return { ...recording, answers: recording.answers.map((a) => ({ ...a, error: a.error === null ? null : SHARED_FAILURE })) };
}

function publicComment(c: Comment): SharedComment {
  return {
    id: c.id, parentId: c.parentId, anchor: c.anchor, body: c.body, createdAt: c.createdAt, editedAt: c.editedAt,
    resolvedAt: c.resolvedAt, resolvedBy: c.resolvedBy,
    author: { name: c.author.name }, mentions: c.mentions.map((m) => ({ name: m.name })),
  };
}

const publicThread = (t: CommentThread): SharedCommentThread => ({ ...publicComment(t), replies: t.replies.map(publicComment) });

const publicAnswer = (a: ProbeAnswer): ProbeAnswer => ({ ...a, error: a.status === "failed" || a.error !== null ? SHARED_FAILURE : null });

async function activeLink(token: string) {
  const hash = hashShareToken(token);
  const row = await db.shareLink.findUnique({ where: { tokenHash: hash } });
  if (!tokenMatches(hash, row?.tokenHash ?? null) || !row) throw notFound(GONE);
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= new Date())) throw notFound(GONE);
  // A panel's link opens the panel's share page (lib/services/panels), never a persona's.
  if (!row.personaId) throw notFound(GONE);
  const persona = await db.persona.findUnique({ where: { id: row.personaId } });
  if (!persona || persona.workspaceId !== row.workspaceId) throw notFound(GONE);
  const number = row.versionNumber ?? persona.latestVersion;
  const version = number > 0 ? await db.personaVersion.findUnique({ where: { personaId_number: { personaId: persona.id, number } } }) : null;
  if (!version) throw notFound(GONE);
  return { link: row, persona, version };
}

/** A shared report: acknowledged flags keep their reason, never who acknowledged them or when (names stay in the workspace). */
function publicReport(report: ProbeReport): ProbeReport {
  return { ...report, flags: report.flags.map((f) => (f.acknowledged ? { ...f, acknowledged: { id: f.acknowledged.id, reason: f.acknowledged.reason } } : f)) };
}

export async function openShare(token: string): Promise<ShareBundle> {
  const { link, persona, version } = await activeLink(token);
  const now = new Date();
  // Last access is for the link list, not an audit log: one write a minute is enough.
  if (!link.lastAccessedAt || now.getTime() - link.lastAccessedAt.getTime() > ACCESS_WRITE_MS) {
    await db.shareLink.update({ where: { id: link.id }, data: { lastAccessedAt: now, accessCount: { increment: 1 } } });
  } else {
    await db.shareLink.update({ where: { id: link.id }, data: { accessCount: { increment: 1 } } });
  }
  const spec = sharedSpecSchema.parse(parseStoredSpec(version.spec));
  const [samples, run, comments] = await Promise.all([
    latestRecording(persona.id, version.number),
    latestCompletedRun(persona.id, version.number),
    link.includeComments ? threadsOf(persona.workspaceId, persona.id, { version: version.number, status: "all" }) : Promise.resolve(null),
  ]);
  return {
    persona: { name: spec.name, archetype: spec.archetype },
    version: {
      number: version.number, message: version.message, author: version.authorName, createdAt: version.createdAt.toISOString(),
      approved: persona.approvedVersion === version.number, latest: version.number === persona.latestVersion,
    },
    follows: link.versionNumber === null ? "latest" : "pinned",
    spec,
    compiledPrompt: version.compiledPrompt,
    samples: publicSamples(samples),
    report: run
      ? {
        runId: run.id, model: run.target.model, judgeModel: run.judge.model, simulated: run.target.simulated,
        label: run.target.simulated ? run.target.label : run.target.model, finishedAt: run.finishedAt, targets: run.targets, report: publicReport(run.report),
      }
      : null,
    comments: comments?.map(publicThread) ?? null,
    sharedBy: link.createdByName,
    sharedAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt?.toISOString() ?? null,
  };
}

/** The answers behind the shared report only: ids from any other run are simply absent. */
export async function sharedAnswers(token: string, q: z.output<typeof sharedAnswersQuery>): Promise<ProbeAnswer[]> {
  const { persona, version } = await activeLink(token);
  const run = await latestCompletedRunRow(persona.id, version.number);
  if (!run) return [];
  const ids = q.ids?.split(",").map((s) => s.trim()).filter(Boolean);
  const rows = await db.probeAnswer.findMany({
    where: { runId: run.id, ...(ids ? { id: { in: ids } } : {}), ...(q.trait ? { traitKey: q.trait } : {}) },
    orderBy: { createdAt: "asc" }, take: q.limit,
  });
  return withScenarios(rows.map(toAnswer), run.config).map(publicAnswer);
}
