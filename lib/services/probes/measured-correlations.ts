import "server-only";
import { db } from "@/lib/db/client";
import type { ItemAnswer } from "@/lib/probing/methods/items";
import { withinItemCorrelationShift } from "@/lib/probing/methods/within-item-correlation";
import { rngFor } from "@/lib/probing/random";
import { relationOf } from "@/lib/probing/traits";
import { SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";
import type { MeasuredCorrelation, MeasuredCorrelations } from "@/lib/schemas/coherence";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { SCENARIO_TRAIT_KEY } from "@/lib/probing/scenario-landing";

// What this workspace's own probe runs measured about trait pairs, shown in the
// editor beside the library's built-in expectation (issue 11 §2): per persona
// and target model — never pooled across personas, who differ in exactly what
// this measures — the within-item correlation of the persona's answers
// (methods/within-item-correlation.ts: library items give one trait room, so
// the correlation over all answers reads item design as a trade-off), the
// baseline arm's from the same runs, and their difference with a 95%
// item-bootstrap interval (seeded per persona, model and pair: deterministic).
//
// Pooling over runs: an item is (trait, item index) across runs — a run
// usually asks each item once, so the repeats that carry within-item
// information mostly come from other runs — and is the resampling unit. Each
// run's own offset is removed first (a later version or a variant may move both
// traits; that shift between runs is not a within-item trade-off). With one
// run this is exactly the report's within-item r. Only completed landing runs
// (range checks answer other prompts), only scored answers (outcome null on old
// rows, or "scored").

const RECENT_RUNS = 30;
const LEVEL = 0.95;

type Answer = { runId: string; traitKey: string; itemIndex: number; scores: Record<string, number | null | undefined> };
type Group = {
  personaId: string; providerId: string; model: string; simulated: boolean; latest: number;
  runs: { id: string; watched: Set<string> }[];
  persona: Answer[]; baseline: Answer[];
};

const isScore = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Answers scoring both traits as items nested in runs: the item is (trait, item
 * index), shared across runs (the library centres on its mean), after removing
 * each run's offset per trait — its answers' mean deviation from their items'
 * means. One backfitting step of the item + run model: exact when runs answer
 * the same items, close otherwise. With one run the offset is 0.
 */
function withoutRunOffsets(answers: readonly Answer[], a: string, b: string): ItemAnswer[] {
  const pts = answers.flatMap((ans) => {
    const x = ans.scores[a], y = ans.scores[b];
    return isScore(x) && isScore(y) ? [{ run: ans.runId, item: `${ans.traitKey}#${ans.itemIndex}`, x, y }] : [];
  });
  const meanBy = (key: (p: (typeof pts)[number]) => string, v: (p: (typeof pts)[number]) => [number, number]) => {
    const acc = new Map<string, [number, number, number]>();
    for (const p of pts) {
      const [x, y] = v(p);
      const m = acc.get(key(p)) ?? [0, 0, 0];
      acc.set(key(p), [m[0] + x, m[1] + y, m[2] + 1]);
    }
    return new Map([...acc].map(([k, [sx, sy, n]]) => [k, [sx / n, sy / n] as const]));
  };
  const item = meanBy((p) => p.item, (p) => [p.x, p.y]);
  const run = meanBy((p) => p.run, (p) => [p.x - item.get(p.item)![0], p.y - item.get(p.item)![1]]);
  return pts.map((p) => {
    const [ox, oy] = run.get(p.run)!;
    return { item: p.item, scores: { [a]: p.x - ox, [b]: p.y - oy } };
  });
}

function measurePair(g: Group, a: string, b: string, names: ReadonlyMap<string, string>): MeasuredCorrelation | null {
  const runIds = new Set(g.runs.filter((r) => r.watched.has(a) && r.watched.has(b)).map((r) => r.id));
  if (!runIds.size) return null;
  const pick = (list: readonly Answer[]) => withoutRunOffsets(list.filter((x) => runIds.has(x.runId)), a, b);
  const rng = rngFor("measured-correlation", g.personaId, g.providerId, g.model, a, b);
  const s = withinItemCorrelationShift(pick(g.persona), pick(g.baseline), a, b, rng, { level: LEVEL });
  if (s.persona.r === null) return null;
  return {
    personaId: g.personaId,
    personaName: names.get(g.personaId) ?? "A persona",
    model: g.model,
    simulated: g.simulated,
    r: round2(s.persona.r),
    baselineR: s.baseline.r === null ? null : round2(s.baseline.r),
    difference: s.difference !== null && s.lo !== null && s.hi !== null
      ? { estimate: round2(s.difference), lo: round2(s.lo), hi: round2(s.hi) } : null,
    n: s.persona.answers,
    items: s.persona.items,
    runs: runIds.size,
  };
}

export async function measuredCorrelations(ctx: WorkspaceContext, traits: string[], personaId?: string): Promise<MeasuredCorrelations> {
  const keys = [...new Set(traits)];
  const select = { id: true, personaId: true, personaName: true, watched: true, targetProviderId: true, targetModel: true, finishedAt: true } as const;
  const base = { workspaceId: ctx.workspaceId, status: "completed", mode: "landing" };
  const recent = (where: object) => db.probeRun.findMany({ where: { ...base, ...where }, orderBy: { finishedAt: "desc" }, take: RECENT_RUNS, select });
  // The persona being edited gets its own recent runs, so others' activity never crowds them out.
  const runs = personaId
    ? (await Promise.all([recent({ personaId }), recent({ personaId: { not: personaId } })])).flat()
    : await recent({});

  const groups = new Map<string, Group>();
  const groupOfRun = new Map<string, Group>();
  for (const r of runs) {
    const watched = new Set(JSON.parse(r.watched) as string[]);
    if (keys.filter((k) => watched.has(k)).length < 2) continue;
    const id = JSON.stringify([r.personaId, r.targetProviderId, r.targetModel]);
    let g = groups.get(id);
    if (!g) {
      groups.set(id, (g = {
        personaId: r.personaId, providerId: r.targetProviderId, model: r.targetModel,
        simulated: r.targetProviderId === SIMULATOR_PROVIDER_ID, latest: 0, runs: [], persona: [], baseline: [],
      }));
    }
    g.runs.push({ id: r.id, watched });
    g.latest = Math.max(g.latest, r.finishedAt?.getTime() ?? 0);
    groupOfRun.set(r.id, g);
  }

  const [answers, personas] = await Promise.all([
    groupOfRun.size
      ? db.probeAnswer.findMany({
        where: { runId: { in: [...groupOfRun.keys()] }, kind: { in: ["persona", "baseline"] }, traitKey: { not: SCENARIO_TRAIT_KEY }, status: "done", OR: [{ outcome: null }, { outcome: "scored" }] },
        select: { runId: true, kind: true, traitKey: true, itemIndex: true, scores: true },
      })
      : [],
    db.persona.findMany({ where: { workspaceId: ctx.workspaceId, id: { in: [...new Set(runs.map((r) => r.personaId))] } }, select: { id: true, name: true } }),
  ]);
  for (const a of answers) {
    const g = groupOfRun.get(a.runId)!;
    const row: Answer = { runId: a.runId, traitKey: a.traitKey, itemIndex: a.itemIndex, scores: JSON.parse(a.scores ?? "{}") };
    (a.kind === "persona" ? g.persona : g.baseline).push(row);
  }
  const names = new Map(runs.map((r) => [r.personaId, r.personaName]));
  for (const p of personas) names.set(p.id, p.name);

  // The persona being edited first, then the most recently measured.
  const ordered = [...groups.values()].sort((x, y) =>
    Number(y.personaId === personaId) - Number(x.personaId === personaId) || y.latest - x.latest);
  const pairs = keys.flatMap((a, i) => keys.slice(i + 1).map((b) => [a, b] as const));
  return {
    pairs: pairs.map(([a, b]) => {
      const rel = relationOf(a, b);
      return {
        a, b, expected: rel.relation, reason: rel.reason,
        measured: ordered.flatMap((g) => measurePair(g, a, b, names) ?? []),
      };
    }),
  };
}
