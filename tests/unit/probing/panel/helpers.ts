import type { Rng } from "@/lib/probing/random";
import type { PanelMember } from "@/lib/probing/panel";
import { gaussian } from "@/tests/unit/probing/methods/helpers";

// Synthetic panels whose truth is known: each member has a true landing per
// trait; every item adds an effect per trait shared by all members (what the
// item invites), each member × item a small interaction, each answer judge
// noise. The estimand (mean over the item population) is the true landing when
// nothing is clipped, so keep positions inside ~25–75 for coverage checks.

export type PanelWorld = {
  traits: string[];
  /** True landing per member id, one value per trait. */
  positions: Record<string, number[]>;
  items: number;
  perItem: number;
  itemSd?: number;
  interactionSd?: number;
  noiseSd?: number;
  round?: number;
};

export function drawPanel(rng: Rng, w: PanelWorld): PanelMember[] {
  const z = gaussian(rng);
  const effects = Array.from({ length: w.items }, () => w.traits.map(() => (w.itemSd ?? 10) * z()));
  const judge = (x: number) => Math.max(0, Math.min(100, w.round ? Math.round(x / w.round) * w.round : x));
  return Object.entries(w.positions).map(([id, pos]) => ({
    id,
    answers: effects.flatMap((effect, i) => {
      const interaction = w.traits.map(() => (w.interactionSd ?? 3) * z());
      return Array.from({ length: w.perItem }, () => ({
        item: `item-${String(i).padStart(2, "0")}`,
        scores: Object.fromEntries(w.traits.map((t, j) => [t, judge(pos[j] + effect[j] + interaction[j] + (w.noiseSd ?? 8) * z())])),
      }));
    }),
  }));
}

/** A copy of a member under another id (same answers: a costume with the same behaviour). */
export const renamed = (m: PanelMember, id: string): PanelMember => ({ id, answers: m.answers });
