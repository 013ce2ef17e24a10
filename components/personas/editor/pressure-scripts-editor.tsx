"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Select, Textarea } from "@/components/ui/field";
import { PRESSURE_LIMITS, pressureScriptSchema, type PressureScript } from "@/lib/schemas/pressure";
import { BUILTIN_TRAITS, findTrait, humanizeTraitKey } from "@/lib/traits/catalog";

// The persona's own pressure scripts (issue 14 §1, spec.pressureScripts): a
// name, the trait the pushes work against, the opening user message and the
// pushes in order. A script is text while typed; only complete, valid scripts
// reach the spec (like a scenario's checks), so a half-written one is marked
// here and never blocks autosave of the rest of the draft.

export type ScriptDraft = { id: number; name: string; trait: string; opening: string; pushes: string[] };

const NAME_MAX = 80;
const json = (scripts: readonly PressureScript[] | undefined) => JSON.stringify(scripts ?? []);

export const draftOfScript = (s: PressureScript, id: number): ScriptDraft => ({ id, name: s.name, trait: s.trait, opening: s.opening, pushes: [...s.pushes] });

/** A draft as a script, or the first problem with it (the field and a plain message). */
export function scriptFromDraft(d: ScriptDraft): { script: PressureScript; error: null } | { script: null; error: { field: string; message: string } } {
  const parsed = pressureScriptSchema.safeParse({ name: d.name, trait: d.trait, opening: d.opening, pushes: d.pushes });
  if (parsed.success) return { script: parsed.data, error: null };
  const issue = parsed.error.issues[0];
  const field = issue.path.map(String).join(".");
  const message = issue.path[0] === "trait" ? "Pick the trait the pushes work against" : issue.message;
  return { script: null, error: { field, message } };
}

/** What reaches the spec: the valid drafts, in order. */
export const committedScripts = (drafts: readonly ScriptDraft[]): PressureScript[] =>
  drafts.flatMap((d) => { const r = scriptFromDraft(d); return r.script ? [r.script] : []; });

export const newScriptDraft = (ids: readonly number[], trait: string): ScriptDraft =>
  ({ id: Math.max(0, ...ids) + 1, name: "", trait, opening: "", pushes: [""] });

const traitName = (k: string) => findTrait(k)?.name ?? humanizeTraitKey(k);

function Counter({ n, max }: { n: number; max: number }) {
  return <span className={cn("text-[11px] tabular-nums", n > max ? "text-rose-600" : "text-slate-500")}>{n}/{max}</span>;
}

function ScriptCard({ draft, index, traits, onChange, onRemove }: {
  draft: ScriptDraft; index: number; traits: readonly string[]; onChange: (d: ScriptDraft) => void; onRemove: () => void;
}) {
  const result = scriptFromDraft(draft);
  const [open, setOpen] = useState(!result.script);
  const label = `Script ${index + 1}`;
  const bad = (field: string) => (result.error?.field === field || result.error?.field.startsWith(`${field}.`) ? { "aria-invalid": true } : {});
  const setPush = (i: number, v: string) => onChange({ ...draft, pushes: draft.pushes.map((p, j) => (j === i ? v : p)) });
  return (
    <li className={cn("rounded-lg border px-3 py-2", result.error ? "border-amber-300 bg-amber-50/40" : "border-slate-200")} data-testid="pressure-script">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="flex cursor-pointer flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <span className="font-medium text-slate-800">{draft.name.trim() || `Untitled ${label.toLowerCase()}`}</span>
          <span className="text-xs text-slate-500">against {draft.trait ? traitName(draft.trait) : "—"} · {draft.pushes.length} push{draft.pushes.length === 1 ? "" : "es"}</span>
          {result.error ? <span className="text-xs font-medium text-amber-800">Incomplete — not saved</span> : null}
        </summary>
        <div className="mt-2 space-y-2">
          <div className="grid gap-2 sm:grid-cols-[1fr_12rem]">
            <label className="block space-y-1 text-xs text-slate-600">
              <span className="flex justify-between">Name <Counter n={draft.name.length} max={NAME_MAX} /></span>
              <Input aria-label={`${label} name`} maxLength={NAME_MAX} value={draft.name} placeholder="e.g. Wants a refund past the window"
                onChange={(e) => onChange({ ...draft, name: e.target.value })} {...bad("name")} />
            </label>
            <label className="block space-y-1 text-xs text-slate-600">
              <span>Pushes against</span>
              <Select aria-label={`${label} trait`} value={draft.trait} onChange={(e) => onChange({ ...draft, trait: e.target.value })} {...bad("trait")}>
                {draft.trait ? null : <option value="">Pick a trait</option>}
                {traits.map((k) => <option key={k} value={k}>{traitName(k)}</option>)}
              </Select>
            </label>
          </div>
          <label className="block space-y-1 text-xs text-slate-600">
            <span className="flex justify-between">Opening (the first user message) <Counter n={draft.opening.length} max={PRESSURE_LIMITS.pushChars} /></span>
            <Textarea aria-label={`${label} opening`} rows={2} className="min-h-14" maxLength={PRESSURE_LIMITS.pushChars} value={draft.opening}
              placeholder="I bought this 45 days ago and your policy says 30 days. I'd still like a full refund."
              onChange={(e) => onChange({ ...draft, opening: e.target.value })} {...bad("opening")} />
          </label>
          <div className="space-y-1">
            <p className="flex justify-between text-xs text-slate-600">
              <span>Pushes, in order (the last repeats when a test runs more turns)</span>
              <Counter n={draft.pushes.length} max={PRESSURE_LIMITS.turns.max} />
            </p>
            <ol className="space-y-1.5">
              {draft.pushes.map((p, i) => (
                <li key={i} className="flex items-start gap-2">
                  <span className="mt-2 w-5 shrink-0 text-right text-xs tabular-nums text-slate-500">{i + 1}.</span>
                  <Textarea aria-label={`${label} push ${i + 1}`} rows={1} className="min-h-9" maxLength={PRESSURE_LIMITS.pushChars} value={p}
                    placeholder={i === 0 ? "Can you check again? I really need this." : "This is unacceptable…"}
                    onChange={(e) => setPush(i, e.target.value)} {...bad(`pushes.${i}`)} />
                  <Button variant="ghost" size="sm" aria-label={`Remove ${label.toLowerCase()} push ${i + 1}`} disabled={draft.pushes.length === 1}
                    onClick={() => onChange({ ...draft, pushes: draft.pushes.filter((_, j) => j !== i) })}>✕</Button>
                </li>
              ))}
            </ol>
            <button type="button" className="text-xs font-medium text-brand-700 hover:underline disabled:text-slate-400 disabled:no-underline"
              disabled={draft.pushes.length >= PRESSURE_LIMITS.turns.max} onClick={() => onChange({ ...draft, pushes: [...draft.pushes, ""] })}>
              + Push
            </button>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {result.error ? <p role="alert" className="text-xs text-rose-600">{result.error.message} <span className="text-slate-500">(not saved until fixed)</span></p> : null}
            <Button variant="ghost" size="sm" className="ml-auto" onClick={onRemove}>Remove script</Button>
          </div>
        </div>
      </details>
    </li>
  );
}

export function PressureScriptsEditor({ scripts, onChange, targets }: {
  scripts: PressureScript[] | undefined; onChange: (next: PressureScript[]) => void; targets: Readonly<Record<string, number>>;
}) {
  const [drafts, setDrafts] = useState<ScriptDraft[]>(() => (scripts ?? []).map((s, i) => draftOfScript(s, i + 1)));
  const emitted = useRef(json(scripts));

  // The spec changed from outside (conflict resolved, import, recovered backup): show it.
  useEffect(() => {
    if (json(scripts) === emitted.current) return;
    emitted.current = json(scripts);
    setDrafts((scripts ?? []).map((s, i) => draftOfScript(s, i + 1)));
  }, [scripts]);

  const update = (next: ScriptDraft[]) => {
    setDrafts(next);
    const valid = committedScripts(next);
    if (json(valid) === emitted.current) return;
    emitted.current = json(valid);
    onChange(valid);
  };
  // Targeted traits first, then the rest of the library; a script's own trait stays listed.
  const targeted = Object.keys(targets);
  const traits = [...new Set([...targeted, ...BUILTIN_TRAITS.map((t) => t.key), ...drafts.map((d) => d.trait).filter(Boolean)])];
  const full = drafts.length >= PRESSURE_LIMITS.scripts;

  return (
    <div className="space-y-2" role="group" aria-label="Pressure scripts">
      {drafts.length ? (
        <ul className="space-y-2">
          {drafts.map((d, i) => (
            <ScriptCard key={d.id} draft={d} index={i} traits={traits}
              onChange={(nd) => update(drafts.map((x, j) => (j === i ? nd : x)))}
              onRemove={() => update(drafts.filter((_, j) => j !== i))} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">None yet. The built-in scripts cover firm, skeptical, concise, cautious and formal; write your own for your domain.</p>
      )}
      <div className="flex items-center gap-3">
        <Button size="sm" disabled={full} onClick={() => update([...drafts, newScriptDraft(drafts.map((d) => d.id), targeted[0] ?? "")])}>Add a script</Button>
        <span className="text-xs tabular-nums text-slate-500">{drafts.length}/{PRESSURE_LIMITS.scripts}</span>
      </div>
    </div>
  );
}
