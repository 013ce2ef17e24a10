import { krippendorffAlphaInterval, testRetestInterval } from "@/lib/probing/methods/reliability";
import { rngFor } from "@/lib/probing/random";
import { RETEST_MAX_ANSWERS, RETEST_SHARE_DEFAULT, type JudgeChoice, type JudgeReliability, type TraitReliability } from "@/lib/schemas/probe";

// The judge as a measured instrument (issue 11 §6), pure: which answers are
// judged a second time, and what the second judgments say about the judge.
//
// - Test–retest: the run's own judge scores a sample of answers again with a new
//   seed (so no cache answers it). ICC(2,1), absolute agreement, per trait, with
//   a percentile interval from resampling answers, and the mean absolute
//   difference between the two judgments — the judge's noise in points.
// - Panel: up to two more judge models score the same sample; Krippendorff's α
//   (interval metric) per trait across the run's judge and the panel. α < 0.667
//   means the judges do not agree well enough to draw even tentative conclusions.
// Every watched trait is scored on every sampled answer, so each trait's figures
// use the whole sample (not only answers to its own items).

export type JudgeSettings = { panel: JudgeChoice[]; retestShare: number };

/** ProbeRun.judges; "[]" (the column default, and runs before issue 11) means no retest and no panel. */
export function parseJudgeSettings(json: string | null | undefined): JudgeSettings {
  const raw: unknown = JSON.parse(json || "[]");
  if (Array.isArray(raw)) return { panel: raw as JudgeChoice[], retestShare: 0 };
  const o = raw as Partial<JudgeSettings>;
  return { panel: o.panel ?? [], retestShare: o.retestShare ?? 0 };
}

export const sameJudge = (a: JudgeChoice, b: JudgeChoice): boolean => a.providerId === b.providerId && a.model === b.model;

/** The target model scored its own answers. */
export const isSelfJudged = (target: JudgeChoice, judge: JudgeChoice): boolean => sameJudge(target, judge);

/**
 * How many answers get a second judgment: the retest share of the scored ones,
 * at most RETEST_MAX_ANSWERS. With the retest off, a panel still needs answers to
 * compare on, so it gets the default share.
 */
export function reliabilitySampleSize(scored: number, settings: JudgeSettings): number {
  const share = settings.retestShare > 0 ? settings.retestShare : settings.panel.length ? RETEST_SHARE_DEFAULT : 0;
  if (share === 0 || scored === 0) return 0;
  return Math.min(RETEST_MAX_ANSWERS, scored, Math.max(2, Math.round(share * scored)));
}

export type SampleCandidate = { id: string; kind: string; traitKey: string };

/**
 * A deterministic sample (seeded by `seed`, the run id) spread over arms and
 * traits: each arm × trait stratum is shuffled, then strata are taken in turn,
 * one answer each, until `size` — so no trait or arm is left out while others
 * fill the sample.
 */
export function pickReliabilitySample(candidates: readonly SampleCandidate[], size: number, seed: string): string[] {
  const strata = new Map<string, string[]>();
  for (const c of [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = `${c.kind}\u241f${c.traitKey}`;
    strata.set(key, [...(strata.get(key) ?? []), c.id]);
  }
  const order = shuffle([...strata.keys()].sort(), rngFor(seed, "reliability-strata"));
  const queues = order.map((k) => shuffle(strata.get(k)!, rngFor(seed, "reliability-sample", k)));
  const out: string[] = [];
  for (let round = 0; out.length < size; round++) {
    let took = false;
    for (const q of queues) {
      if (out.length >= size) break;
      if (round < q.length) { out.push(q[round]); took = true; }
    }
    if (!took) break;
  }
  return out;
}

function shuffle<T>(items: T[], rng: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

type Scores = Readonly<Record<string, number | null>>;
export type OriginalAnswer = { id: string; scores: Scores };
export type StoredJudgment = {
  answerId: string;
  role: "retest" | "panel";
  judgeProviderId: string;
  judgeModel: string;
  status: string;
  scores: Scores | null;
};

export type ReliabilityInput = {
  watched: readonly string[];
  names?: Readonly<Record<string, string>>;
  target: JudgeChoice;
  judge: JudgeChoice;
  settings: JudgeSettings;
  /** The run's scored answers with the main judge's scores (only sampled ones are used). */
  answers: readonly OriginalAnswer[];
  judgments: readonly StoredJudgment[];
  resamples?: number;
};

const RESAMPLES = 1000;

export function judgeReliability(input: ReliabilityInput): JudgeReliability {
  const original = new Map(input.answers.map((a) => [a.id, a.scores]));
  const done = input.judgments.filter((j) => j.status === "done" && j.scores && original.has(j.answerId));
  const retest = new Map(done.filter((j) => j.role === "retest").map((j) => [j.answerId, j.scores!]));
  const panelBy = input.settings.panel.map((p) =>
    new Map(done.filter((j) => j.role === "panel" && sameJudge({ providerId: j.judgeProviderId, model: j.judgeModel }, p)).map((j) => [j.answerId, j.scores!])));
  const panelIds = [...new Set(panelBy.flatMap((m) => [...m.keys()]))].sort();
  const retestIds = [...retest.keys()].sort();
  const resamples = input.resamples ?? RESAMPLES;

  const traits: TraitReliability[] = input.watched.map((key) => {
    let retestRow: TraitReliability["retest"] = null;
    if (retestIds.length) {
      const r = testRetestInterval(retestIds.map((id) => [original.get(id)![key], retest.get(id)![key]]), rngFor("judge-retest", key), { resamples });
      retestRow = { answers: r.answers, icc: r.icc, lo: r.lo, hi: r.hi, meanAbsoluteDifference: r.meanAbsoluteDifference, meanDifference: r.meanDifference };
    }
    let panelRow: TraitReliability["panel"] = null;
    if (panelIds.length) {
      const table = panelIds.map((id) => [original.get(id)![key], ...panelBy.map((m) => m.get(id)?.[key])]);
      const a = krippendorffAlphaInterval(table, rngFor("judge-panel", key), { resamples });
      panelRow = { answers: a.units, judges: 1 + input.settings.panel.length, alpha: a.alpha, lo: a.lo, hi: a.hi };
    }
    return { key, name: input.names?.[key] ?? key, retest: retestRow, panel: panelRow };
  });
  return {
    selfJudged: isSelfJudged(input.target, input.judge),
    judge: { model: input.judge.model },
    panel: input.settings.panel.map((p) => ({ model: p.model })),
    retestShare: input.settings.retestShare,
    judgments: {
      retest: retest.size,
      panel: panelBy.reduce((n, m) => n + m.size, 0),
      failed: input.judgments.filter((j) => j.status === "failed").length,
    },
    traits,
  };
}

// Plain words for the report (the component only lays them out).

const f2 = (x: number) => x.toFixed(2);
const range = (lo: number | null, hi: number | null) => (lo !== null && hi !== null ? ` (${f2(lo)}–${f2(hi)})` : "");

/** Krippendorff's guide: rely on α ≥ 0.8, tentative conclusions from 0.667, below that none. */
export type Agreement = "agree" | "tentative" | "disagree";
export const agreementOf = (alpha: number): Agreement => (alpha >= 0.8 ? "agree" : alpha >= 0.667 ? "tentative" : "disagree");

export function retestSentence(r: NonNullable<TraitReliability["retest"]>): string {
  if (r.icc === null) {
    return r.answers < 2
      ? "Too few answers judged twice to say how consistent the judge is"
      : `The judge gave the same score every time on ${r.answers} answers (no spread to measure consistency against)`;
  }
  // Koo & Li (2016): < 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, > 0.9 excellent.
  const verb = r.icc >= 0.75 ? "agrees with itself" : r.icc >= 0.5 ? "agrees with itself only moderately" : "does not agree with itself";
  const drift = Math.abs(r.meanDifference) >= 3 ? `; the second judgment runs ${r.meanDifference > 0 ? "higher" : "lower"} by ${Math.abs(r.meanDifference).toFixed(1)} on average` : "";
  return `The judge ${verb}: ICC ${f2(r.icc)}${range(r.lo, r.hi)} on ${r.answers} answers; two judgments of one answer differ by ${r.meanAbsoluteDifference.toFixed(1)} points on average${drift}`;
}

export function panelSentence(p: NonNullable<TraitReliability["panel"]>): string {
  if (p.alpha === null) return "Too few answers scored by two judges to measure agreement";
  const figures = `α ${f2(p.alpha)}${range(p.lo, p.hi)} on ${p.answers} answers, ${p.judges} judges`;
  const level = agreementOf(p.alpha);
  if (level === "disagree") return `Judges disagree — treat this trait's landing with care (${figures})`;
  return level === "tentative" ? `Judges agree only tentatively (${figures})` : `Judges agree (${figures})`;
}

export const SELF_JUDGED_TEXT = "Self-judged: the target model scored its own answers";
export const SELF_JUDGED_HINT = "A model tends to rate its own answers the way it meant them. Set a reference judge in the workspace settings (or choose a judge for the probe) so a different model scores them.";
