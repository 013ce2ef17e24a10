import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { compilePersona } from "@/lib/persona/compile";
import { AXES, AXIS_LABELS, draftAxesMembers, STYLE_LABELS, topicPrefix, type AxesStyle, type Axis } from "@/lib/persona/axes-template";
import { serializeSpec, slugify } from "@/lib/persona/normalize";
import type { ItemAnswer } from "@/lib/probing/methods/items";
import { compareAxes } from "@/lib/probing/panel/axes";
import type { PanelInterval } from "@/lib/probing/panel/intervals";
import { rngFor } from "@/lib/probing/random";
import { probeTrait } from "@/lib/probing/traits";
import {
  AXES_DEFAULT_TRAITS, type AxesComparison, type axesComparisonQuery, type AxesExperimentStarted, type startAxesExperimentBody,
} from "@/lib/schemas/axes-experiment";
import { panelSpecSchema, type PanelSpec, type Seat } from "@/lib/schemas/panel";
import { createPanelRunBody, type PanelRunConfig } from "@/lib/schemas/panel-run";
import { recordActivity } from "@/lib/services/activity/activity";
import { listCustomTraits } from "@/lib/services/custom-traits/custom-traits";
import { uniquePanelSlug } from "@/lib/services/panels/panels";
import { createPanelRun } from "@/lib/services/panels/panel-runs";
import { panelRunStatus } from "@/lib/services/panels/panel-run-serialize";
import { scoredPersonaAnswers } from "@/lib/services/probes/landing-for-diff";
import { resolveProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// The axes experiment (issue 13 §6). Start: the template's members
// (lib/persona/axes-template.ts) become personas, each saved as v1, in two
// panels — topic-labelled and framework-grounded — with one group per axis and
// every member on the same seat; then one divergence probe per panel with the
// same traits, items per trait and seed, so both ask the same items (no panel
// questions, no distinguishability pass: the comparison reads landings only).
// Everything before the probes is one transaction.
//
// The pairing lives in Panel.imported (where a panel came from; the council
// import uses the same column with its own format): `{ format: "axes-experiment",
// topic, style, partnerPanelId, members }`. No schema change. The comparison
// takes the two probes' ids and checks they are the two halves of one experiment.

export const AXES_FORMAT = "axes-experiment";

type Marker = {
  format: typeof AXES_FORMAT; topic: string; style: AxesStyle; partnerPanelId: string | null;
  members: { key: string; axis: Axis; label: string; framework: string }[];
};

function readMarker(imported: string | null): Marker | null {
  if (!imported) return null;
  try {
    const v = JSON.parse(imported) as Partial<Marker> | null;
    return v && v.format === AXES_FORMAT && (v.style === "topic" || v.style === "framework") && Array.isArray(v.members) ? (v as Marker) : null;
  } catch {
    return null;
  }
}

async function uniquePersonaSlug(tx: Pick<typeof db, "persona">, workspaceId: string, name: string, reserved: Set<string>): Promise<string> {
  const base = slugify(name) || "persona";
  const taken = new Set((await tx.persona.findMany({ where: { workspaceId, slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug));
  const free = (s: string) => !taken.has(s) && !reserved.has(s);
  let slug = base;
  for (let i = 2; !free(slug); i++) slug = `${base}-${i}`;
  reserved.add(slug);
  return slug;
}

async function assertTraits(ctx: WorkspaceContext, traits: readonly string[]): Promise<void> {
  const custom = new Set((await listCustomTraits(ctx)).map((t) => t.key));
  traits.forEach((k, i) => {
    if (!probeTrait(k) && !custom.has(k)) throw new AppError("validation", `traits.${i}: "${k}" is not a trait of the library or of this workspace`, { field: `traits.${i}` });
  });
}

export async function startAxesExperiment(ctx: WorkspaceContext, body: z.output<typeof startAxesExperimentBody>): Promise<AxesExperimentStarted> {
  let draft;
  try {
    draft = draftAxesMembers(body.topic);
  } catch (e) {
    if (e instanceof RangeError) throw new AppError("validation", e.message, { field: "topic" });
    throw e;
  }
  const traits = [...(body.traits ?? AXES_DEFAULT_TRAITS)];
  await assertTraits(ctx, traits);
  // The seat must be callable now: nothing is written for a seat that cannot answer.
  const resolved = await resolveProvider(ctx, body.seat?.providerId, body.seat?.model).catch((e: unknown) => {
    if (e instanceof AppError) throw new AppError("validation", `seat: ${e.message}`, { field: "seat" });
    throw e;
  });
  const seat: Seat = { providerId: resolved.providerId, model: resolved.model };
  const { topic, members } = draft;
  const markerMembers = members.map((m) => ({ key: m.key, axis: m.axis, label: m.label, framework: m.framework }));

  const panels = await db.$transaction(async (tx) => {
    const reserved = new Set<string>();
    const out: { id: string; name: string; style: AxesStyle }[] = [];
    for (const style of ["topic", "framework"] as const) {
      const personaIds: string[] = [];
      for (const m of members) {
        const spec = m.specs[style];
        const specText = serializeSpec(spec);
        const row = await tx.persona.create({
          data: {
            workspaceId: ctx.workspaceId, slug: await uniquePersonaSlug(tx, ctx.workspaceId, spec.name, reserved), name: spec.name, archetype: spec.archetype,
            spec: specText, latestVersion: 1, createdById: ctx.userId, updatedById: ctx.userId, updatedByName: ctx.userName,
          },
        });
        await tx.personaVersion.create({
          data: {
            personaId: row.id, number: 1, message: `Drafted by the axes experiment on “${topicPrefix(topic)}” (${STYLE_LABELS[style]})`, spec: specText,
            draftRevision: row.revision, compiledPrompt: compilePersona(spec).prompt, authorId: ctx.userId, authorName: ctx.userName,
          },
        });
        await recordActivity(ctx, row.id, "created", `drafted the persona with the axes experiment (${AXIS_LABELS[m.axis].toLowerCase()} axis, ${STYLE_LABELS[style]}) and saved v1`, { version: 1 }, tx);
        personaIds.push(row.id);
      }
      const spec: PanelSpec = panelSpecSchema.parse({
        members: members.map((m, i) => ({ key: m.key, personaId: personaIds[i], version: 1, label: m.label })),
        groups: AXES.map((axis) => ({ name: AXIS_LABELS[axis], members: members.filter((m) => m.axis === axis).map((m) => m.key) })),
        plans: { single: { seats: Object.fromEntries(members.map((m) => [m.key, seat])) } },
        activePlan: "single",
      });
      const name = `${topicPrefix(topic)} — ${STYLE_LABELS[style]}`;
      const other = STYLE_LABELS[style === "topic" ? "framework" : "topic"];
      const description = `Axes experiment on “${topic}”: ${members.length} members along five axes (professional, cultural, linguistic, temporal, gender), `
        + (style === "topic" ? "each labelled by a position and the topic (“… who cares about the topic”). " : "each reasoning about the topic with a named framework. ")
        + `Paired with the ${other} panel of the same positions; both are probed on the same items and compared per axis (one group per axis).`;
      const marker: Marker = { format: AXES_FORMAT, topic, style, partnerPanelId: out[0]?.id ?? null, members: markerMembers };
      const panel = await tx.panel.create({
        data: {
          workspaceId: ctx.workspaceId, slug: await uniquePanelSlug(ctx.workspaceId, name, tx), name, description, spec: JSON.stringify(spec),
          imported: JSON.stringify(marker), createdById: ctx.userId, updatedById: ctx.userId, updatedByName: ctx.userName,
        },
      });
      out.push({ id: panel.id, name, style });
    }
    const first: Marker = { format: AXES_FORMAT, topic, style: "topic", partnerPanelId: out[1].id, members: markerMembers };
    await tx.panel.update({ where: { id: out[0].id }, data: { imported: JSON.stringify(first) } });
    return out;
  });

  const runBody = createPanelRunBody.parse({
    experiment: "divergence", version: "current", traits, itemsPerTrait: body.itemsPerTrait, seed: body.seed, questions: false, answersPerPair: 0,
  });
  const runs = [];
  for (const p of panels) runs.push({ id: (await createPanelRun(ctx, p.id, runBody)).id, panelId: p.id, style: p.style });
  return { topic, panels, runs, personas: members.length * 2 };
}

// ── The comparison ─────────────────────────────────────────────────────────

type RunRow = NonNullable<Awaited<ReturnType<typeof db.panelRun.findFirst>>>;

async function loadHalf(ctx: WorkspaceContext, runId: string, field: string) {
  const run = await db.panelRun.findFirst({ where: { id: runId, workspaceId: ctx.workspaceId } });
  if (!run) throw new AppError("not_found", `${field}: panel probe not found`, { field });
  const panel = await db.panel.findFirst({ where: { id: run.panelId, workspaceId: ctx.workspaceId }, select: { id: true, imported: true } });
  if (!panel) throw notFound("Panel");
  return { run, panel, marker: readMarker(panel.imported) };
}

const memberRunsOf = (run: RunRow) => db.probeRun.findMany({
  where: { panelRunId: run.id, panelArm: "active", workspaceId: run.workspaceId },
  select: { id: true, panelMemberKey: true, status: true },
});

async function answersByMember(runs: { id: string; panelMemberKey: string | null }[]): Promise<Map<string, ItemAnswer[]>> {
  const rows = await db.probeAnswer.findMany({ where: { runId: { in: runs.map((r) => r.id) }, kind: "persona", status: "done" } });
  const out = new Map<string, ItemAnswer[]>();
  for (const r of runs) {
    const answers = scoredPersonaAnswers(rows.filter((a) => a.runId === r.id)).map((a) => ({ item: `${a.traitKey}#${a.itemIndex}`, scores: a.scores }));
    out.set(r.panelMemberKey ?? r.id, answers);
  }
  return out;
}

const served = (i: PanelInterval) => ({ estimate: Number.isFinite(i.estimate) ? i.estimate : null, lo: i.lo, hi: i.hi });

export async function getAxesComparison(ctx: WorkspaceContext, query: z.output<typeof axesComparisonQuery>): Promise<AxesComparison> {
  const topicHalf = await loadHalf(ctx, query.topicRun, "topicRun");
  const frameworkHalf = await loadHalf(ctx, query.frameworkRun, "frameworkRun");
  const t = topicHalf.marker, f = frameworkHalf.marker;
  if (!t || t.style !== "topic") throw new AppError("validation", "topicRun: not a probe of an axes experiment's topic-labelled panel", { field: "topicRun" });
  if (!f || f.style !== "framework") throw new AppError("validation", "frameworkRun: not a probe of an axes experiment's framework-grounded panel", { field: "frameworkRun" });
  if (t.partnerPanelId !== frameworkHalf.panel.id || f.partnerPanelId !== topicHalf.panel.id) {
    throw new AppError("validation", "frameworkRun: the two probes are not of the two panels of one axes experiment", { field: "frameworkRun" });
  }
  const watched = JSON.parse(topicHalf.run.watched) as string[];
  const cfg = (r: RunRow) => JSON.parse(r.config) as PanelRunConfig;
  const [ct, cf] = [cfg(topicHalf.run), cfg(frameworkHalf.run)];
  if (JSON.stringify(watched) !== frameworkHalf.run.watched || ct.seed !== cf.seed || ct.itemsPerTrait !== cf.itemsPerTrait) {
    throw new AppError("validation", "frameworkRun: the two probes watched different traits or asked different items (seed, items per trait); compare probes started together", { field: "frameworkRun" });
  }
  const [topicRuns, frameworkRuns] = await Promise.all([memberRunsOf(topicHalf.run), memberRunsOf(frameworkHalf.run)]);
  const [topicAnswers, frameworkAnswers] = await Promise.all([answersByMember(topicRuns), answersByMember(frameworkRuns)]);
  const side = (answers: Map<string, ItemAnswer[]>) => t.members.map((m) => ({ id: m.key, answers: answers.get(m.key) ?? [] }));
  const axes = AXES.map((axis) => ({ name: axis, members: t.members.filter((m) => m.axis === axis).map((m) => m.key) })).filter((a) => a.members.length >= 2);
  const compared = compareAxes(
    { axes, topic: side(topicAnswers), framework: side(frameworkAnswers), traits: watched },
    { rng: rngFor("axes-experiment", topicHalf.run.id, frameworkHalf.run.id) },
  );
  const half = (h: typeof topicHalf, style: AxesStyle, runs: { status: string }[]) => ({
    id: h.run.id, panelId: h.panel.id, style, status: panelRunStatus(h.run, runs),
    done: runs.filter((r) => r.status === "completed" || r.status === "failed" || r.status === "cancelled").length, total: runs.length,
  });
  const runs = [half(topicHalf, "topic", topicRuns), half(frameworkHalf, "framework", frameworkRuns)];
  return {
    topic: t.topic, traits: watched, runs,
    complete: runs.every((r) => r.status === "completed"),
    axes: compared.map((c) => ({
      axis: c.axis, label: AXIS_LABELS[c.axis as Axis] ?? c.axis,
      members: t.members.filter((m) => c.members.includes(m.key)).map((m) => ({ key: m.key, label: m.label, framework: f.members.find((x) => x.key === m.key)?.framework ?? m.framework })),
      items: c.items,
      topic: { meanDistance: served(c.topic.meanDistance), effectivePositions: served(c.topic.effectivePositions) },
      framework: { meanDistance: served(c.framework.meanDistance), effectivePositions: served(c.framework.effectivePositions) },
      difference: { meanDistance: served(c.difference.meanDistance), effectivePositions: served(c.difference.effectivePositions) },
      verdict: c.verdict,
    })),
  };
}
