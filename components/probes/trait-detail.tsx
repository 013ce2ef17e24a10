"use client";
import { Badge } from "@/components/ui/badge";
import type { LibraryTrait } from "@/components/probes/trait-library";
import type { TraitLibrary } from "@/lib/schemas/probe";

// One trait opened up: its probe items by topic, the judge rubric with its
// anchored examples, and its reinforcing and tension partners with reasons.

export function TraitDetail({
  id, trait, library, onOpen,
}: { id: string; trait: LibraryTrait; library: TraitLibrary; onOpen: (key: string) => void }) {
  const topics = [...new Set(trait.items.map((i) => i.topic))];
  const nameOf = (key: string) => library.traits.find((t) => t.key === key)?.name ?? key;
  const relations = library.relations
    .filter((r) => r.relation !== "neutral" && (r.a === trait.key || r.b === trait.key))
    .map((r) => ({ partner: r.a === trait.key ? r.b : r.a, relation: r.relation, reason: r.reason }));
  const anchors = Object.entries(trait.rubric.anchors).sort(([a], [b]) => Number(a) - Number(b));

  return (
    <div id={id} className="grid gap-6 border-t border-slate-100 bg-slate-50/60 px-5 py-5 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)]">
      <section aria-label={`${trait.name} probe items`}>
        <h3 className="text-sm font-semibold">Probe items ({trait.items.length})</h3>
        <p className="text-xs text-slate-500">User messages that give the trait room to show, spread across topics.</p>
        <div className="mt-3 space-y-3">
          {topics.map((topic) => (
            <div key={topic}>
              <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{topic}</h4>
              <ul className="mt-1 space-y-1 text-sm text-slate-700">
                {trait.items.filter((i) => i.topic === topic).map((i) => <li key={i.id} className="rounded-md bg-white px-3 py-1.5 ring-1 ring-slate-200">{i.text}</li>)}
              </ul>
            </div>
          ))}
        </div>
      </section>
      <div className="space-y-6">
        <section aria-label={`${trait.name} judge rubric`}>
          <h3 className="text-sm font-semibold">Judge rubric</h3>
          <p className="mt-1 text-sm text-slate-700">{trait.rubric.instruction}</p>
          <p className="mt-2 text-xs text-slate-500">Anchored examples, answering: <q className="italic">{trait.rubric.scenario}</q></p>
          <ol className="mt-2 space-y-2">
            {anchors.map(([score, text]) => (
              <li key={score} className="grid grid-cols-[3rem_minmax(0,1fr)] items-start gap-2 text-sm">
                <span className="rounded-md bg-white py-1 text-center font-semibold tabular-nums ring-1 ring-slate-200">{score}</span>
                <span className="text-slate-700">{text}</span>
              </li>
            ))}
          </ol>
        </section>
        <section aria-label={`${trait.name} relations`}>
          <h3 className="text-sm font-semibold">Relations</h3>
          {relations.length === 0 ? (
            <p className="mt-1 text-sm text-slate-500">No strong expected relation to another built-in trait.</p>
          ) : (
            (["tension", "reinforcing"] as const).map((kind) => {
              const list = relations.filter((r) => r.relation === kind);
              if (!list.length) return null;
              return (
                <div key={kind} className="mt-2">
                  <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                    {kind === "tension" ? "In tension with (asking for both tends to settle in between)" : "Reinforced by (they tend to come along together)"}
                  </h4>
                  <ul className="mt-1 space-y-1.5 text-sm">
                    {list.map((r) => (
                      <li key={r.partner} className="flex items-start gap-2">
                        <button type="button" onClick={() => onOpen(r.partner)} className="shrink-0">
                          <Badge tone={kind === "tension" ? "rose" : "green"}>{nameOf(r.partner)}</Badge>
                        </button>
                        <span className="text-slate-700">{r.reason}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })
          )}
        </section>
      </div>
    </div>
  );
}
