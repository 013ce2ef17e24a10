"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { ModelFields, type ModelChoice } from "@/components/probes/model-fields";
import { TraitChips } from "@/components/probes/trait-chips";
import { ApiError } from "@/lib/query/api";
import { useVariantMutations } from "@/lib/query/composer-hooks";
import { useTraitLibrary } from "@/lib/query/probe-hooks";
import { useProviders } from "@/lib/query/provider-hooks";
import type { PersonaDetail } from "@/lib/schemas/persona-api";
import { probeVariantsBody, type ProbeVariantsBody, type Variant } from "@/lib/schemas/variant";

// "Probe variants": pick the contenders (variants and/or the current draft), one
// model, the traits to watch (default: the draft's targeted traits) and the
// budget. Every contender gets the same items, settings and seed.

const MAX_CONTENDERS = 6; // one colour each on the comparison chart
const DRAFT = "__draft__";

export function ProbeVariantsPanel({ workspaceId, persona, variants }: { workspaceId: string; persona: PersonaDetail; variants: Variant[] }) {
  const router = useRouter();
  const toast = useToast();
  const { probe } = useVariantMutations(workspaceId, persona.id);
  const providers = useProviders(workspaceId);
  const library = useTraitLibrary();
  const [picked, setPicked] = useState<string[] | null>(null);
  const [model, setModel] = useState<ModelChoice | null>(null);
  const [traits, setTraits] = useState<string[] | null>(null);
  const [budget, setBudget] = useState("60");
  const [seed, setSeed] = useState("0");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const targeted = Object.keys(persona.spec.traitTargets);
  // Default: every variant (up to the chart's six), plus the draft when there is only one variant.
  const defaults = [...(variants.length < 2 ? [DRAFT] : []), ...variants.map((v) => v.id)].slice(0, MAX_CONTENDERS);
  const chosen = (picked ?? defaults).filter((id) => id === DRAFT || variants.some((v) => v.id === id));
  const watched = traits ?? targeted;
  const list = providers.data?.providers ?? [];
  const choice = model ?? (providers.data ? { providerId: providers.data.default.providerId, model: providers.data.default.model } : null);
  const simulated = list.find((p) => p.id === choice?.providerId)?.kind === "simulator";
  const options = library.data ? library.data.traits.map((t) => ({ key: t.key, name: t.name })) : watched.map((k) => ({ key: k, name: k }));
  const n = chosen.length;
  const contenders = [{ id: DRAFT, name: "Current draft" }, ...variants.map((v) => ({ id: v.id, name: v.name }))];

  const toggle = (id: string) => setPicked(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input: ProbeVariantsBody = {
      variantIds: chosen.filter((id) => id !== DRAFT),
      includeDraft: chosen.includes(DRAFT),
      targetProviderId: choice?.providerId,
      targetModel: choice?.model || undefined,
      traits: watched,
      budgetPerTrait: Number(budget),
      seed: Number(seed),
    };
    const parsed = probeVariantsBody.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])));
      return;
    }
    setErrors({});
    probe.mutate(parsed.data, {
      onSuccess: ({ batchId }) => {
        toast(`Probing ${n} together`);
        router.push(`/w/${workspaceId}/personas/${persona.id}/variants/compare/${batchId}`);
      },
      onError: (err) => setErrors({ [err instanceof ApiError && err.field ? err.field : "form"]: err.message }),
    });
  }

  return (
    <Section
      id="probe-variants"
      title="Probe variants"
      description="Same model, items, settings and seed for each, judged against the draft’s targets."
    >
      <form onSubmit={submit} className="space-y-4" aria-label="Probe variants">
        <fieldset className="space-y-1.5">
          <legend className="mb-1.5 text-sm font-medium text-slate-800">Contenders</legend>
          {contenders.map((c) => {
            const on = chosen.includes(c.id);
            return (
              <label key={c.id} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox" checked={on} disabled={!on && n >= MAX_CONTENDERS}
                  onChange={() => toggle(c.id)} className="h-4 w-4 accent-brand-600"
                />
                <span className={c.id === DRAFT ? "italic" : "font-medium"}>{c.name}</span>
              </label>
            );
          })}
          <p className={errors.variantIds ? "text-xs text-rose-600" : "text-xs text-slate-500"} role={errors.variantIds ? "alert" : undefined}>
            {errors.variantIds ?? (n < 2 ? "Pick at least two to compare." : `Up to ${MAX_CONTENDERS} at once.`)}
          </p>
        </fieldset>

        <Field
          label="Model" htmlFor="variants-target" error={errors.targetProviderId ?? errors.targetModel}
          hint={simulated ? "Simulator — not a language model: a deterministic stand-in for trying the studio out." : "Every contender runs on this model; it also judges the answers."}
        >
          {choice ? <ModelFields id="variants-target" label="Target" providers={list} value={choice} onChange={setModel} /> : <div className="h-9 animate-pulse rounded-md bg-slate-100" />}
        </Field>

        <Field
          label="Traits to watch" error={errors.traits}
          hint={<>Default: the traits the draft targets. {traits ? <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setTraits(null)}>Reset</button> : null}</>}
        >
          <TraitChips value={watched} onChange={setTraits} options={options} targeted={targeted} emptyText="The draft targets no traits: set targets in the editor first." />
        </Field>

        <div className="grid grid-cols-2 gap-3">
          <Field label="Budget per trait" htmlFor="variants-budget" error={errors.budgetPerTrait} hint="Answers per trait, each">
            <Input id="variants-budget" type="number" value={budget} onChange={(e) => setBudget(e.target.value)} />
          </Field>
          <Field label="Seed" htmlFor="variants-seed" error={errors.seed} hint="Shared by all">
            <Input id="variants-seed" type="number" value={seed} onChange={(e) => setSeed(e.target.value)} />
          </Field>
        </div>

        {errors.targetsFrom ? (
          <p role="alert" className="text-sm text-rose-600">{errors.targetsFrom}</p>
        ) : targeted.length === 0 ? (
          <p role="note" className="text-xs text-amber-800">Set trait targets in the draft first: variants are compared by how close they land to them.</p>
        ) : null}
        {errors.form ? <p role="alert" className="text-sm text-rose-600">{errors.form}</p> : null}
        <Button variant="primary" type="submit" className="w-full" disabled={probe.isPending || n < 2 || targeted.length === 0}>
          {probe.isPending ? "Starting…" : `Probe ${n} together`}
        </Button>
      </form>
    </Section>
  );
}
