import { allScores, ownScores } from "@/lib/probing/answer-items";
import { itemLandingT } from "@/lib/probing/methods/item-landing";
import { pairedShiftT } from "@/lib/probing/methods/paired-shift";
import { framingReport, type FramingArm } from "@/lib/probing/pressure/framing";
import { REPORT_FLOOR, REPORT_LEVEL, served } from "@/lib/probing/pressure/pressure-section";
import type { FramingReport } from "@/lib/schemas/pressure";
import { FRAMING_ARM_KIND } from "@/lib/schemas/pressure";

// The report's framing section (issue 14 §4): the persona arm is the nature
// wording, the FRAMING_ARM_KIND arm the requested wording, one shared baseline
// arm (same model), so each row's difference is the paired nature − requested
// per item. Leakage reads every item the arms share, as the report's own
// leakage does (an item id is trait#index); the framed trait's own landing
// reads its own items. No flag: the section carries its verdict. Each row is
// tested both ways — requested leaks less (framing.ts, oriented by the nature
// wording's established leak) and, with the arms swapped, requested leaks more
// — so a wording that trades one leak for another reads "mixed", not "less".
// Pure.

export type FramingAnswer = { traitKey: string; itemIndex: number; scores: Readonly<Record<string, number | null | undefined>> };

export type FramingSectionInput = {
  frozen: { trait: string; target: number; nature: string; requested: string };
  watched: readonly string[];
  persona: readonly FramingAnswer[];
  requested: readonly FramingAnswer[];
  baseline: readonly FramingAnswer[];
  names?: Readonly<Record<string, string>>;
};

export function framingSection(input: FramingSectionInput): FramingReport {
  const { trait } = input.frozen;
  const options = { level: REPORT_LEVEL, floor: REPORT_FLOOR };
  const others = input.watched.filter((k) => k !== trait);
  const byTrait = (answers: readonly FramingAnswer[]) => Object.fromEntries(others.map((k) => [k, allScores(answers, k)]));
  const baseline = byTrait(input.baseline);
  const nature: FramingArm = { persona: byTrait(input.persona), baseline };
  const requested: FramingArm = { persona: byTrait(input.requested), baseline };
  const rows = framingReport(others, nature, requested, { ...options, labels: { ...input.names } });
  // The mirror test, arms swapped: "nature leaks less" is "requested leaks more", with the same error control.
  const mirror = framingReport(others, requested, nature, options);

  const natureOwn = ownScores(input.persona, trait);
  const requestedOwn = ownScores(input.requested, trait);
  const targetLanding = {
    nature: served(itemLandingT(natureOwn, options)),
    requested: served(itemLandingT(requestedOwn, options)),
    difference: served(pairedShiftT(natureOwn, requestedOwn, options)),
  };

  const items = Math.max(0, ...rows.map((r) => r.difference.items));
  const less = rows.some((r) => r.requestedLeaksLess);
  const more = mirror.some((r) => r.requestedLeaksLess);
  const verdict: FramingReport["verdict"] = less && more ? "mixed" : less ? "requested leaks less" : more ? "requested leaks more"
    : items < 2 || !rows.some((r, i) => r.natureLeaks || mirror[i].natureLeaks) ? "not enough evidence" : "no clear difference";

  return {
    trait, target: input.frozen.target, arm: FRAMING_ARM_KIND,
    wording: { nature: input.frozen.nature, requested: input.frozen.requested },
    targetLanding,
    rows: rows.map((r, i) => ({
      trait: r.trait, nature: served(r.nature), requested: served(r.requested), difference: served(r.difference),
      natureLeaks: r.natureLeaks, q: Number.isFinite(r.q ?? NaN) ? r.q : null, requestedLeaksLess: r.requestedLeaksLess,
      requestedLeaksMore: mirror[i].requestedLeaksLess,
    })),
    verdict,
  };
}
