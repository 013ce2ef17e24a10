"use client";
import { useId, useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { ChartLegend } from "@/components/charts/legend";
import { COLORS } from "@/components/charts/palette";
import { DriftChart } from "@/components/probes/pressure/drift-chart";
import { SurvivalChart } from "@/components/probes/pressure/survival-chart";
import type { ConversationRequest } from "@/components/probes/pressure/conversation-dialog";
import { conversationRows, defaultThreshold, driftChart, fmt, pressureTraits, slopeText, survivalView } from "@/lib/probing/chart-prep";
import type { PressureReport } from "@/lib/schemas/pressure";

// "Under pressure" (issue 14 §2): per watched trait the mean per turn with its
// band, the drift slope and the change, turns-to-break as a survival curve at a
// threshold the designer can move (recomputed here from the conversations),
// the flagged tests with the conversation that shows each, and every
// conversation one click from its chat. The scripts' traits and the flagged
// ones show first; the rest wait behind "show all".

type TraitInfo = { name: string; target: number | null; window?: { lo: number; hi: number } | null };

export type PressureSectionProps = {
  pressure: PressureReport;
  traitInfo: (key: string) => TraitInfo;
  tolerance: number;
  onOpenConversation?: (request: ConversationRequest) => void;
};

const TEST_TEXT = { caves: "Caves under pressure", "drifts-back": "Drifts back to the assistant" } as const;

export function PressureSection({ pressure, traitInfo, tolerance, onOpenConversation }: PressureSectionProps) {
  const { shown, more } = useMemo(() => pressureTraits(pressure), [pressure]);
  const [showAll, setShowAll] = useState(false);
  const [thresholds, setThresholds] = useState<Record<string, number>>({});
  const thresholdOf = (k: string) => thresholds[k] ?? defaultThreshold(pressure, k, traitInfo(k).target);
  const traits = showAll ? [...shown, ...more] : shown;
  const byId = new Map(pressure.conversations.map((c) => [c.id, c.index]));
  const open = (id: string, trait: string) => {
    const index = byId.get(id);
    if (index !== undefined) onOpenConversation?.({ index, id, trait, threshold: thresholdOf(trait) });
  };
  const flagged = pressure.tests.filter((t) => t.flagged);
  const conversationsTotal = pressure.conversations.length;

  return (
    <Section
      id="pressure"
      title="Under pressure"
      description={`${conversationsTotal} conversation${conversationsTotal === 1 ? "" : "s"} of up to ${pressure.turns} pushes after the first answer (${pressure.scripts.map((s) => `${s.name}: ${s.conversations}`).join(" · ")}). Every turn is judged on every watched trait; intervals are over conversations.`}
    >
      {flagged.length ? (
        <ul className="space-y-2" aria-label="Pressure flags">
          {flagged.map((t) => (
            <li key={`${t.kind}-${t.trait}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-rose-200 bg-rose-50/50 px-3 py-2 text-sm">
              <Badge tone="rose">{TEST_TEXT[t.kind]}</Badge>
              <span className="min-w-0 font-medium text-slate-900">{traitInfo(t.trait).name}</span>
              <span className="tabular-nums text-slate-700">{slopeText(t.slope)}{t.kind === "drifts-back" ? " toward the baseline" : ""}</span>
              {t.exemplar ? (
                <Button size="sm" variant="secondary" className="ml-auto" onClick={() => open(t.exemplar!.conversation, t.trait)}
                  aria-label={`Open conversation ${t.exemplar.conversation}, which shows ${traitInfo(t.trait).name} ${t.kind === "caves" ? "caving" : "drifting back"}`}>
                  Open the conversation ({t.exemplar.conversation}: {fmt(t.exemplar.from)} → {fmt(t.exemplar.to)}{t.kind === "drifts-back" ? " points away" : ""})
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No trait clearly caves or drifts back to the assistant in these conversations.</p>
      )}

      <ChartLegend
        items={[
          { label: "Mean per turn", color: COLORS.landing, kind: "line" },
          { label: "95% interval over conversations", color: COLORS.landing, kind: "fill" },
          { label: "Break threshold", color: COLORS.alert, kind: "dashed" },
          { label: `Target band (what the landing is judged against: the instruction ± ${tolerance})`, color: "#10b981", kind: "fill" },
          { label: "Baseline (neutral assistant)", color: COLORS.baseline, kind: "dashed" },
        ]}
      />
      <div className="space-y-4">
        {traits.map((k) => (
          <TraitPressure key={k} pressure={pressure} trait={k} info={traitInfo(k)} tolerance={tolerance}
            threshold={thresholdOf(k)} onThreshold={(v) => setThresholds((t) => ({ ...t, [k]: v }))} />
        ))}
      </div>
      {more.length ? (
        <Button size="sm" variant="ghost" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
          {showAll ? "Show only the pushed and flagged traits" : `Show all watched traits (${more.length} more)`}
        </Button>
      ) : null}

      <ConversationList pressure={pressure} traitInfo={traitInfo} thresholdOf={thresholdOf} onOpen={onOpenConversation ? open : undefined} />
    </Section>
  );
}

function TraitPressure({
  pressure, trait, info, tolerance, threshold, onThreshold,
}: { pressure: PressureReport; trait: string; info: TraitInfo; tolerance: number; threshold: number; onThreshold: (v: number) => void }) {
  const drift = useMemo(() => driftChart(pressure, trait, { target: info.target, tolerance, threshold, window: info.window }), [pressure, trait, info.target, info.window, tolerance, threshold]);
  const survival = useMemo(() => survivalView(pressure, trait, threshold), [pressure, trait, threshold]);
  const id = useId();
  if (!drift) return null;
  return (
    <article className="rounded-lg border border-slate-200 p-3 sm:p-4" aria-labelledby={`${id}-h`} data-testid={`pressure-${trait}`}>
      <header className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id={`${id}-h`} className="text-sm font-semibold text-slate-900">{info.name}</h3>
        <span className="text-xs text-slate-500">{info.target !== null ? `target ${info.target}` : "not targeted"} · {drift.conversations} conversations</span>
      </header>
      <div className="grid gap-4 lg:grid-cols-2">
        <figure className="min-w-0">
          <figcaption className="mb-1 text-xs text-slate-600">
            <span className="font-medium text-slate-900">Drift: </span>
            <span className="tabular-nums">{drift.slope}</span>
            <span className="block tabular-nums text-slate-500">Change {drift.change}</span>
          </figcaption>
          <DriftChart data={drift} name={info.name} />
        </figure>
        <figure className="min-w-0">
          <figcaption className="mb-1 text-xs text-slate-600">
            <span className="font-medium text-slate-900">Turns to break (median): </span>
            <span className="tabular-nums" data-testid="median-text">{survival.median}</span>
            <span className="block text-slate-500">{survival.breaks} of {survival.conversations} conversations fell below {threshold}</span>
          </figcaption>
          <SurvivalChart data={survival} name={info.name} turns={pressure.turns} />
        </figure>
      </div>
      <ThresholdControl trait={info.name} value={threshold} onChange={onThreshold} />
    </article>
  );
}

function ThresholdControl({ trait, value, onChange }: { trait: string; value: number; onChange: (v: number) => void }) {
  const id = useId();
  const set = (raw: string) => { const v = Number(raw); if (Number.isFinite(v)) onChange(Math.max(0, Math.min(100, Math.round(v)))); };
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
      <label htmlFor={id} className="font-medium text-slate-700">Breaks below</label>
      <input id={id} type="range" min={0} max={100} step={1} value={value} onChange={(e) => set(e.target.value)}
        className="w-40 max-w-full accent-brand-600" aria-label={`Break threshold for ${trait}`} />
      <input type="number" min={0} max={100} value={value} onChange={(e) => set(e.target.value)}
        className="h-7 w-16 rounded-md border border-slate-300 px-2 text-right tabular-nums" aria-label={`Break threshold for ${trait} (number)`} />
      <span className="text-slate-500">Moving it recomputes the curve from the conversations.</span>
    </div>
  );
}

function ConversationList({
  pressure, traitInfo, thresholdOf, onOpen,
}: { pressure: PressureReport; traitInfo: (k: string) => TraitInfo; thresholdOf: (k: string) => number; onOpen?: (id: string, trait: string) => void }) {
  const rows = conversationRows(pressure, thresholdOf);
  return (
    <details className="rounded-lg border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">Conversations ({rows.length})</summary>
      <ul className="divide-y divide-slate-100 border-t border-slate-100" aria-label="Pressure conversations">
        {rows.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
            <span className="w-10 font-mono text-xs text-slate-500">{r.id}</span>
            <span className="min-w-0 flex-1 basis-40 break-words text-slate-800">{r.scriptName}</span>
            <span className="tabular-nums text-slate-700" title={`${traitInfo(r.trait).name}, first answer → last`}>
              {traitInfo(r.trait).name} {r.text}
            </span>
            <span className="text-xs text-slate-500">{r.breakTurn === null ? `holds above ${thresholdOf(r.trait)}` : `breaks at turn ${r.breakTurn}`}</span>
            {r.status !== "complete" ? <Badge tone={r.status === "running" ? "sky" : "amber"}>{r.status}</Badge> : null}
            {onOpen ? <Button size="sm" variant="ghost" onClick={() => onOpen(r.id, r.trait)} aria-label={`Open conversation ${r.id}`}>Open</Button> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
