import "server-only";
import type { CandidateSeat } from "@/lib/probing/panel/seat-routing";
import type { ProviderInfo } from "@/lib/schemas/provider";
import { listProviders } from "@/lib/services/providers/list-providers";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// The seats a panel can be spread over (issue 13 §2): each of the workspace's
// providers with the models it is known to serve — the simulator's simulated
// models (persona-sim-1, -2, -3), every other provider's default model, and the
// workspace default's model if it is another one. A stored provider whose key
// no longer opens is left out: every call to it would fail.
// The workspace default comes first, so ties go to it.

export type SeatCandidates = { candidates: CandidateSeat[]; defaultSeat: CandidateSeat };

const seatOf = (p: ProviderInfo, model: string): CandidateSeat => ({ providerId: p.id, model, label: `${p.label} · ${model}`, providerLabel: p.label });

export async function seatCandidates(ctx: WorkspaceContext): Promise<SeatCandidates> {
  const { providers, default: current } = await listProviders(ctx);
  const usable = providers.filter((p) => p.keyState !== "unreadable" || p.id === current.providerId);
  const all: CandidateSeat[] = [];
  for (const p of usable) {
    const models = [...(p.models ?? [p.defaultModel])];
    if (p.id === current.providerId && !models.includes(current.model)) models.push(current.model);
    for (const model of models) all.push(seatOf(p, model));
  }
  const isDefault = (s: CandidateSeat) => s.providerId === current.providerId && s.model === current.model;
  const defaultSeat = all.find(isDefault)!;
  return { candidates: [defaultSeat, ...all.filter((s) => !isDefault(s))], defaultSeat };
}
