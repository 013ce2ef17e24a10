import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { previewItems } from "@/lib/persona/preview-items";
import { sampleCalls, sampleRecordingCostUsd } from "@/lib/probing/sample-cost";
import { SIMULATOR_LABEL } from "@/lib/schemas/provider";
import type { ShareSamplesPlan, shareSamplesQuery } from "@/lib/schemas/share";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import { resolveProvider } from "@/lib/services/providers/resolve-provider";
import { latestRecording, recordSamples } from "@/lib/services/review/sample-answers";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// A shared page never opens on an unexplained empty "Sample answers" (issue 16
// §8). Before a link is made, the dialog asks what the page would show
// (shareSamplesPlan); making the link with recordSamples answers the version's
// messages first, on the workspace's default provider, the same recording the
// review page's "Record sample answers" makes (lib/services/review/sample-answers.ts).

type PersonaRow = Awaited<ReturnType<typeof findPersonaRow>>;

/** The version a link would show now: 'latest' is the newest saved version. */
export function sharedVersionNumber(persona: Pick<PersonaRow, "latestVersion">, version: "latest" | number): number {
  if (version === "latest" && persona.latestVersion === 0) {
    throw new AppError("validation", "Save a version first: a share link shows a saved version, never the working draft", { field: "version" });
  }
  if (typeof version === "number" && version > persona.latestVersion) {
    throw new AppError("validation", `Version ${version} does not exist`, { field: "version" });
  }
  return version === "latest" ? persona.latestVersion : version;
}

async function versionRow(personaId: string, number: number) {
  const row = await db.personaVersion.findUnique({ where: { personaId_number: { personaId, number } } });
  if (!row) throw notFound("Version");
  return row;
}

export async function shareSamplesPlan(ctx: WorkspaceContext, personaId: string, q: z.output<typeof shareSamplesQuery>): Promise<ShareSamplesPlan> {
  const persona = await findPersonaRow(ctx, personaId);
  const number = sharedVersionNumber(persona, q.version);
  const version = await versionRow(persona.id, number);
  const { source, items } = previewItems(parseStoredSpec(version.spec));
  const [recording, resolved] = await Promise.all([latestRecording(persona.id, number), resolveProvider(ctx)]);
  return {
    version: number,
    recorded: recording
      ? { answers: recording.answers.filter((a) => a.answer !== null).length, createdBy: recording.createdBy, createdAt: recording.createdAt, label: recording.simulated ? SIMULATOR_LABEL : recording.model }
      : null,
    messages: items.length,
    source,
    provider: { name: resolved.simulated ? SIMULATOR_LABEL : resolved.provider.label, model: resolved.model, simulated: resolved.simulated },
    estimatedCostUsd: sampleRecordingCostUsd(sampleCalls(version.compiledPrompt, items), resolved.prices),
  };
}

/**
 * Records the version's sample answers unless it has a recording already. A version with nothing to
 * answer is a 422 and a recording whose every answer failed a 502, both on `recordSamples`: the
 * caller makes no link then.
 */
export async function ensureSharedSamples(ctx: WorkspaceContext, persona: PersonaRow, number: number): Promise<void> {
  if (await latestRecording(persona.id, number)) return;
  const version = await versionRow(persona.id, number);
  if (previewItems(parseStoredSpec(version.spec)).items.length === 0) {
    throw new AppError("validation", `v${number} has no scenarios or sample messages, so there are no sample answers to record: add some in the editor and save a version, or create the link without them`, { field: "recordSamples" });
  }
  await recordSamples(ctx, persona.id, number, {}, { requireAnAnswer: true });
}
