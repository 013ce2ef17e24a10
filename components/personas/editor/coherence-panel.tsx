"use client";
import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { coherenceCheck, type CoherenceWarning } from "@/lib/probing/coherence";
import { r2 } from "@/lib/probing/chart-prep";
import { useMeasuredCorrelations } from "@/lib/query/composer-hooks";
import type { PersonaSpec } from "@/lib/schemas/persona";
import type { MeasuredCorrelation, MeasuredCorrelations } from "@/lib/schemas/coherence";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import { inSentence, upperFirst, withArticle } from "@/lib/persona/phrasing";
import { useReplaceArchetype } from "@/components/personas/editor/suggestion-replace";

// The static coherence check, under the trait targets: recomputed on every
// change (pure, no model call), with the character types that would hold a
// collapsing mix together — and, once this workspace has probe reports, what
// its own runs measured for each pair beside the library's expectation: per
// persona and model (the persona being edited first), the within-item r, the
// baseline's, and their difference with its 95% interval.

const nameOf = (k: string) => findTrait(k)?.name ?? humanizeTraitKey(k);
const KIND_LABEL: Record<CoherenceWarning["kind"], string> = { tension: "tension", opposed: "pulls apart", against_type: "against the type" };

/** One persona on one model, in words: within-item r, the baseline's, their difference with its interval. */
function MeasuredEntry({ m, own }: { m: MeasuredCorrelation; own: boolean }) {
  const d = m.difference;
  const tone = d && d.hi < 0 ? "text-rose-700" : d && d.lo > 0 ? "text-sky-700" : "text-slate-700";
  const against = m.baselineR === null
    ? "baseline not measurable"
    : d
      ? <>baseline {r2(m.baselineR)}; difference <span className={`font-semibold ${tone}`}>{r2(d.estimate)}</span>, 95% {r2(d.lo)} to {r2(d.hi)}</>
      : <>baseline {r2(m.baselineR)}</>;
  return (
    <li data-testid="measured-entry" data-persona={m.personaId}>
      <span className="font-medium text-slate-700">{m.personaName}{own ? " (this persona)" : ""} on {m.simulated ? "the simulator" : m.model}:</span>{" "}
      within-item r <span className="tabular-nums font-semibold text-slate-800">{r2(m.r)}</span>{" "}
      <span className="tabular-nums">({against})</span>{" "}
      <span className="text-slate-500">over {m.items} item{m.items === 1 ? "" : "s"}, {m.runs} run{m.runs === 1 ? "" : "s"}</span>
    </li>
  );
}

function Measured({ pair, data, personaId }: { pair: [string, string]; data: MeasuredCorrelations | undefined; personaId?: string }) {
  const found = data?.pairs.find((p) => (p.a === pair[0] && p.b === pair[1]) || (p.a === pair[1] && p.b === pair[0]));
  if (!found) return null;
  return (
    <div className="mt-2 rounded-md bg-white/70 px-2.5 py-1.5 text-xs text-slate-600 ring-1 ring-inset ring-slate-200" data-testid="measured-correlation">
      <p>
        <span className="font-medium text-slate-700">Library expects:</span> {found.expected}.{" "}
        {found.measured.length === 0 ? (
          <span className="text-slate-500">Not measured in this workspace yet — probe a persona that watches both to see it on your models.</span>
        ) : (
          <span className="text-slate-500">Measured within the same prompt (how one score moves with the other), against the neutral assistant on the same runs:</span>
        )}
      </p>
      {found.measured.length ? (
        <ul className="mt-1 space-y-0.5">
          {found.measured.map((m) => <MeasuredEntry key={`${m.personaId}:${m.simulated}:${m.model}`} m={m} own={m.personaId === personaId} />)}
        </ul>
      ) : null}
    </div>
  );
}

export function CoherencePanel({
  workspaceId, personaId, spec, onUseType,
}: { workspaceId: string; personaId?: string; spec: PersonaSpec; onUseType?: (archetype: string) => void }) {
  const result = useMemo(() => coherenceCheck(spec), [spec]);
  const pairTraits = result.warnings.filter((w) => w.traits.length === 2).flatMap((w) => w.traits);
  const measured = useMeasuredCorrelations(workspaceId, pairTraits, personaId);
  const fromText = result.asked.filter((a) => a.source === "text");
  // Inside the spec form the replacement is undoable (Undo notice, Ctrl+Z); the prop is the plain fallback.
  const replace = useReplaceArchetype();
  const applyType = onUseType && ((text: string, name: string) => (replace ? replace(text, `the ${inSentence(name)} suggestion`) : onUseType(text)));
  if (result.asked.length === 0) return null;

  return (
    <div className="space-y-2" aria-label="Coherence check" role="region">
      <div className="flex items-center gap-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Coherence check</h3>
        <span className="text-[11px] text-slate-500">before any model call · from the trait library&rsquo;s pair relations</span>
      </div>
      {fromText.length ? (
        <p className="text-xs text-slate-500">
          Also read from your text:{" "}
          {fromText.map((a) => <Badge key={a.key} tone="slate" className="mr-1">“{a.word}” → {a.name} {a.level}</Badge>)}
        </p>
      ) : null}
      {result.held.map((h) => (
        <p key={h.traits.join("+")} className="rounded-md bg-emerald-50 px-3 py-2 text-xs text-emerald-900 ring-1 ring-inset ring-emerald-200">
          ✓ {nameOf(h.traits[0])} + {nameOf(h.traits[1])} usually collapse, but <b>{inSentence(h.by)}</b> is known for both: the character type holds them together.
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
                  applyType ? (
                    <button key={s.id} type="button" title={`${upperFirst(withArticle(s.name))} who ${s.why}. Replaces the archetype; you can undo it.`}
                      onClick={() => applyType(`${withArticle(s.name)} who ${s.why}`, s.name)}
                      className="rounded-full bg-white px-2.5 py-0.5 font-medium text-brand-700 ring-1 ring-inset ring-brand-200 hover:bg-brand-50">
                      {s.name}
                    </button>
                  ) : <Badge key={s.id} tone="brand">{s.name}</Badge>
                ))}
              </div>
            ) : null}
            {w.traits.length === 2 ? <Measured pair={w.traits as [string, string]} data={measured.data} personaId={personaId} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
