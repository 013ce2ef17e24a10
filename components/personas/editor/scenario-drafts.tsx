"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SIMULATOR_LABEL } from "@/components/preview/answer-card";
import { useDraftScenarios } from "@/lib/query/scenario-hooks";
import { newScenarioId, SCENARIO_LIMITS, type Scenario } from "@/lib/schemas/scenario";

/** "Draft scenarios": the model proposes a test set from the saved draft; the designer adds what fits. */
export function ScenarioDrafts({
  workspaceId, personaId, scenarios, onAdd,
}: { workspaceId: string; personaId: string; scenarios: Scenario[]; onAdd: (next: Scenario[]) => void }) {
  const draft = useDraftScenarios(workspaceId, personaId);
  const [added, setAdded] = useState<Set<string>>(new Set());
  const room = SCENARIO_LIMITS.scenarios - scenarios.length;
  const pending = (draft.data?.scenarios ?? []).filter((s) => !added.has(s.id));

  const add = (list: Scenario[]) => {
    const taken = new Set(scenarios.map((s) => s.id));
    const fresh = list.slice(0, room).map((s) => {
      const id = taken.has(s.id) ? newScenarioId(taken) : s.id;
      taken.add(id);
      return { ...s, id };
    });
    onAdd([...scenarios, ...fresh]);
    setAdded((prev) => new Set([...prev, ...list.slice(0, room).map((s) => s.id)]));
  };

  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2.5">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={() => { setAdded(new Set()); draft.mutate({}); }} disabled={draft.isPending}>
          {draft.isPending ? "Asking the model…" : "Draft scenarios"}
        </Button>
        <span className="text-xs text-slate-500">Asks the model for 8–12 messages this character will face, from its saved type, background and boundaries.</span>
      </div>
      {draft.error ? <p role="alert" className="mt-2 text-xs text-rose-700">{draft.error.message}</p> : null}
      {draft.data && pending.length ? (
        <div className="mt-2.5 space-y-1.5">
          <div className="flex items-center gap-2">
            {draft.data.simulated ? <Badge tone="amber">{SIMULATOR_LABEL}</Badge> : <Badge>{draft.data.providerLabel} · {draft.data.model}</Badge>}
            <Button size="sm" variant="ghost" onClick={() => add(pending)} disabled={room <= 0}>Add all {pending.length}</Button>
          </div>
          <ul className="space-y-1.5" aria-label="Drafted scenarios">
            {pending.map((s) => (
              <li key={s.id}>
                <button
                  type="button" onClick={() => add([s])} disabled={room <= 0}
                  className="w-full rounded-md border border-slate-200 bg-white px-3 py-2 text-left hover:border-brand-300 hover:bg-brand-50"
                >
                  {s.context?.length ? <span className="block text-xs text-slate-500">after {s.context.length} earlier turns</span> : null}
                  <span className="block text-sm text-slate-900">{s.message}</span>
                  {s.note ? <span className="block text-xs text-slate-500">Good answer: {s.note}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
