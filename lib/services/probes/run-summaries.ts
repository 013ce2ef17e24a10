import "server-only";
import { db } from "@/lib/db/client";
import { acknowledgedLine, type AckRecord, type VerdictBasis } from "@/lib/probing/flags/acknowledge";
import { byNewestMethod } from "@/lib/probing/methods/version";
import { verdictLineSchema, type RunSummary } from "@/lib/schemas/probe";
import { toAcknowledgement } from "@/lib/services/acknowledgements/acknowledgements";

// What the run history needs per row beyond the run itself (issue 12 §8): the
// verdict line of the run's latest stored report and how many scenarios the run
// froze. The list stays cheap: one query for the verdict lines of all listed
// runs, reading only the line kept beside each stored report (ProbeReport.verdictLine;
// portable, no JSON functions of one database), never a report recomputed — a run without a stored report shows none yet.
// Flags acknowledged as expected for the persona (issue 12 §7) settle a row's line as they do the report's: one
// more query for the listed runs' personas, the line redrawn from the basis kept beside it (lines stored before
// the basis was kept stay as stored).

type Line = RunSummary["verdictLine"];
const lineSchema = verdictLineSchema.pick({ text: true, severity: true });

/** Scenarios frozen into ProbeRun.config as `scenarios: [...]`; absent or unreadable = 0. */
export function frozenScenarioCount(config: string): number {
  try {
    const scenarios = (JSON.parse(config) as { scenarios?: unknown } | null)?.scenarios;
    return Array.isArray(scenarios) ? scenarios.length : 0;
  } catch {
    return 0;
  }
}

/** Issue 14's add-ons frozen into ProbeRun.config: pressure conversations, self-ratings, the framed trait. */
export function frozenAddOns(config: string): Pick<RunSummary, "pressureConversations" | "selfReport" | "framing"> {
  try {
    const c = JSON.parse(config) as { pressure?: { scripts?: unknown[]; conversationsPerScript?: number }; selfReport?: unknown; framing?: { trait?: string } } | null;
    const scripts = Array.isArray(c?.pressure?.scripts) ? c!.pressure!.scripts!.length : 0;
    return {
      pressureConversations: scripts * (c?.pressure?.conversationsPerScript ?? 0),
      selfReport: Boolean(c?.selfReport),
      framing: typeof c?.framing?.trait === "string" ? c.framing.trait : null,
    };
  } catch {
    return { pressureConversations: 0, selfReport: false, framing: null };
  }
}

/** The verdict line of each run's latest stored report (newest method first, then newest computation), in one query; redrawn with `acksOf(runId)`. */
export async function latestVerdictLines(runIds: readonly string[], acksOf: (runId: string) => readonly AckRecord[] = () => []): Promise<Map<string, Line>> {
  const lines = new Map<string, Line>();
  if (runIds.length === 0) return lines;
  const rows = await db.probeReport.findMany({
    where: { runId: { in: [...runIds] } },
    select: { runId: true, methodVersion: true, createdAt: true, verdictLine: true },
  });
  for (const row of rows.map((r) => ({ ...r, computedAt: r.createdAt })).sort(byNewestMethod)) {
    if (lines.has(row.runId)) continue;
    let parsed: Line = null;
    try {
      const raw = row.verdictLine ? (JSON.parse(row.verdictLine) as { basis?: VerdictBasis }) : null;
      const result = lineSchema.safeParse(raw);
      parsed = result.success ? result.data : null;
      const redrawn = parsed && raw?.basis ? acknowledgedLine(raw.basis, acksOf(row.runId)) : null;
      if (redrawn) parsed = { text: redrawn.text, severity: redrawn.severity };
    } catch {
      parsed = null;
    }
    lines.set(row.runId, parsed);
  }
  return lines;
}

/** The acknowledgements of the listed runs' personas, by persona id, in one query. */
async function acknowledgementsByPersona(personaIds: readonly string[]): Promise<Map<string, AckRecord[]>> {
  const byPersona = new Map<string, AckRecord[]>();
  const rows = personaIds.length ? await db.flagAcknowledgement.findMany({ where: { personaId: { in: [...new Set(personaIds)] } } }) : [];
  for (const r of rows) byPersona.set(r.personaId, [...(byPersona.get(r.personaId) ?? []), toAcknowledgement(r)]);
  return byPersona;
}

/** The summaries of listed runs, keyed by run id. */
export async function runSummaries(runs: readonly { id: string; config: string; personaId: string }[]): Promise<Map<string, RunSummary>> {
  const acks = await acknowledgementsByPersona(runs.map((r) => r.personaId));
  const personaOf = new Map(runs.map((r) => [r.id, r.personaId]));
  const lines = await latestVerdictLines(runs.map((r) => r.id), (runId) => acks.get(personaOf.get(runId) ?? "") ?? []);
  return new Map(runs.map((r) => [r.id, { verdictLine: lines.get(r.id) ?? null, scenarios: frozenScenarioCount(r.config), ...frozenAddOns(r.config) }]));
}
