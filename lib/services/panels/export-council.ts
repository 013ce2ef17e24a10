import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { InteropError } from "@/lib/interop/errors";
import { memberKey, parseMemberFile, parseSeatPlan, specToMember, writeMemberFile, writeSeatPlan, type CouncilMember } from "@/lib/interop/council";
import type { SeatPlanData } from "@/lib/schemas/council";
import type { ExportCouncil } from "@/lib/schemas/panel";
import { readImportedCouncil, readImportedMember, providerFileName } from "@/lib/services/panels/council-files";
import { findPanelRow, parseStoredPanelSpec } from "@/lib/services/panels/find-panel";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// A panel as council files: each member from its persona's draft (a persona
// imported from a council file is written over that file, so an unedited member
// comes back byte for byte), and the active plan as a seat plan (over the
// imported plan's text: seats unchanged since the import keep their entry as it was).

export async function exportCouncil(ctx: WorkspaceContext, panelId: string): Promise<ExportCouncil> {
  const panel = await findPanelRow(ctx, panelId);
  const spec = parseStoredPanelSpec(panel.spec);
  const warnings: string[] = [];
  const personas = await db.persona.findMany({
    where: { id: { in: spec.members.map((m) => m.personaId) }, workspaceId: ctx.workspaceId },
    select: { id: true, spec: true, imported: true },
  });
  const byId = new Map(personas.map((p) => [p.id, p]));
  const pairsOf = (key: string) => spec.polarityPairs.flatMap((p) => (p.a === key ? [p.b] : p.b === key ? [p.a] : []));

  const files: ExportCouncil["files"] = [];
  const used = new Set<string>();
  for (const [i, m] of spec.members.entries()) {
    const persona = byId.get(m.personaId);
    if (!persona) {
      warnings.push(`${m.key} was left out: its persona no longer exists`);
      continue;
    }
    const imported = readImportedMember(persona.imported);
    const parsed = imported ? parseMemberFile(imported.text, imported.fileName) : null;
    const base: CouncilMember | null = parsed?.ok ? parsed.member : null;
    try {
      const member = specToMember(parseStoredSpec(persona.spec), base);
      if (!base) {
        // A member with no file of its own: the panel's key, pairs and groups say who it is to the council.
        member.frontMatter.name = `council-${m.key}`;
        const pairs = pairsOf(m.key);
        const groups = spec.groups.filter((g) => g.members.includes(m.key)).map((g) => g.name);
        if (pairs.length) member.frontMatter.council.polarity_pairs = pairs;
        if (groups.length) member.frontMatter.council.triads = groups.filter((g) => /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(g));
      } else if (memberKey(member) !== m.key) {
        warnings.push(`${m.key}'s file calls it "${memberKey(member)}"; seats and pairs in the files use that name`);
      }
      let fileName = imported?.fileName.replace(/^.*[\\/]/, "") ?? `${member.frontMatter.name}.md`;
      while (used.has(fileName)) fileName = fileName.replace(/\.md$/i, "") + `-${i + 1}.md`;
      used.add(fileName);
      files.push({ fileName, text: writeMemberFile(member) });
    } catch (e) {
      if (e instanceof InteropError) throw new AppError("validation", `spec.members.${i}: ${m.key} cannot be written as a council file — ${e.field}: ${e.message}`, { field: `spec.members.${i}` });
      throw e;
    }
  }

  const plan = spec.plans[spec.activePlan];
  const council = readImportedCouncil(panel.imported);
  let seatPlan: ExportCouncil["seatPlan"] = null;
  if (plan && (Object.keys(plan.seats).length || council?.seatPlan)) {
    const providers = await db.modelProvider.findMany({ where: { workspaceId: ctx.workspaceId }, select: { id: true, name: true, preset: true } });
    const baseParse = council?.seatPlan ? parseSeatPlan(council.seatPlan.text, council.seatPlan.fileName) : null;
    const base = baseParse?.ok ? baseParse.plan : null;
    const data: SeatPlanData = base ? structuredClone(base.data) : { seats: {} };
    const keys = new Set(spec.members.map((m) => m.key));
    const seats: SeatPlanData["seats"] = {};
    // The imported plan's entries, in their order: kept as they were while the seat is unchanged.
    for (const [entryKey, entry] of Object.entries(data.seats)) {
      const key = memberKey(entryKey);
      if (!keys.has(key)) continue;
      const now = plan.seats[key];
      const was = council?.seatMap[key];
      if (!now) {
        if (!was) seats[entryKey] = entry; // never resolved at import: the file's entry stands
        continue;
      }
      seats[entryKey] = was && !was.fallback && was.providerId === now.providerId && was.model === now.model
        ? entry
        : { ...entry, provider: providerFileName(now.providerId, providers), model: now.model };
    }
    for (const [key, now] of Object.entries(plan.seats)) {
      if (seats[key] || seats[`council-${key}`]) continue;
      const was = council?.seatMap[key];
      if (was?.fallback && was.providerId === now.providerId && was.model === now.model) continue; // still the plan's fallback
      seats[key] = { provider: providerFileName(now.providerId, providers), model: now.model };
    }
    if (Object.keys(seats).length) {
      data.seats = seats;
      if (!base && plan.strategy) data.strategy = { provider_spread_first: plan.strategy.providerSpreadFirst, avoid_pair_collocation: plan.strategy.avoidPairCollocation };
      try {
        seatPlan = {
          fileName: council?.seatPlan?.fileName ?? `${panel.slug}-seats.yaml`,
          text: writeSeatPlan({ data, ...(base?.text !== undefined ? { text: base.text } : {}) }),
        };
      } catch (e) {
        if (e instanceof InteropError) throw new AppError("validation", `spec.plans.${spec.activePlan}: the seat plan cannot be written — ${e.field}: ${e.message}`, { field: `spec.plans.${spec.activePlan}` });
        throw e;
      }
    }
  }
  return { files, seatPlan, warnings };
}
