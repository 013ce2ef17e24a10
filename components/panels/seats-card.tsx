"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { applySpread, collocatedPairs, planRows, setActivePlan, type PlanName, type SeatCandidate, type SpreadSeatsResult } from "@/components/panels/panel-spec-edit";
import type { PanelSpec } from "@/lib/schemas/panel";

type Props = {
  spec: PanelSpec;
  nameOf: (key: string) => string;
  /** The last "Spread seats" answer (not stored until a plan is used). */
  proposal: SpreadSeatsResult | null;
  /** Labels for seats ("OpenRouter · gpt-4o-mini"). */
  knownSeats: SeatCandidate[];
  spreading: boolean;
  spreadError: string | null;
  readOnly: boolean;
  onSpread: () => void;
  onChange: (edit: (spec: PanelSpec) => PanelSpec) => void;
};

/**
 * The single-model plan and the routed plan side by side. "Spread seats" asks
 * the server for both; using one stores both in spec.plans and makes it the
 * active plan (the members' seats come from it).
 */
export function SeatsCard({ spec, nameOf, proposal, knownSeats, spreading, spreadError, readOnly, onSpread, onChange }: Props) {
  const plans = proposal ? { single: proposal.single, routed: proposal.routed } : spec.plans;
  const members = spec.members.map((m) => ({ key: m.key, name: nameOf(m.key) }));
  const rows = planRows(members, plans, knownSeats);
  const hasPlans = !!plans.single || !!plans.routed;
  const collocated = collocatedPairs(plans.routed, spec.polarityPairs);
  const use = (which: PlanName) => onChange((s) => (proposal ? applySpread(s, proposal, which) : setActivePlan(s, which)));
  const pending = !!proposal;

  return (
    <Section
      id="seats"
      title="Seats"
      description="Spread seats proposes a routed plan across this workspace's providers — members spread evenly, a polarity pair never on the same provider and model — beside the single-model plan."
      actions={!readOnly ? (
        <Button size="sm" onClick={onSpread} disabled={spreading || spec.members.length === 0}>{spreading ? "Spreading…" : "Spread seats"}</Button>
      ) : null}
    >
      {spreadError ? <p role="alert" className="text-sm text-rose-600">{spreadError}</p> : null}
      {!hasPlans ? (
        <p className="text-sm text-slate-500">No plans yet: every member answers on the workspace default until you spread seats or pick seats by hand.</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            {pending ? "Proposed plans (not saved yet)." : <>Active plan: <Badge tone="brand">{spec.activePlan}</Badge></>}
          </p>
          <div className="relative -mx-5 overflow-x-auto" tabIndex={0} role="region" aria-label="Seat plans">
            <table className="w-full min-w-[40rem] text-sm" aria-label="Seat plans side by side">
              <thead>
                <tr className="border-b border-slate-100 text-left text-xs text-slate-500">
                  <th className="px-5 py-2 font-medium">Member</th>
                  <th className={cn("px-2 py-2 font-medium", !pending && spec.activePlan === "single" && "text-brand-700")}>Single model</th>
                  <th className={cn("px-5 py-2 font-medium", !pending && spec.activePlan === "routed" && "text-brand-700")}>Routed</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-50">
                {rows.map((r) => (
                  <tr key={r.key} className="align-top">
                    <td className="px-5 py-2 font-medium text-slate-900">{r.name}</td>
                    <td className="px-2 py-2 text-slate-700">{plans.single ? r.single : "—"}</td>
                    <td className="px-5 py-2">
                      <span className={cn("text-slate-700", r.moved && "font-medium text-slate-900")}>{plans.routed ? r.routed : "—"}</span>
                      {r.explanation ? <p className="mt-0.5 text-xs text-slate-500">{r.explanation}</p> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {collocated.length ? (
            <p role="alert" className="text-xs text-amber-800">
              Polarity pairs on the same seat in the routed plan: {collocated.map((p) => `${nameOf(p.a)} ↔ ${nameOf(p.b)}`).join(", ")}.
              The workspace may not have enough providers to keep them apart.
            </p>
          ) : null}
          {!readOnly ? (
            <div className="flex flex-wrap gap-2">
              <Button variant={spec.activePlan === "routed" && !pending ? "secondary" : "primary"} disabled={!plans.routed || (!pending && spec.activePlan === "routed")} onClick={() => use("routed")}>
                Use routed plan
              </Button>
              <Button disabled={!plans.single || (!pending && spec.activePlan === "single")} onClick={() => use("single")}>Use single plan</Button>
            </div>
          ) : null}
        </>
      )}
    </Section>
  );
}
