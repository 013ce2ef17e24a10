"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select, Textarea } from "@/components/ui/field";
import { ChecksEditor } from "@/components/personas/editor/checks-editor";
import { ScenarioImport } from "@/components/personas/editor/scenario-import";
import { newScenarioId, SCENARIO_LIMITS, type Scenario, type ScenarioTurn } from "@/lib/schemas/scenario";

// The persona's own test set, edited in the draft (so autosave, versions and
// export carry it). The live preview answers these instead of the generic messages.

type Props = { scenarios: Scenario[]; onChange: (next: Scenario[]) => void };

function ContextEditor({ turns, onChange, label }: { turns: ScenarioTurn[]; onChange: (t: ScenarioTurn[]) => void; label: string }) {
  const set = (i: number, p: Partial<ScenarioTurn>) => onChange(turns.map((t, j) => (j === i ? { ...t, ...p } : t)));
  const nextRole: ScenarioTurn["role"] = turns.at(-1)?.role === "user" ? "assistant" : "user";
  return (
    <div className="space-y-1.5 border-l-2 border-slate-200 pl-3">
      {turns.map((t, i) => (
        <div key={i} className="flex items-start gap-2">
          <Select aria-label={`${label} turn ${i + 1} role`} value={t.role} onChange={(e) => set(i, { role: e.target.value as ScenarioTurn["role"] })} className="h-8 w-28 py-0 text-xs">
            <option value="user">User</option>
            <option value="assistant">Persona</option>
          </Select>
          <Textarea aria-label={`${label} turn ${i + 1}`} rows={1} value={t.content} onChange={(e) => set(i, { content: e.target.value })} className="text-sm" />
          <Button variant="ghost" size="sm" aria-label={`Remove ${label.toLowerCase()} turn ${i + 1}`} onClick={() => onChange(turns.filter((_, j) => j !== i))}>✕</Button>
        </div>
      ))}
      <Button variant="ghost" size="sm" disabled={turns.length >= SCENARIO_LIMITS.contextTurns} onClick={() => onChange([...turns, { role: nextRole, content: "" }])}>
        + Earlier turn
      </Button>
    </div>
  );
}

function ScenarioCard({ scenario, index, count, onChange, onRemove, onMove }: {
  scenario: Scenario; index: number; count: number;
  onChange: (s: Scenario) => void; onRemove: () => void; onMove: (by: -1 | 1) => void;
}) {
  const [showContext, setShowContext] = useState(Boolean(scenario.context?.length));
  const label = `Scenario ${index + 1}`;
  const turns = scenario.context ?? [];
  return (
    <li className="space-y-2 rounded-lg border border-slate-200 p-3">
      <div className="flex items-center justify-between">
        <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</span>
        <div className="flex gap-1">
          <Button variant="ghost" size="sm" aria-label={`Move ${label.toLowerCase()} up`} disabled={index === 0} onClick={() => onMove(-1)}>↑</Button>
          <Button variant="ghost" size="sm" aria-label={`Move ${label.toLowerCase()} down`} disabled={index === count - 1} onClick={() => onMove(1)}>↓</Button>
          <Button variant="ghost" size="sm" aria-label={`Remove ${label.toLowerCase()}`} onClick={onRemove}>Remove</Button>
        </div>
      </div>
      {showContext || turns.length ? (
        <ContextEditor label={label} turns={turns} onChange={(t) => onChange({ ...scenario, context: t.length ? t : undefined })} />
      ) : (
        <button className="text-xs font-medium text-brand-700 hover:underline" onClick={() => setShowContext(true)}>+ Conversation before it</button>
      )}
      <Textarea
        aria-label={`${label} message`} rows={2} maxLength={SCENARIO_LIMITS.message} value={scenario.message}
        onChange={(e) => onChange({ ...scenario, message: e.target.value })} placeholder="The user's message"
      />
      <Input
        aria-label={`${label} note`} maxLength={SCENARIO_LIMITS.note} value={scenario.note ?? ""}
        onChange={(e) => onChange({ ...scenario, note: e.target.value || undefined })}
        placeholder="What a good answer does (optional, never sent to the model)"
      />
      <ChecksEditor label={label} checks={scenario.checks} onChange={(checks) => onChange({ ...scenario, checks })} />
    </li>
  );
}

export function ScenariosEditor({ scenarios, onChange }: Props) {
  const [draft, setDraft] = useState("");
  const [importing, setImporting] = useState(false);
  const full = scenarios.length >= SCENARIO_LIMITS.scenarios;
  const withContext = scenarios.filter((s) => s.context?.length).length;
  const withNote = scenarios.filter((s) => s.note?.trim()).length;
  const withChecks = scenarios.filter((s) => s.checks?.length).length;

  const add = () => {
    const message = draft.trim();
    if (!message || full) return;
    onChange([...scenarios, { id: newScenarioId(new Set(scenarios.map((s) => s.id))), message }]);
    setDraft("");
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...scenarios];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-500" data-testid="scenario-counts">
          {scenarios.length} of {SCENARIO_LIMITS.scenarios} scenarios · {withContext} with earlier turns · {withNote} with a note · {withChecks} with checks
        </p>
        <Button size="sm" onClick={() => setImporting((o) => !o)} aria-expanded={importing}>Import CSV/JSONL</Button>
      </div>
      {importing ? <ScenarioImport scenarios={scenarios} onImport={onChange} onClose={() => setImporting(false)} /> : null}
      {scenarios.length ? (
        <ol className="space-y-2">
          {scenarios.map((s, i) => (
            <ScenarioCard
              key={s.id} scenario={s} index={i} count={scenarios.length}
              onChange={(next) => onChange(scenarios.map((x, j) => (j === i ? next : x)))}
              onRemove={() => onChange(scenarios.filter((_, j) => j !== i))}
              onMove={(by) => move(i, by)}
            />
          ))}
        </ol>
      ) : null}
      <div className="flex gap-2">
        <Textarea
          aria-label="New scenario message" rows={1} value={draft} maxLength={SCENARIO_LIMITS.message}
          placeholder="A message this persona will really get, e.g. “I bought this 45 days ago. Refund me.”"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button onClick={add} disabled={!draft.trim() || full}>Add</Button>
      </div>
    </div>
  );
}
