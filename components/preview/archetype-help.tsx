"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SIMULATOR_LABEL } from "@/components/preview/answer-card";
import { useSuggestArchetypes } from "@/lib/query/preview-hooks";

/** "Who naturally has all of these traits?" — asked of the current model, one click to use an answer. */
export function ArchetypeHelp({
  workspaceId, traitTargets, onPick,
}: { workspaceId: string; traitTargets: Record<string, number>; onPick: (archetype: string) => void }) {
  const suggest = useSuggestArchetypes(workspaceId);
  const hasTraits = Object.keys(traitTargets).length > 0;
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2.5">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={() => suggest.mutate({ traitTargets })} disabled={!hasTraits || suggest.isPending}>
          {suggest.isPending ? "Asking the model…" : "Suggest archetypes"}
        </Button>
        <span className="text-xs text-slate-500">
          {hasTraits ? "Asks the model what kind of person naturally shows all of your trait targets." : "Add trait targets below, then ask which character type holds them together."}
        </span>
      </div>
      {suggest.error ? <p role="alert" className="mt-2 text-xs text-rose-700">{suggest.error.message}</p> : null}
      {suggest.data ? (
        <div className="mt-2.5 space-y-1.5">
          {suggest.data.simulated ? <Badge tone="amber">{SIMULATOR_LABEL}</Badge> : <Badge>{suggest.data.providerLabel} · {suggest.data.model}</Badge>}
          <ul className="space-y-1.5" aria-label="Suggested archetypes">
            {suggest.data.archetypes.map((s) => (
              <li key={s.name}>
                <button
                  type="button"
                  onClick={() => onPick(s.name)}
                  className="w-full rounded-md border border-slate-200 bg-white px-3 py-2 text-left hover:border-brand-300 hover:bg-brand-50"
                >
                  <span className="block text-sm font-medium text-slate-900">{s.name}</span>
                  <span className="block text-xs text-slate-500">{s.line}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
