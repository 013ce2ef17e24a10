import { shuffled } from "@/lib/probing/judge/shuffle";
import { rngFor } from "@/lib/probing/random";

// Which answers the blind distinguishability pass shows the judge (issue 13 §4),
// decided from the run's seed alone so a resumed pass plans the same guesses
// and skips the ones it stored. Per arm and pair (a before b in spec order):
// the COMMON items both members answered (scored persona answers), in a seeded
// order; each item is shown once with a's answer and once with b's, so the
// question is shared and half the answers come from each member (a gets the
// extra one when answersPerPair is odd). Which description is shown as "A" is a
// seeded coin per answer (firstShown "a" | "b"), stored with the guess.

/** One scored persona answer of a member: its item ("traitKey#itemIndex", or the scenario's) and id. */
export type PlanAnswer = { item: string; answerId: string; sampleIndex: number };

export type PlannedGuess = { arm: string; memberA: string; memberB: string; answerId: string; author: string; firstShown: "a" | "b" };

export type PlanInput = {
  seed: number;
  answersPerPair: number;
  /** Member keys in spec order. */
  members: readonly string[];
  /** Arms in report order; per arm, each member's scored persona answers (a member without a run on the arm is absent). */
  arms: readonly { arm: string; answers: Readonly<Record<string, readonly PlanAnswer[]>> }[];
};

/** Per item, the member's first scored answer (lowest sample index). */
function firstPerItem(answers: readonly PlanAnswer[]): Map<string, PlanAnswer> {
  const out = new Map<string, PlanAnswer>();
  for (const a of answers) {
    const had = out.get(a.item);
    if (!had || a.sampleIndex < had.sampleIndex) out.set(a.item, a);
  }
  return out;
}

export function planGuesses(input: PlanInput): PlannedGuess[] {
  const n = Math.max(0, Math.floor(input.answersPerPair));
  if (n === 0) return [];
  const out: PlannedGuess[] = [];
  for (const { arm, answers } of input.arms) {
    const present = input.members.filter((m) => answers[m]);
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        const [a, b] = [present[i], present[j]];
        const ofA = firstPerItem(answers[a]);
        const ofB = firstPerItem(answers[b]);
        const common = [...ofA.keys()].filter((item) => ofB.has(item)).sort();
        const items = shuffled(common, rngFor("distinguish-items", input.seed, arm, a, b));
        const count = Math.min(n, 2 * items.length);
        for (let k = 0; k < count; k++) {
          const item = items[Math.floor(k / 2)];
          const author = k % 2 === 0 ? a : b;
          const answerId = (author === a ? ofA : ofB).get(item)!.answerId;
          const firstShown = rngFor("distinguish-order", input.seed, arm, a, b, answerId)() < 0.5 ? "a" : "b";
          out.push({ arm, memberA: a, memberB: b, answerId, author, firstShown });
        }
      }
    }
  }
  return out;
}

/** The key that makes a guess unique (PanelGuess @@unique without the run). */
export const guessKey = (g: { arm: string; memberA: string; memberB: string; answerId: string }) => `${g.arm}\u241f${g.memberA}\u241f${g.memberB}\u241f${g.answerId}`;
