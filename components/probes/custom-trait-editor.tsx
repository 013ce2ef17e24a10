"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { ApiError } from "@/lib/query/api";
import { useSaveCustomTrait } from "@/lib/query/custom-trait-hooks";
import { PROBE_TOPICS, type ProbeTopic } from "@/lib/probing/traits/types";
import type { CustomTrait, CustomTraitFields } from "@/lib/schemas/custom-trait";

// The editable form of a custom trait: a model draft (or a saved version) in,
// a new saved version out. The server validates; its field errors show inline.

const ANCHORS = ["0", "50", "100"] as const;

export function CustomTraitEditor({ workspaceId, initial, onSaved, onCancel }: {
  workspaceId: string; initial: CustomTraitFields; onSaved: (t: CustomTrait) => void; onCancel: () => void;
}) {
  const [t, setT] = useState<CustomTraitFields>(initial);
  const save = useSaveCustomTrait(workspaceId);
  const err = save.error instanceof ApiError ? save.error : null;
  const fieldError = (f: string) => (err?.field === f || err?.field?.startsWith(`${f}.`) ? err.message : null);
  const set = <K extends keyof CustomTraitFields>(k: K, v: CustomTraitFields[K]) => setT((p) => ({ ...p, [k]: v }));
  const setItem = (i: number, patch: Partial<{ topic: ProbeTopic; text: string }>) =>
    set("items", t.items.map((it, j) => (j === i ? { ...it, ...patch } : it)));

  return (
    <form
      aria-label="Custom trait"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(t, { onSuccess: onSaved });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor="ct-name" error={fieldError("name")}>
          <Input id="ct-name" value={t.name} onChange={(e) => set("name", e.target.value)} />
        </Field>
        <Field label="Key" htmlFor="ct-key" hint="lower_snake_case; saving an existing key adds a version" error={fieldError("key")}>
          <Input id="ct-key" className="font-mono" value={t.key} onChange={(e) => set("key", e.target.value)} />
        </Field>
      </div>
      <Field label="Description" htmlFor="ct-description" error={fieldError("description")}>
        <Input id="ct-description" value={t.description} onChange={(e) => set("description", e.target.value)} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="High pole (what a high scorer does)" htmlFor="ct-high" error={fieldError("high")}>
          <Textarea id="ct-high" value={t.high} onChange={(e) => set("high", e.target.value)} />
        </Field>
        <Field label="Low pole (what a low scorer does)" htmlFor="ct-low" error={fieldError("low")}>
          <Textarea id="ct-low" value={t.low} onChange={(e) => set("low", e.target.value)} />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Probe items ({t.items.length}, at least 12)</legend>
        {fieldError("items") ? <p role="alert" className="text-xs text-rose-600">{fieldError("items")}</p> : null}
        <ol className="space-y-2">
          {t.items.map((it, i) => (
            <li key={i} className="grid grid-cols-[8rem_minmax(0,1fr)] gap-2">
              <Select aria-label={`Item ${i + 1} topic`} value={it.topic} onChange={(e) => setItem(i, { topic: e.target.value as ProbeTopic })}>
                {PROBE_TOPICS.map((p) => <option key={p} value={p}>{p}</option>)}
              </Select>
              <Input aria-label={`Item ${i + 1}`} value={it.text} onChange={(e) => setItem(i, { text: e.target.value })} />
            </li>
          ))}
        </ol>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Judge rubric</legend>
        {fieldError("rubric") ? <p role="alert" className="text-xs text-rose-600">{fieldError("rubric")}</p> : null}
        <Field label="Instruction" htmlFor="ct-instruction">
          <Input id="ct-instruction" value={t.rubric.instruction} onChange={(e) => set("rubric", { ...t.rubric, instruction: e.target.value })} />
        </Field>
        <Field label="Scenario" htmlFor="ct-scenario">
          <Input id="ct-scenario" value={t.rubric.scenario} onChange={(e) => set("rubric", { ...t.rubric, scenario: e.target.value })} />
        </Field>
        <div className="grid gap-3 sm:grid-cols-3">
          {ANCHORS.map((a) => (
            <Field key={a} label={`Anchor ${a}`} htmlFor={`ct-anchor-${a}`}>
              <Textarea id={`ct-anchor-${a}`} value={t.rubric.anchors[a]}
                onChange={(e) => set("rubric", { ...t.rubric, anchors: { ...t.rubric.anchors, [a]: e.target.value } })} />
            </Field>
          ))}
        </div>
      </fieldset>
      {err && !err.field?.match(/^(name|key|description|high|low|items|rubric)/) ? <p role="alert" className="text-sm text-rose-600">{err.message}</p> : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save trait"}</Button>
      </div>
    </form>
  );
}
