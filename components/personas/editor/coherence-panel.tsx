"use client";
import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { coherenceCheck, type CoherenceWarning } from "@/lib/probing/coherence";
import { useMeasuredCorrelations } from "@/lib/query/composer-hooks";
import type { PersonaSpec } from "@/lib/schemas/persona";
import type { MeasuredCorrelations } from "@/lib/schemas/coherence";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";

// The static coherence check, under the trait targets: recomputed on every
// change (pure, no model call), with the character types that would hold a
// collapsing mix together — and, once this workspace has probe reports, what
// its own runs measured for each pair beside the library's expectation.

const nameOf = (k: string) => findTrait(k)?.name ?? humanizeTraitKey(k);
const KIND_LABEL: Record<CoherenceWarning["kind"], string> = { tension: "tension", opposed: "pulls apart", against_type: "against the type" };

function Measured({ pair, data }: { pair: [string, string]; data: MeasuredCorrelations | undefined }) {
  const found = data?.pairs.find((p) => (p.a === pair[0] && p.b === pair[1]) || (p.a === pair[1] && p.b === pair[0]));
  if (!found) return null;
  return (
    <div className="mt-2 rounded-md bg-white/70 px-2.5 py-1.5 text-xs text-slate-600 ring-1 ring-inset ring-slate-200" data-testid="measured-correlation">
      <span className="font-medium text-slate-700">Library expects:</span> {found.expected}.{" "}
      {found.measured.length === 0 ? (
        <span className="text-slate-500">Not measured in this workspace yet — probe a persona that watches both to see it on your models.</span>
      ) : (
        found.measured.map((m) => (
          <span key={m.model} className="mr-2 inline-block">
            <span className="font-medium text-slate-700">Measured on {m.simulated ? "the simulator" : m.model}:</span>{" "}
            <span className={`tabular-nums font-semibold ${m.r <= -0.3 ? "text-rose-700" : m.r >= 0.3 ? "text-sky-700" : "text-slate-700"}`}>r = {m.r.toFixed(2)}</span>{" "}
            <span className="text-slate-500">over {m.n} answers, {m.runs} run{m.runs === 1 ? "" : "s"}</span>
          </span>
        ))
      )}
    </div>
  );
}

export function CoherencePanel({
  workspaceId, spec, onUseType,
}: { workspaceId: string; spec: PersonaSpec; onUseType?: (archetype: string) => void }) {
  const result = useMemo(() => coherenceCheck(spec), [spec]);
  const pairTraits = result.warnings.filter((w) => w.traits.length === 2).flatMap((w) => w.traits);
  const measured = useMeasuredCorrelations(workspaceId, pairTraits);
  const fromText = result.asked.filter((a) => a.source === "text");
  if (result.asked.length === 0) return null;

  return (
    <div className="space-y-2" aria-label="Coherence check" role="region">
      <div className="flex items-center gap-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Coherence check</h3>
        <span className="text-[11px] text-slate-400">before any model call · from the trait library&rsquo;s pair relations</span>
      </div>
      {fromText.length ? (
        <p className="text-xs text-slate-500">
          Also read from your text:{" "}
          {fromText.map((a) => <Badge key={a.key} tone="slate" className="mr-1">“{a.word}” → {a.name} {a.level}</Badge>)}
        </p>
      ) : null}
      {result.held.map((h) => (
        <p key={h.traits.join("+")} className="rounded-md bg-emerald-50 px-3 py-2 text-xs text-emerald-900 ring-1 ring-inset ring-emerald-200">
          ✓ {nameOf(h.traits[0])} + {nameOf(h.traits[1])} usually collapse, but <b>{h.by.toLowerCase()}</b> is known for both: the character type holds them together.
        </p>
      ))}
      {result.warnings.length === 0 && result.held.length === 0 ? (
        <p className="text-xs text-emerald-700">No known tension among the traits you ask for.</p>
      ) : null}
      <ul className="space-y-2">
        {result.warnings.map((w) => (
          <li key={w.id} className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm text-amber-950" data-testid="coherence-warning">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone="amber">{KIND_LABEL[w.kind]}</Badge>
              <span className="font-medium">{w.title}</span>
            </div>
            <p className="mt-1 text-xs leading-relaxed text-amber-900">{w.explanation}</p>
            {w.suggestions.length ? (
              <div className="mt-2 flex flex-wrap items-center gap-1.5 text-xs">
                <span className="text-amber-900">Try a character type:</span>
                {w.suggestions.map((s) => (
                  onUseType ? (
                    <button key={s.id} type="button" title={`A ${s.name.toLowerCase()} who ${s.why}`} onClick={() => onUseType(`a ${s.name.toLowerCase()} who ${s.why}`)}
                      className="rounded-full bg-white px-2.5 py-0.5 font-medium text-brand-700 ring-1 ring-inset ring-brand-200 hover:bg-brand-50">
                      {s.name}
                    </button>
                  ) : <Badge key={s.id} tone="brand">{s.name}</Badge>
                ))}
              </div>
            ) : null}
            {w.traits.length === 2 ? <Measured pair={w.traits as [string, string]} data={measured.data} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
