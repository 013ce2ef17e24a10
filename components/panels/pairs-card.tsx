"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import {
  addGroup, addPair, describePair, groupProblems, pairProblems, removeGroup, removePair, renameGroup, toggleGroupMember, updatePair,
} from "@/components/panels/panel-spec-edit";
import { useTraitLibrary } from "@/lib/query/probe-hooks";
import { PANEL_LIMITS, type PanelSpec, type PolarityPair } from "@/lib/schemas/panel";

type Props = {
  spec: PanelSpec;
  nameOf: (key: string) => string;
  readOnly: boolean;
  onChange: (edit: (spec: PanelSpec) => PanelSpec) => void;
};

/** Polarity pairs: two members who should disagree, optionally on one trait and in a stated direction. */
export function PairsCard({ spec, nameOf, readOnly, onChange }: Props) {
  const traits = useTraitLibrary();
  const problems = pairProblems(spec);
  const traitName = (key: string) => traits.data?.traits.find((t) => t.key === key)?.name ?? key;
  const canAdd = spec.members.length >= 2 && spec.polarityPairs.length < PANEL_LIMITS.pairs;
  return (
    <Section
      id="pairs"
      title={`Polarity pairs (${spec.polarityPairs.length})`}
      description="Deliberate opposites. With an axis, the divergence report checks they land at least 10 points apart on it; routing never seats a pair on the same model."
      actions={!readOnly ? <Button size="sm" disabled={!canAdd} onClick={() => onChange(addPair)}>+ Add pair</Button> : null}
    >
      {spec.polarityPairs.length === 0 ? (
        <p className="text-sm text-slate-500">{spec.members.length < 2 ? "Add two members first." : "No pairs declared."}</p>
      ) : (
        <ul className="space-y-3" aria-label="Polarity pairs">
          {spec.polarityPairs.map((p, i) => {
            const set = (next: PolarityPair) => onChange((s) => updatePair(s, i, next));
            const axisTrait = p.axis && "trait" in p.axis ? p.axis.trait : p.axis ? "__weights" : "";
            return (
              <li key={i} className="rounded-lg border border-slate-200 p-3">
                <div className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)] sm:items-center">
                  <MemberSelect label={`Pair ${i + 1}, first member`} value={p.a} spec={spec} nameOf={nameOf} disabled={readOnly} onChange={(a) => set({ ...p, a })} />
                  <span className="text-center text-slate-500" aria-hidden>↔</span>
                  <MemberSelect label={`Pair ${i + 1}, second member`} value={p.b} spec={spec} nameOf={nameOf} disabled={readOnly} onChange={(b) => set({ ...p, b })} />
                </div>
                <div className="mt-2 flex flex-wrap items-center gap-2">
                  <Select
                    aria-label={`Pair ${i + 1} axis`}
                    className="w-full sm:w-56"
                    disabled={readOnly}
                    value={axisTrait}
                    onChange={(e) => set(e.target.value ? { ...p, axis: { trait: e.target.value } } : { a: p.a, b: p.b })}
                  >
                    <option value="">Overall (no single axis)</option>
                    {axisTrait === "__weights" ? <option value="__weights" disabled>Weighted axis (from a file)</option> : null}
                    {(traits.data?.traits ?? []).map((t) => <option key={t.key} value={t.key}>{t.name}</option>)}
                    {axisTrait && axisTrait !== "__weights" && !traits.data?.traits.some((t) => t.key === axisTrait) ? <option value={axisTrait}>{axisTrait}</option> : null}
                  </Select>
                  {p.axis ? (
                    <Select
                      aria-label={`Pair ${i + 1} direction`}
                      className="w-full sm:w-56"
                      disabled={readOnly}
                      value={p.direction ?? ""}
                      onChange={(e) => set({ ...p, direction: (e.target.value || undefined) as PolarityPair["direction"] })}
                    >
                      <option value="">Either way round</option>
                      <option value="a_higher">{nameOf(p.a)} higher</option>
                      <option value="b_higher">{nameOf(p.b)} higher</option>
                    </Select>
                  ) : null}
                  {!readOnly ? <Button size="sm" variant="ghost" className="ml-auto" onClick={() => onChange((s) => removePair(s, i))}>Remove</Button> : null}
                </div>
                {problems.get(i) ? (
                  <p role="alert" className="mt-1.5 text-xs text-rose-600">{problems.get(i)}</p>
                ) : (
                  <p className="mt-1.5 text-xs text-slate-500">{describePair(p, nameOf, traitName)}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

function MemberSelect({ label, value, spec, nameOf, disabled, onChange }: {
  label: string; value: string; spec: PanelSpec; nameOf: (k: string) => string; disabled: boolean; onChange: (key: string) => void;
}) {
  return (
    <Select aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      {spec.members.map((m) => <option key={m.key} value={m.key}>{nameOf(m.key)}</option>)}
    </Select>
  );
}

/** Groups (e.g. triads): named sets of at least two members. */
export function GroupsCard({ spec, nameOf, readOnly, onChange }: Props) {
  const [name, setName] = useState("");
  const problems = groupProblems(spec);
  return (
    <Section id="groups" title={`Groups (${spec.groups.length})`} description="Optional named sets, e.g. triads that deliberate together.">
      {spec.groups.length ? (
        <ul className="space-y-3" aria-label="Groups">
          {spec.groups.map((g, i) => (
            <li key={i} className="rounded-lg border border-slate-200 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <Input aria-label={`Group ${i + 1} name`} className="w-full sm:w-64" value={g.name} disabled={readOnly} maxLength={PANEL_LIMITS.label} onChange={(e) => onChange((s) => renameGroup(s, i, e.target.value))} />
                {!readOnly ? <Button size="sm" variant="ghost" className="ml-auto" onClick={() => onChange((s) => removeGroup(s, i))}>Remove</Button> : null}
              </div>
              <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1.5">
                {spec.members.map((m) => (
                  <label key={m.key} className="flex items-center gap-1.5 text-sm">
                    <input type="checkbox" disabled={readOnly} checked={g.members.includes(m.key)} onChange={() => onChange((s) => toggleGroupMember(s, i, m.key))} />
                    {nameOf(m.key)}
                  </label>
                ))}
              </div>
              {problems.get(i) ? <p role="alert" className="mt-1.5 text-xs text-rose-600">{problems.get(i)}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No groups.</p>
      )}
      {!readOnly ? (
        <form
          className="flex flex-wrap gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            onChange((s) => addGroup(s, name, []));
            setName("");
          }}
        >
          <Input aria-label="New group name" className="w-full sm:w-64" value={name} onChange={(e) => setName(e.target.value)} placeholder="Strategy triad" />
          <Button type="submit" disabled={!name.trim() || spec.groups.length >= PANEL_LIMITS.groups || spec.members.length < 2}>Add group</Button>
        </form>
      ) : null}
    </Section>
  );
}
