import { describe, expect, it } from "vitest";
import {
  agreementOf, isSelfJudged, judgeReliability, panelSentence, parseJudgeSettings, pickReliabilitySample, reliabilitySampleSize,
  retestSentence, type ReliabilityInput, type StoredJudgment,
} from "@/lib/probing/judge-reliability";
import { krippendorffAlpha, testRetest } from "@/lib/probing/methods/reliability";
import { mulberry32 } from "@/lib/probing/random";

const SIM = { providerId: "simulator", model: "persona-sim-1" };
const OTHER = { providerId: "p1", model: "judge-2" };

describe("judge settings and the sample", () => {
  it("reads the column default and old runs as no retest, no panel", () => {
    expect(parseJudgeSettings("[]")).toEqual({ panel: [], retestShare: 0 });
    expect(parseJudgeSettings(null)).toEqual({ panel: [], retestShare: 0 });
    expect(parseJudgeSettings(JSON.stringify({ panel: [OTHER], retestShare: 0.2 }))).toEqual({ panel: [OTHER], retestShare: 0.2 });
  });

  it("sizes the sample by the share, capped at 60; a panel without a retest still gets one", () => {
    expect(reliabilitySampleSize(100, { panel: [], retestShare: 0.1 })).toBe(10);
    expect(reliabilitySampleSize(1000, { panel: [], retestShare: 0.1 })).toBe(60);
    expect(reliabilitySampleSize(1000, { panel: [], retestShare: 0 })).toBe(0);
    expect(reliabilitySampleSize(200, { panel: [OTHER], retestShare: 0 })).toBe(20);
    expect(reliabilitySampleSize(0, { panel: [OTHER], retestShare: 0.5 })).toBe(0);
    expect(reliabilitySampleSize(10, { panel: [], retestShare: 0.01 })).toBe(2); // never a one-answer "sample"
  });

  it("is deterministic per run, spread over arms and traits, without repeats", () => {
    const candidates = ["persona", "baseline"].flatMap((kind) =>
      ["warm", "firm", "direct"].flatMap((traitKey) => Array.from({ length: 20 }, (_, i) => ({ id: `${kind}-${traitKey}-${i}`, kind, traitKey }))));
    const a = pickReliabilitySample(candidates, 12, "run-1");
    expect(pickReliabilitySample([...candidates].reverse(), 12, "run-1")).toEqual(a);
    expect(pickReliabilitySample(candidates, 12, "run-2")).not.toEqual(a);
    expect(new Set(a).size).toBe(12);
    const perStratum = new Map<string, number>();
    for (const id of a) perStratum.set(id.replace(/-\d+$/, ""), (perStratum.get(id.replace(/-\d+$/, "")) ?? 0) + 1);
    expect([...perStratum.values()]).toEqual([2, 2, 2, 2, 2, 2]);
    expect(pickReliabilitySample(candidates.slice(0, 5), 12, "run-1")).toHaveLength(5);
  });

  it("calls a run self-judged only when provider and model are both the target's", () => {
    expect(isSelfJudged(SIM, { ...SIM })).toBe(true);
    expect(isSelfJudged(SIM, { ...SIM, model: "persona-sim-2" })).toBe(false);
    expect(isSelfJudged(SIM, { ...SIM, providerId: "env" })).toBe(false);
  });
});

describe("judgeReliability", () => {
  const rng = mulberry32(9);
  const answers = Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, scores: { warm: Math.round(rng() * 100), firm: Math.round(rng() * 100) } }));
  const noisy = (s: number) => Math.max(0, Math.min(100, s + Math.round((rng() - 0.5) * 20)));
  const judgment = (answerId: string, role: "retest" | "panel", scores: Record<string, number | null> | null, judge = SIM, status = "done"): StoredJudgment =>
    ({ answerId, role, judgeProviderId: judge.providerId, judgeModel: judge.model, status, scores });
  const base = (judgments: StoredJudgment[], panel = [OTHER]): ReliabilityInput => ({
    watched: ["warm", "firm"], names: { warm: "Warm", firm: "Firm" }, target: SIM, judge: SIM,
    settings: { panel, retestShare: 0.5 }, answers, judgments, resamples: 200,
  });

  it("computes ICC(2,1) and the mean absolute difference per trait from the original and the retest", () => {
    const sample = answers.slice(0, 20);
    const retest = sample.map((a) => judgment(a.id, "retest", { warm: noisy(a.scores.warm), firm: a.scores.firm }));
    const r = judgeReliability(base(retest, []));
    const warm = r.traits.find((t) => t.key === "warm")!;
    const expected = testRetest(sample.map((a, i) => [a.scores.warm, retest[i].scores!.warm]));
    expect(warm.retest).toMatchObject({ answers: 20 });
    expect(warm.retest!.icc).toBeCloseTo(expected.icc!, 12);
    expect(warm.retest!.meanAbsoluteDifference).toBeCloseTo(expected.meanAbsoluteDifference, 12);
    expect(warm.retest!.lo!).toBeLessThanOrEqual(warm.retest!.icc!);
    expect(warm.retest!.hi!).toBeGreaterThanOrEqual(warm.retest!.icc!);
    // The same score twice: perfect agreement, no difference.
    expect(r.traits.find((t) => t.key === "firm")!.retest).toMatchObject({ icc: 1, meanAbsoluteDifference: 0 });
    expect(r.traits.every((t) => t.panel === null)).toBe(true);
    expect(r).toMatchObject({ selfJudged: true, judgments: { retest: 20, panel: 0, failed: 0 } });
  });

  it("computes Krippendorff's α across the run's judge and the panel, leaving out failures and strangers", () => {
    const sample = answers.slice(0, 15);
    const panel = sample.map((a) => judgment(a.id, "panel", { warm: noisy(a.scores.warm), firm: 100 - a.scores.firm }, OTHER));
    const extra = [
      judgment("a20", "panel", null, OTHER, "failed"),
      judgment("not-an-answer", "panel", { warm: 0, firm: 0 }, OTHER),
      judgment("a21", "panel", { warm: 0, firm: 0 }, { providerId: "p9", model: "not-on-the-panel" }),
    ];
    const r = judgeReliability(base([...panel, ...extra]));
    const warm = r.traits.find((t) => t.key === "warm")!.panel!;
    expect(warm).toMatchObject({ answers: 15, judges: 2 });
    expect(warm.alpha).toBeCloseTo(krippendorffAlpha(sample.map((a, i) => [a.scores.warm, panel[i].scores!.warm])).alpha!, 12);
    expect(warm.alpha!).toBeGreaterThan(0.8);
    const firm = r.traits.find((t) => t.key === "firm")!.panel!;
    expect(firm.alpha!).toBeLessThan(0); // the panel reads the scale backwards
    expect(r.judgments).toMatchObject({ panel: 15, failed: 1 });
    expect(r.traits.every((t) => t.retest === null)).toBe(true);
  });
});

describe("plain words", () => {
  const retest = { answers: 40, icc: 0.91, lo: 0.85, hi: 0.95, meanAbsoluteDifference: 3.2, meanDifference: 0.4 };

  it("says how far the judge agrees with itself", () => {
    expect(retestSentence(retest)).toBe("The judge agrees with itself: ICC 0.91 (0.85–0.95) on 40 answers; two judgments of one answer differ by 3.2 points on average");
    expect(retestSentence({ ...retest, icc: 0.6 })).toContain("only moderately");
    expect(retestSentence({ ...retest, icc: 0.3, meanDifference: -6 })).toMatch(/does not agree with itself.*runs lower by 6\.0/);
    expect(retestSentence({ ...retest, icc: null, answers: 1 })).toMatch(/Too few/);
  });

  it("flags a trait the judges disagree on (α < 0.667)", () => {
    const p = { answers: 30, judges: 3, alpha: 0.5, lo: 0.3, hi: 0.66 };
    expect(panelSentence(p)).toBe("Judges disagree — treat this trait's landing with care (α 0.50 (0.30–0.66) on 30 answers, 3 judges)");
    expect(panelSentence({ ...p, alpha: 0.7 })).toMatch(/^Judges agree only tentatively/);
    expect(panelSentence({ ...p, alpha: 0.85 })).toMatch(/^Judges agree \(/);
    expect([agreementOf(0.666), agreementOf(0.667), agreementOf(0.8)]).toEqual(["disagree", "tentative", "agree"]);
  });
});
