import { defaultRng, type Rng } from "@/lib/probing/random";
import type { ItemAnswer } from "@/lib/probing/methods/items";
import type { VarianceFloor } from "@/lib/probing/methods/variance-floor";
import { divergenceFromMatrix, type DivergenceReport, type PanelPair } from "@/lib/probing/panel/divergence";
import { distinguishPairs, type DistinguishGuess } from "@/lib/probing/panel/distinguish";
import { diversityGain, type DiversityGain } from "@/lib/probing/panel/gain";
import { panelMatrix, type PanelMatrix, type PanelMember } from "@/lib/probing/panel/matrix";
import { polarityTest, type PolarityPair as AxisPair, type PolarityResult } from "@/lib/probing/panel/polarity";
import type { PanelArmReport, PanelFlag, PanelReport } from "@/lib/probing/panel/report-types";

// The served panel report (issue 13 §4–5), assembled from the member runs'
// judged answers and the distinguishability judge's guesses. Pure: the service
// loads the rows, this computes. Per arm: the divergence report, the declared
// polarity pairs, blind distinguishability, the groups' own positions, and
// flags; across arms: the diversity gain (ceiling experiment). Partial input
// (member runs still going) never throws: what cannot be computed yet is
// said in `notes`. The result is JSON-safe (jsonSafe: no NaN or ±Infinity).
//
// Flags (`kind` is what `persona-studio panel --fail-on` names):
// - costume: a pair whose divergence status is "costume change" (every
//   watched trait equivalent within ±5, prompts differ).
// - polarity: a declared pair with an axis whose polarityTest says "fails to
//   diverge" (incl. landing the wrong way round). A pair declared without an
//   axis ("should differ overall") is read from its divergence status: it fails
//   when the two land the same on every trait ("costume change" or "not
//   distinguishable") — the only evidence-backed "they do not differ" the
//   distance tests give; "inconclusive" is not a flag.
// - indistinguishable: a pair with different prompts that the judge did "not
//   tell apart" (accuracy interval below 0.75).

/** Items below which the costume-change test rarely sees equal members as equal (docs/methods.md §12: 97% at 60). */
export const COSTUME_ITEMS_NEEDED = 60;

/** A declared polarity pair as the panel spec holds it (lib/schemas/panel.ts PolarityPair). */
export type SpecPolarityPair = {
  a: string;
  b: string;
  axis?: { trait: string } | { weights: Record<string, number> };
  direction?: "a_higher" | "b_higher";
};

export type PanelArmInput = {
  arm: string;
  label: string;
  /** member key → seat label on this arm. */
  seats: Record<string, string>;
  /** member key → judged answers (missing or empty: the member run has none yet). */
  answers: Record<string, readonly ItemAnswer[] | undefined>;
  /** Per pair, the distinguishability judge's guesses (missing: none yet, or the pass is off). */
  guesses: readonly { a: string; b: string; guesses: readonly DistinguishGuess[] }[];
};

export type PanelReportInput = {
  methodVersion: string;
  final: boolean;
  watched: readonly string[];
  traitLabels: Record<string, string>;
  members: readonly { key: string; name: string; promptHash: string }[];
  arms: readonly PanelArmInput[];
  polarityPairs?: readonly SpecPolarityPair[];
  groups?: readonly { name: string; members: readonly string[] }[];
  rng?: Rng;
  resamples?: number;
  level?: number;
  floor?: VarianceFloor;
};

/** Replace NaN and ±Infinity by null, deeply (a served report must survive JSON.stringify unchanged). */
export function jsonSafe<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined || !Number.isFinite(v) ? "?" : v.toFixed(digits).replace(/^-/, "−"));
const pct = (v: number | null | undefined) => (v === null || v === undefined ? "?" : `${Math.round(100 * v)}%`);
const span = (lo: number | null, hi: number | null, digits = 1) => (lo === null || hi === null ? "no interval yet" : `interval ${fmt(lo, digits)} to ${fmt(hi, digits)}`);

/** The same matrix with only some members (same common items: a group is compared on what the whole arm shares). */
export function restrictMembers(x: PanelMatrix, keys: readonly string[]): PanelMatrix {
  const idx = keys.map((k) => x.members.indexOf(k)).filter((i) => i >= 0);
  return { ...x, members: idx.map((i) => x.members[i]), means: idx.map((i) => x.means[i]), answers: idx.map((i) => x.answers[i]) };
}

function toAxisPair(p: SpecPolarityPair): AxisPair | null {
  if (!p.axis) return null;
  const axis = "trait" in p.axis ? p.axis.trait : p.axis.weights;
  return { a: p.a, b: p.b, axis, expect: p.direction === "a_higher" ? "a>b" : p.direction === "b_higher" ? "a<b" : undefined };
}

const axisTraits = (p: SpecPolarityPair): string[] => (!p.axis ? [] : "trait" in p.axis ? [p.axis.trait] : Object.keys(p.axis.weights).filter((t) => (p.axis as { weights: Record<string, number> }).weights[t] !== 0));

export function panelReport(input: PanelReportInput): PanelReport {
  const rng = input.rng ?? defaultRng();
  const watched = [...input.watched];
  const names = new Map(input.members.map((m) => [m.key, m.name]));
  const name = (k: string) => names.get(k) ?? k;
  const hash = new Map(input.members.map((m) => [m.key, m.promptHash]));
  const promptsDiffer = (a: string, b: string) => hash.get(a) !== hash.get(b);
  const notes: string[] = [];
  const options = { rng, resamples: input.resamples, level: input.level, floor: input.floor };
  const present = new Map<string, PanelMember[]>();

  const arms: PanelArmReport[] = input.arms.map((arm) => {
    const members: PanelMember[] = input.members.filter((m) => (arm.answers[m.key]?.length ?? 0) > 0).map((m) => ({ id: m.key, answers: arm.answers[m.key]! }));
    present.set(arm.arm, members);
    const missing = input.members.filter((m) => !members.some((x) => x.id === m.key)).map((m) => m.name);
    if (missing.length) notes.push(`${arm.label}: ${list(missing)} ${missing.length === 1 ? "has" : "have"} no judged answers yet, so ${missing.length === 1 ? "it is" : "they are"} left out of this arm.`);
    const x = panelMatrix(members, watched);
    const divergence = divergenceFromMatrix(x, { ...options, promptsDiffer });
    if (x.droppedItems.length) notes.push(`${arm.label}: ${x.droppedItems.length} item${x.droppedItems.length === 1 ? " was" : "s were"} left out because some member lacks an answer or a score on a watched trait there; ${x.items.length} common items compared.`);
    if (members.length >= 2 && x.items.length < COSTUME_ITEMS_NEEDED) {
      notes.push(`${arm.label}: ${x.items.length} common items. Costume-change tests need about ${COSTUME_ITEMS_NEEDED} common items to see equal members as equal; with fewer, similar members read "inconclusive" rather than "costume change".`);
    }
    for (const p of divergence.pairs) {
      if (p.status === "not distinguishable") notes.push(`${arm.label}: ${name(p.a)} and ${name(p.b)} share one prompt and land the same (within ±${divergence.settings.margin} on every watched trait), as expected: not a costume change.`);
    }

    const flags: PanelFlag[] = [];
    for (const p of divergence.pairs) if (p.status === "costume change") flags.push(costumeFlag(arm.arm, p, divergence, name));

    const polarity: PolarityResult[] = [];
    for (const spec of input.polarityPairs ?? []) {
      const inArm = x.members.includes(spec.a) && x.members.includes(spec.b);
      const pair = toAxisPair(spec);
      if (!inArm) continue; // the missing-answers note already says who is absent
      if (!pair) {
        const d = findPair(divergence.pairs, spec.a, spec.b);
        if (d && (d.status === "costume change" || d.status === "not distinguishable")) {
          flags.push({
            kind: "polarity", arm: arm.arm, members: [spec.a, spec.b],
            message: `${name(spec.a)} and ${name(spec.b)} are declared opposites but land within ±${divergence.settings.margin} of each other on every watched trait (distance ${fmt(d.distance.estimate)} points, ${span(d.distance.lo, d.distance.hi)}): they fail to diverge.`,
          });
        }
        continue;
      }
      const unwatched = axisTraits(spec).filter((t) => !watched.includes(t));
      if (unwatched.length) {
        notes.push(`${arm.label}: the polarity pair ${name(spec.a)} / ${name(spec.b)} opposes on ${list(unwatched.map((t) => input.traitLabels[t] ?? t))}, which ${unwatched.length === 1 ? "is" : "are"} not watched in this run: not tested.`);
        continue;
      }
      const r = polarityTest(x, pair, { level: input.level, floor: input.floor });
      polarity.push(r);
      if (r.status === "fails to diverge") flags.push(polarityFlag(arm.arm, r, name, axisText(spec, input.traitLabels)));
    }

    const distinguish = distinguishPairs(
      arm.guesses.filter((g) => x.members.includes(g.a) && x.members.includes(g.b)),
      { level: input.level },
    );
    for (const d of distinguish) {
      if (d.status === "not told apart" && promptsDiffer(d.a, d.b)) {
        flags.push({
          kind: "indistinguishable", arm: arm.arm, members: [d.a, d.b],
          message: `Shown an answer and both descriptions, the judge named the right author ${d.correct} times in ${d.n} for ${name(d.a)} and ${name(d.b)} (${pct(d.accuracy.estimate)}, interval ${pct(d.accuracy.lo)}–${pct(d.accuracy.hi)}): a blind judge cannot tell what they say apart, although their prompts differ.`,
        });
      }
    }

    const groups: PanelArmReport["groups"] = [];
    for (const g of input.groups ?? []) {
      const keys = g.members.filter((k) => x.members.includes(k));
      if (keys.length < 2) {
        notes.push(`${arm.label}: group ${g.name} has fewer than two members with answers yet: no positions computed.`);
        continue;
      }
      if (keys.length < g.members.length) notes.push(`${arm.label}: group ${g.name} is computed without ${list(g.members.filter((k) => !keys.includes(k)).map(name))} (no answers yet).`);
      const sub = divergenceFromMatrix(restrictMembers(x, keys), { ...options, promptsDiffer });
      groups.push({ name: g.name, members: keys, effectivePositions: sub.effectivePositions, meanDistance: sub.meanDistance });
    }

    return { arm: arm.arm, label: arm.label, seats: { ...arm.seats }, divergence, polarity, distinguish, groups, flags };
  });

  let gain: DiversityGain | null = null;
  const single = present.get("single"), routed = present.get("routed");
  if (single && routed) {
    const both = single.filter((m) => routed.some((r) => r.id === m.id)).map((m) => m.id);
    if (both.length >= 2) {
      gain = diversityGain(
        both.map((id) => single.find((m) => m.id === id)!), both.map((id) => routed.find((m) => m.id === id)!), watched,
        { rng, resamples: input.resamples, level: input.level },
      );
      if (gain.items < 2) notes.push(`The diversity gain needs items both arms answered; ${gain.items} so far, so it has no interval yet.`);
    } else {
      notes.push("The diversity gain needs at least two members with answers on both the single-model and the routed arm.");
    }
  }

  return jsonSafe({
    methodVersion: input.methodVersion,
    final: input.final,
    watched,
    traitLabels: { ...input.traitLabels },
    members: input.members.map((m) => ({ key: m.key, name: m.name })),
    arms,
    gain,
    flags: arms.flatMap((a) => a.flags),
    notes,
  });
}

function list(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
}

function findPair(pairs: readonly PanelPair[], a: string, b: string) {
  return pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
}

function costumeFlag(arm: string, p: PanelPair, d: DivergenceReport, name: (k: string) => string): PanelFlag {
  const widest = Math.max(...p.traits.map((t) => Math.max(Math.abs(t.equivalence?.lo ?? 0), Math.abs(t.equivalence?.hi ?? 0))));
  return {
    kind: "costume", arm, members: [p.a, p.b],
    message: `${name(p.a)} and ${name(p.b)} land within ±${d.settings.margin} of each other on every watched trait although their prompts differ (distance ${fmt(p.distance.estimate)} points, ${span(p.distance.lo, p.distance.hi)}; at 90% confidence no trait differs by more than ${fmt(widest)}): a costume change.`,
  };
}

function axisText(p: SpecPolarityPair, labels: Record<string, string>): string {
  if (!p.axis) return "their axis";
  if ("trait" in p.axis) return labels[p.axis.trait] ?? p.axis.trait;
  return Object.entries(p.axis.weights).filter(([, w]) => w !== 0).map(([t, w]) => `${w < 0 ? "−" : "+"}${labels[t] ?? t}`).join(" ");
}

function polarityFlag(arm: string, r: PolarityResult, name: (k: string) => string, axis: string): PanelFlag {
  const [hi, lo] = r.expect === "a<b" ? [r.b, r.a] : [r.a, r.b];
  const gap = r.difference.estimate;
  const what = r.expect
    ? gap !== null && gap < 0
      ? `${name(hi)} should land above ${name(lo)} on ${axis} but lands ${fmt(-gap)} points below it (${span(r.difference.hi === null ? null : -r.difference.hi, r.difference.lo === null ? null : -r.difference.lo)})`
      : `${name(hi)} lands only ${fmt(gap)} points above ${name(lo)} on ${axis} (${span(r.difference.lo, r.difference.hi)}), short of the ${r.minimum}-point minimum for opposites`
    : `${name(r.a)} and ${name(r.b)} are only ${fmt(gap === null ? null : Math.abs(gap))} points apart on ${axis} (${span(r.difference.lo, r.difference.hi)}), short of the ${r.minimum}-point minimum for opposites`;
  return { kind: "polarity", arm, members: [r.a, r.b], message: `${what}: the declared polarity pair fails to diverge.` };
}
