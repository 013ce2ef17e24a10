import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { InteropError } from "@/lib/interop/errors";
import {
  formatIssue, memberKey, memberToSpec, parseMemberFile, parseSeatPlan, validateCouncil,
  type CouncilMember, type SeatPlan as CouncilSeatPlan,
} from "@/lib/interop/council";
import { serializeSpec, slugify } from "@/lib/persona/normalize";
import type { CouncilIssue } from "@/lib/schemas/council";
import { memberKeySchema, PANEL_LIMITS, panelSpecSchema, type ImportCouncilResult, type importCouncilBody, type PanelSpec, type Seat, type SeatPlan } from "@/lib/schemas/panel";
import type { PersonaSpec } from "@/lib/schemas/persona";
import { recordActivity } from "@/lib/services/activity/activity";
import { COUNCIL_FORMAT, COUNCIL_MEMBER_FORMAT, matchProvider, type ImportedCouncil, type ImportedMember, type MappedSeat } from "@/lib/services/panels/council-files";
import { uniquePanelSlug } from "@/lib/services/panels/panels";
import { toPanelDetail } from "@/lib/services/panels/serialize";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Council member files (+ a seat plan) → one persona per member and a panel of
// them, in one transaction. Every file is read and the set validated before
// anything is written: a malformed file is a 422 naming the file, the line and
// the field (details.errors lists them all), and nothing is stored.

type Body = z.output<typeof importCouncilBody>;

function reject(field: string, errors: CouncilIssue[]): never {
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  throw new AppError("validation", `${field}: ${first ? formatIssue(first) : "not a valid council file"}${more}; nothing was imported`, {
    field, details: { errors: errors.slice(0, 50) },
  });
}

async function uniquePersonaSlug(tx: Pick<typeof db, "persona">, workspaceId: string, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set((await tx.persona.findMany({ where: { workspaceId, slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export async function importCouncil(ctx: WorkspaceContext, body: Body): Promise<ImportCouncilResult> {
  const warnings: string[] = [];
  // 1. Every file parsed; all errors reported, the first bad file named as the field.
  const members: CouncilMember[] = [];
  const errors: CouncilIssue[] = [];
  let firstBad = -1;
  body.files.forEach((f, i) => {
    const parsed = parseMemberFile(f.text, f.fileName);
    if (!parsed.ok) {
      errors.push(...parsed.errors.map((e) => ({ file: f.fileName, ...e })));
      if (firstBad < 0) firstBad = i;
      return;
    }
    members.push(parsed.member);
    warnings.push(...parsed.warnings.map((w) => `${f.fileName}: ${w.message}`));
  });
  if (errors.length) reject(`files.${firstBad}.text`, errors);
  let plan: CouncilSeatPlan | null = null;
  if (body.seatPlan) {
    const parsed = parseSeatPlan(body.seatPlan.text, body.seatPlan.fileName);
    if (!parsed.ok) reject("seatPlan.text", parsed.errors.map((e) => ({ file: body.seatPlan!.fileName, ...e })));
    else plan = parsed.plan;
  }
  members.forEach((m, i) => {
    const key = memberKey(m);
    if (!memberKeySchema.safeParse(key).success) {
      reject(`files.${i}.text`, [{ file: body.files[i].fileName, field: "name", message: `The member key "${key}" cannot name a panel member: use 1–40 lowercase letters, digits, '-', '_' or '.'` }]);
    }
  });
  if (members.length > PANEL_LIMITS.members) {
    reject("files", [{ field: "files", message: `A panel has at most ${PANEL_LIMITS.members} members; ${members.length} files were given` }]);
  }

  // 2. The set: duplicate members, pairs, triads, seats for non-members.
  const council = validateCouncil(members, plan, { externalPairs: "warning" });
  if (!council.ok) {
    const first = council.errors[0];
    const fileIndex = body.files.findIndex((f) => f.fileName === first?.file);
    const field = fileIndex >= 0 ? `files.${fileIndex}.text` : body.seatPlan && first?.file === body.seatPlan.fileName ? "seatPlan.text" : "files";
    reject(field, council.errors);
  }
  warnings.push(...council.warnings.map(formatIssue));

  // 3. Each member as a persona spec.
  const specs: PersonaSpec[] = members.map((m, i) => {
    try {
      const { spec, warnings: w } = memberToSpec(m);
      warnings.push(...w.map((x) => `${m.fileName}: ${x.message}`));
      return spec;
    } catch (e) {
      if (e instanceof InteropError) reject(`files.${i}.text`, [{ file: m.fileName, field: e.field, message: e.message }]);
      throw e;
    }
  });

  // 4. Seats: the plan's provider names → this workspace's providers; the rest stay out, with a warning.
  const seatMap: Record<string, MappedSeat> = {};
  let routed: SeatPlan | undefined;
  if (plan) {
    const providers = await db.modelProvider.findMany({ where: { workspaceId: ctx.workspaceId }, select: { id: true, name: true, preset: true } });
    const seats: SeatPlan["seats"] = {};
    const explanations: Record<string, string> = {};
    for (const key of council.members) {
      const seat = council.seats[key];
      if (!seat) continue;
      const providerId = matchProvider(seat.provider, providers);
      if (!providerId) {
        warnings.push(`${key}'s seat (${seat.provider} / ${seat.model}) was left out: no provider of this workspace is "${seat.provider}" (add one with that preset or name, then set the seat)`);
        continue;
      }
      seats[key] = { providerId, model: seat.model };
      seatMap[key] = { providerId, model: seat.model, ...(seat.fallback ? { fallback: true } : {}) };
      explanations[key] = `From ${plan.fileName ?? "the seat plan"}: ${seat.provider} / ${seat.model}${seat.fallback ? " (the plan's fallback)" : ""}`.slice(0, PANEL_LIMITS.explanation);
    }
    const strategy = plan.data.strategy;
    routed = {
      seats, explanations,
      ...(strategy ? { strategy: { providerSpreadFirst: strategy.provider_spread_first === true, avoidPairCollocation: strategy.avoid_pair_collocation === true } } : {}),
    };
  }

  const importedAt = new Date().toISOString();
  const name = body.name ?? (plan?.data.profile ? `Council (${plan.data.profile})` : "Council");
  const panelImported: ImportedCouncil = {
    format: COUNCIL_FORMAT, importedAt, files: body.files.map((f) => f.fileName),
    seatPlan: body.seatPlan ? { fileName: body.seatPlan.fileName, text: body.seatPlan.text } : null, seatMap,
  };

  // 5. One transaction: the personas, then the panel of them.
  const created = await db.$transaction(async (tx) => {
    const personas: { id: string; name: string; key: string }[] = [];
    for (const [i, member] of members.entries()) {
      const spec = specs[i];
      const imported: ImportedMember = { format: COUNCIL_MEMBER_FORMAT, fileName: member.fileName ?? `${member.frontMatter.name}.md`, importedAt, text: body.files[i].text };
      const row = await tx.persona.create({
        data: {
          workspaceId: ctx.workspaceId, slug: await uniquePersonaSlug(tx, ctx.workspaceId, spec.name), name: spec.name, archetype: spec.archetype,
          spec: serializeSpec(spec), createdById: ctx.userId, updatedById: ctx.userId, updatedByName: ctx.userName, imported: JSON.stringify(imported),
        },
      });
      await recordActivity(ctx, row.id, "created", `imported the persona from a council member file (${imported.fileName})`, {}, tx);
      personas.push({ id: row.id, name: row.name, key: memberKey(member) });
    }
    const spec: PanelSpec = panelSpecSchema.parse({
      members: personas.map((p) => ({ key: p.key, personaId: p.id, version: "latest" })),
      polarityPairs: council.pairs.map(([a, b]) => ({ a, b })).slice(0, PANEL_LIMITS.pairs),
      groups: Object.entries(council.triads).filter(([, keys]) => keys.length >= 2).slice(0, PANEL_LIMITS.groups).map(([domain, keys]) => ({ name: domain, members: keys })),
      plans: routed ? { routed, single: singleBeside(routed, personas.map((p) => p.key)) } : {},
      activePlan: routed ? "routed" : "single",
    });
    const panel = await tx.panel.create({
      data: {
        workspaceId: ctx.workspaceId, slug: await uniquePanelSlug(ctx.workspaceId, name, tx), name, spec: JSON.stringify(spec),
        imported: JSON.stringify(panelImported), createdById: ctx.userId, updatedById: ctx.userId, updatedByName: ctx.userName,
      },
    });
    return { panel, personas };
  });
  return {
    panel: await toPanelDetail(created.panel),
    personas: created.personas.map(({ id, name: n }) => ({ id, name: n })),
    warnings,
  };
}

/**
 * The single-model plan kept beside an imported seat plan (issue 13 §2, §5): every member on the seat
 * plan's most used seat (the first member's on a tie), so the ceiling experiment — the same panel on
 * one model vs routed — can run straight after an import.
 */
function singleBeside(routed: SeatPlan, keys: readonly string[]): SeatPlan | undefined {
  const seats = Object.values(routed.seats);
  if (!seats.length) return undefined;
  const counts = new Map<string, { seat: Seat; n: number }>();
  for (const seat of seats) {
    const key = `${seat.providerId}\u0000${seat.model}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { seat, n: 1 });
  }
  const top = [...counts.values()].reduce((a, b) => (b.n > a.n ? b : a));
  return {
    seats: Object.fromEntries(keys.map((k) => [k, top.seat])),
    explanations: Object.fromEntries(keys.map((k) => [k, `Everyone on ${top.seat.model}, the seat plan's most used model: the same panel on one model`])),
  };
}
