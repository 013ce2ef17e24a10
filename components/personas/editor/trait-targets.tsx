"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { describeTraitTarget, traitBand, type TraitBand } from "@/lib/persona/compile";
import { TRAIT_KEY } from "@/lib/schemas/persona";
import { BUILTIN_TRAITS, findTrait, humanizeTraitKey } from "@/lib/traits/catalog";

const BAND_LABEL: Record<TraitBand, string> = {
  always_high: "Always", usually_high: "Usually", balanced: "Balanced", usually_low: "Rarely", always_low: "Never",
};

export function TraitTargets({
  targets, onChange,
}: { targets: Record<string, number>; onChange: (next: Record<string, number>) => void }) {
  const [custom, setCustom] = useState("");
  const keys = Object.keys(targets);
  const available = BUILTIN_TRAITS.filter((t) => !(t.key in targets));
  const customKey = custom.trim().toLowerCase().replace(/[\s-]+/g, "_");
  const customValid = TRAIT_KEY.test(customKey) && !(customKey in targets);

  const set = (key: string, value: number) => onChange({ ...targets, [key]: Math.max(0, Math.min(100, Math.round(value))) });
  const remove = (key: string) => {
    const next = { ...targets };
    delete next[key];
    onChange(next);
  };

  return (
    <div className="space-y-3">
      {keys.length === 0 ? (
        <p className="text-sm text-slate-500">
          No trait targets yet. Targets are optional refinements of the archetype: add the few traits you will want to measure.
        </p>
      ) : (
        <ul className="space-y-3" aria-label="Trait targets">
          {keys.map((key) => {
            const trait = findTrait(key);
            const value = targets[key];
            return (
              <li key={key} className="rounded-lg border border-slate-200 p-3">
                <div className="flex flex-wrap items-center gap-3 sm:flex-nowrap">
                  <div className="w-full shrink-0 sm:w-40">
                    <p className="text-sm font-medium" title={trait?.description}>{trait?.name ?? humanizeTraitKey(key)}</p>
                    <p className="text-[11px] text-slate-500">{trait ? trait.description : "custom trait"}</p>
                  </div>
                  <input
                    type="range" min={0} max={100} step={5} value={value}
                    aria-label={`${trait?.name ?? key} target`}
                    onChange={(e) => set(key, Number(e.target.value))}
                    className="min-w-0 flex-1"
                  />
                  <Input
                    type="number" min={0} max={100} value={value}
                    aria-label={`${trait?.name ?? key} target value`}
                    onChange={(e) => set(key, Number(e.target.value))}
                    className="w-16 text-right tabular-nums"
                  />
                  <span className="w-16 text-xs font-medium text-slate-500">{BAND_LABEL[traitBand(value)]}</span>
                  <Button variant="ghost" size="sm" aria-label={`Remove ${trait?.name ?? key}`} onClick={() => remove(key)}>✕</Button>
                </div>
                <p className="mt-1.5 text-xs text-slate-500">
                  <span className="text-slate-500">In the prompt: </span>{describeTraitTarget(key, value)}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Select
          aria-label="Add a trait"
          value=""
          onChange={(e) => e.target.value && set(e.target.value, 75)}
          className="w-64"
        >
          <option value="">+ Add a library trait…</option>
          {available.map((t) => <option key={t.key} value={t.key}>{t.name}</option>)}
        </Select>
        <span className="text-xs text-slate-500">or</span>
        <Input
          aria-label="Custom trait key" placeholder="custom_trait_key" value={custom}
          onChange={(e) => setCustom(e.target.value)} className="w-48"
        />
        <Button size="md" disabled={!customValid} onClick={() => { set(customKey, 75); setCustom(""); }}>Add custom</Button>
      </div>
    </div>
  );
}
