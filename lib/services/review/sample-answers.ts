import "server-only";
import { randomUUID } from "node:crypto";
import pLimit from "p-limit";
import type { SampleAnswer as Row } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { failureOf, safeErrorText } from "@/lib/llm/provider-error";
import { previewItems } from "@/lib/persona/preview-items";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import { SIMULATOR_LABEL } from "@/lib/schemas/provider";
import type { SampleRecording } from "@/lib/schemas/review";
import { recordActivity } from "@/lib/services/activity/activity";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import { resolveProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Sample answers are what the persona answers under one saved version, kept so
// that reviewers can comment on one answer and share pages can show them: the
// version's scenarios when it has any (each after its context turns), else its
// sample messages — the live preview's rule (lib/persona/preview-items.ts), so
// reviewers see the messages the persona will actually get (issue 12 §1).
// Recording again adds a new recording; the newest one is shown. A row keeps
// the message only; served, it carries its scenario's earlier turns and note
// again, matched on the version's frozen scenarios (toRecording).

const TEMPERATURE = 0.7;

/**
 * A recording as served. A row keeps the message, not the conversation before it (SampleAnswer has no column for
 * it): when the recorded version's spec is given, each message is matched to its scenarios by text (the first
 * match, as previewItems trims it) and the served answer carries that scenario's context turns and note.
 */
export function toRecording(rows: Row[], spec?: Parameters<typeof previewItems>[0]): SampleRecording | null {
  if (rows.length === 0) return null;
  const first = rows[0];
  const scenarios = spec ? previewItems(spec) : null;
  const scenarioOf = (message: string) => (scenarios?.source === "scenarios" ? scenarios.items.find((i) => i.message === message.trim()) : undefined);
  return {
    recordingId: first.recordingId, version: first.versionNumber, model: first.model, simulated: first.simulated,
    label: first.simulated ? SIMULATOR_LABEL : first.model, createdBy: first.createdByName, createdAt: first.createdAt.toISOString(),
    answers: [...rows].sort((a, b) => a.messageIndex - b.messageIndex).map((r) => {
      const scenario = scenarioOf(r.message);
      return {
        id: r.id, index: r.messageIndex, message: r.message, answer: r.answer, error: r.error, latencyMs: r.latencyMs,
        ...(scenario?.context ? { context: scenario.context.map((t) => ({ role: t.role, content: t.content })) } : {}),
        ...(scenario?.note ? { note: scenario.note } : {}),
      };
    }),
  };
}

/** The newest recording of a version (by persona id; callers check ownership), with its scenarios' turns and notes. */
export async function latestRecording(personaId: string, version: number): Promise<SampleRecording | null> {
  const newest = await db.sampleAnswer.findFirst({ where: { personaId, versionNumber: version }, orderBy: { createdAt: "desc" }, select: { recordingId: true } });
  if (!newest) return null;
  const [rows, recorded] = await Promise.all([
    db.sampleAnswer.findMany({ where: { recordingId: newest.recordingId } }),
    db.personaVersion.findUnique({ where: { personaId_number: { personaId, number: version } }, select: { spec: true } }),
  ]);
  return toRecording(rows, recorded ? parseStoredSpec(recorded.spec) : undefined);
}

async function findVersion(ctx: WorkspaceContext, personaId: string, number: number) {
  const persona = await findPersonaRow(ctx, personaId);
  const version = await db.personaVersion.findUnique({ where: { personaId_number: { personaId: persona.id, number } } });
  if (!version) throw notFound("Version");
  return { persona, version };
}

export async function getSamples(ctx: WorkspaceContext, personaId: string, number: number): Promise<SampleRecording | null> {
  const { persona } = await findVersion(ctx, personaId, number);
  return latestRecording(persona.id, number);
}

/**
 * `requireAnAnswer` (sharing, issue 16 §8): when every answer failed, nothing is kept and the call fails with
 * the first failure in words (502, field `recordSamples`), so a share link is not made over an empty section.
 */
export async function recordSamples(
  ctx: WorkspaceContext, personaId: string, number: number, input: { providerId?: string; model?: string },
  options: { requireAnAnswer?: boolean } = {},
): Promise<SampleRecording> {
  const { persona, version } = await findVersion(ctx, personaId, number);
  const { source, items } = previewItems(parseStoredSpec(version.spec));
  if (items.length === 0) throw new AppError("validation", `v${number} has no scenarios or sample messages to answer; add some in the editor and save a version`, { field: "number" });
  const resolved = await resolveProvider(ctx, input.providerId, input.model);
  const limit = pLimit(4);
  // One failed answer does not sink the recording: it is kept with its error, like the preview shows it.
  const answers = await Promise.all(items.map(({ message, context }, index) => limit(async () => {
    try {
      const res = await resolved.provider.chat({
        model: resolved.model, temperature: TEMPERATURE,
        messages: [
          { role: "system", content: version.compiledPrompt },
          ...(context ?? []).map((t) => ({ role: t.role, content: t.content })),
          { role: "user", content: message },
        ],
      });
      return { index, message, answer: res.text, error: null, latencyMs: Math.round(res.latencyMs) };
    } catch (e) {
      const err = failureOf(e, resolved.provider);
      return { index, message, answer: null, error: `${err.kind}: ${err.message}`, latencyMs: null };
    }
  })));
  if (options.requireAnAnswer && answers.every((a) => a.answer === null)) {
    const where = resolved.simulated ? "the simulator" : `${resolved.provider.label} · ${resolved.model}`;
    throw new AppError("upstream", `No sample answer could be recorded on ${where} (${safeErrorText(answers[0].error ?? "failed", resolved.provider)})`, { field: "recordSamples" });
  }
  const recordingId = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.sampleAnswer.createMany({
      data: answers.map((a) => ({
        personaId: persona.id, versionNumber: number, recordingId, messageIndex: a.index, message: a.message,
        // Redacted again right before it is stored (defense in depth).
        answer: a.answer, error: a.error === null ? null : safeErrorText(a.error, resolved.provider), latencyMs: a.latencyMs, model: resolved.model, simulated: resolved.simulated,
        createdByName: ctx.userName,
      })),
    });
    await recordActivity(ctx, persona.id, "samples_recorded", `recorded ${answers.length} sample answers${source === "scenarios" ? " to its scenarios" : ""} for v${number} on ${resolved.simulated ? "the simulator" : resolved.model}`, { version: number }, tx);
  });
  return (await latestRecording(persona.id, number))!;
}
