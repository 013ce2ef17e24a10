import "server-only";
import { db } from "@/lib/db/client";
import { planSeats } from "@/lib/probing/panel/seat-routing";
import type { SpreadSeatsBody, SpreadSeatsResult } from "@/lib/schemas/panel-seats";
import { findPanelRow, parseStoredPanelSpec } from "@/lib/services/panels/find-panel";
import { seatCandidates } from "@/lib/services/panels/seat-candidates";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// "Spread seats" (issue 13 §2): the single-model plan and a routed plan over
// the workspace's providers, side by side, each routed seat explained
// (lib/probing/panel/seat-routing.ts). Computes only: the panel page saves the
// plan it keeps with PATCH (spec.plans). The panel's current routed plan is kept
// wherever moving would gain nothing, so asking twice gives the same answer.

export async function spreadSeats(ctx: WorkspaceContext, panelId: string, body: SpreadSeatsBody): Promise<SpreadSeatsResult> {
  const spec = parseStoredPanelSpec((await findPanelRow(ctx, panelId)).spec);
  const personas = await db.persona.findMany({
    where: { id: { in: [...new Set(spec.members.map((m) => m.personaId))] }, workspaceId: ctx.workspaceId },
    select: { id: true, name: true },
  });
  const personaName = new Map(personas.map((p) => [p.id, p.name]));
  const names = Object.fromEntries(spec.members.map((m) => [m.key, m.label || personaName.get(m.personaId) || m.key]));
  const { candidates, defaultSeat } = await seatCandidates(ctx);
  const { single, routed } = planSeats({
    members: spec.members.map((m) => m.key), names, pairs: spec.polarityPairs, groups: spec.groups,
    candidates, defaultSeat, current: spec.plans.routed, strategy: body.strategy,
  });
  return { single, routed, candidates: candidates.map(({ providerId, model, label }) => ({ providerId, model, label })) };
}
