import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { ProbeAnswer, ProbeReport } from "@/lib/schemas/probe";
import type { SampleRecording } from "@/lib/schemas/review";
import {
  SHARED_FAILURE, sharedSpecSchema, type ShareBundle, type sharedAnswersQuery,
} from "@/lib/schemas/share";
import type { SharedPanelBundle } from "@/lib/schemas/panel-session";
import { previewItems } from "@/lib/persona/preview-items";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import { latestCompletedRun, latestCompletedRunRow } from "@/lib/services/probes/latest-report";
import { toAnswer } from "@/lib/services/probes/serialize-run";
import { withScenarios } from "@/lib/services/probes/scenario-answers";
import { threadsOf } from "@/lib/services/review/comments";
import { latestRecording } from "@/lib/services/review/sample-answers";
import { countVisit, findActiveLink, GONE } from "@/lib/services/sharing/active-link";
import { publicThread } from "@/lib/services/sharing/public-comments";
import { openPanelShare } from "@/lib/services/panels/panel-shares";

// What a share link opens, with no session: the token is the only credential.
// Every way a link can fail (malformed, unknown, revoked, expired, its persona
// gone or without versions) is the same 404, so a probe learns nothing. The
// bundle is built field by field from an allow-list (shareBundleSchema), never
// by passing rows through: keys, providers, members and notes cannot leak.
// Neither can a provider's error text (a failed answer says "failed") or a
// user id (people appear by display name only).


function publicSamples(recording: SampleRecording | null): SampleRecording | null {
  if (!recording) return null;
  return { ...recording, answers: recording.answers.map((a) => ({ ...a, error: a.error === null ? null : SHARED_FAILURE })) };
}


const publicAnswer = (a: ProbeAnswer): ProbeAnswer => ({ ...a, error: a.status === "failed" || a.error !== null ? SHARED_FAILURE : null });

export async function activeLink(token: string) {
  const row = await findActiveLink(token);
  // A panel's link opens the panel's share page (lib/services/panels/panel-shares.ts), never a persona's.
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
  await countVisit(link);
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
    samplesMissing: samples ? null : previewItems(spec).items.length === 0 ? "nothing_to_answer" : "not_recorded",
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

/** What /s/{token} shows: a persona's bundle or a panel's (the link says which); every failure is the same 404. */
export async function openAnyShare(token: string): Promise<{ kind: "persona"; bundle: ShareBundle } | { kind: "panel"; bundle: SharedPanelBundle }> {
  const link = await findActiveLink(token);
  if (link.panelId) return { kind: "panel", bundle: await openPanelShare(token) };
  return { kind: "persona", bundle: await openShare(token) };
}
