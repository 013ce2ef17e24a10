"use client";
import { useDeferredValue, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { CustomTraitsSection } from "@/components/probes/custom-traits";
import { TraitDetail } from "@/components/probes/trait-detail";
import { useTraitLibrary } from "@/lib/query/probe-hooks";
import type { TraitLibrary } from "@/lib/schemas/probe";

// The built-in traits designers compose with and probes measure: what each
// pole looks like in an answer; expanded, the probe items, the judge rubric
// and how the trait relates to the others.

export type LibraryTrait = TraitLibrary["traits"][number];

export function TraitLibraryPage({ workspaceId }: { workspaceId: string }) {
  const library = useTraitLibrary();
  const [q, setQ] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const query = useDeferredValue(q.trim().toLowerCase());
  const traits = (library.data?.traits ?? []).filter((t) =>
    !query || [t.key, t.name, t.description, t.high, t.low].some((s) => s.toLowerCase().includes(query)));

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-8 sm:py-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Trait library</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-500">
            Each trait has a high and a low pole written as behaviour a judge can see in one answer, probe items that give it room to
            show (30 per built-in trait), and a rubric anchored at 0, 25, 50, 75 and 100 (0, 50 and 100 for custom traits). Relations say which traits tend to come along together and which pull apart.
          </p>
        </div>
        {library.data ? <Badge tone="slate">{library.data.traits.length} traits · {library.data.version}</Badge> : null}
      </header>
      <Input type="search" aria-label="Search traits" placeholder="Search traits…" value={q} onChange={(e) => setQ(e.target.value)} className="mt-6 max-w-xs" />

      <div className="mt-5">
        {library.isPending ? (
          <div className="h-64 animate-pulse rounded-xl bg-slate-100" />
        ) : library.isError ? (
          <p role="alert" className="text-sm text-rose-600">Could not load the trait library: {library.error.message}</p>
        ) : traits.length === 0 ? (
          <EmptyState title="No trait matches">Try another word.</EmptyState>
        ) : (
          <ul aria-label="Traits" className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
            {traits.map((t) => {
              const expanded = open === t.key;
              return (
                <li key={t.key} id={t.key}>
                  <button
                    type="button"
                    aria-expanded={expanded}
                    aria-controls={`trait-${t.key}`}
                    onClick={() => setOpen(expanded ? null : t.key)}
                    className="grid w-full grid-cols-[minmax(0,14rem)_minmax(0,1fr)_5rem] items-start gap-4 px-5 py-4 text-left hover:bg-slate-50"
                  >
                    <div>
                      <p className="font-medium text-slate-900">{t.name}</p>
                      <p className="font-mono text-xs text-slate-500">{t.key}</p>
                      <p className="mt-1 text-sm text-slate-600">{t.description}</p>
                    </div>
                    <div className="grid gap-1.5 text-sm sm:grid-cols-2 sm:gap-4">
                      <p><span className="mr-1 text-xs font-semibold uppercase tracking-wide text-emerald-700">High</span>{t.high}</p>
                      <p><span className="mr-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Low</span>{t.low}</p>
                    </div>
                    <span className="mt-0.5 w-20 text-right text-xs text-slate-500">{expanded ? "▲ Hide" : `▼ ${t.items.length} items`}</span>
                  </button>
                  {expanded && library.data ? <TraitDetail id={`trait-${t.key}`} trait={t} library={library.data} onOpen={(key) => {
                    setQ("");
                    setOpen(key);
                    requestAnimationFrame(() => document.getElementById(key)?.scrollIntoView({ behavior: "smooth", block: "start" }));
                  }} /> : null}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <CustomTraitsSection workspaceId={workspaceId} />
    </div>
  );
}
