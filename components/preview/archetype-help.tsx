"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SIMULATOR_LABEL } from "@/components/preview/answer-card";
import { useSuggestArchetypes } from "@/lib/query/preview-hooks";
import { useReplaceArchetype } from "@/components/personas/editor/suggestion-replace";
import type { PersonaSpec } from "@/lib/schemas/persona";
import { SPEC_LIMITS } from "@/lib/schemas/persona-limits";

/**
 * "Who naturally has all of these traits, in this persona's world?" — asked of the current
 * model with the archetype, background and boundaries; one click to use an answer (undoable
 * inside the spec form).
 */
export function ArchetypeHelp({
  workspaceId, spec, onPick,
}: { workspaceId: string; spec: Pick<PersonaSpec, "traitTargets" | "archetype" | "background" | "boundaries">; onPick: (archetype: string) => void }) {
  const suggest = useSuggestArchetypes(workspaceId);
  const replace = useReplaceArchetype();
  const { traitTargets } = spec;
  const hasTraits = Object.keys(traitTargets).length > 0;
  const ask = () => suggest.mutate({
    traitTargets,
    archetype: spec.archetype.slice(0, SPEC_LIMITS.archetype),
    background: spec.background.slice(0, SPEC_LIMITS.background),
    boundaries: spec.boundaries.map((b) => b.slice(0, SPEC_LIMITS.boundary)).slice(0, SPEC_LIMITS.boundaries),
  });
  const pick = (name: string) => (replace ? replace(name, `the suggestion “${name}”`) : onPick(name));
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2.5">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={ask} disabled={!hasTraits || suggest.isPending}>
          {suggest.isPending ? "Asking the model…" : "Suggest archetypes"}
        </Button>
        <span className="text-xs text-slate-500">
          {hasTraits ? "Asks the model what kind of person in this persona’s world (archetype, background, boundaries) naturally shows all of your trait targets." : "Add trait targets below, then ask which character type holds them together."}
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
                  onClick={() => pick(s.name)}
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
