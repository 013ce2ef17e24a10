"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { PROVIDER_PRESETS, type ProviderPreset } from "@/lib/llm/presets";
import { useProviderMutations } from "@/lib/query/provider-hooks";
import type { TestResult } from "@/lib/schemas/provider";
import { FormError, fieldError } from "@/components/workspace/form-errors";
import { ModelSuggestions, ProviderConnectionTest } from "@/components/workspace/providers-connection";
import { PresetHint } from "@/components/workspace/providers-preset-hint";
import { parsePrice, priceText, PriceFields, type PriceText } from "@/components/workspace/providers-prices";

const CUSTOM = PROVIDER_PRESETS.find((p) => p.id === "custom") ?? PROVIDER_PRESETS[PROVIDER_PRESETS.length - 1];
const FIELDS = ["name", "preset", "baseUrl", "apiKey", "defaultModel", "inputPricePerM", "outputPricePerM"];

/** The owner's "Add provider" form: a preset fills the usual URL and model; a test lists the real models. */
export function AddProviderForm({ workspaceId, onDone }: { workspaceId: string; onDone: () => void }) {
  const toast = useToast();
  const { create } = useProviderMutations(workspaceId);
  const ids = { preset: useId(), name: useId(), baseUrl: useId(), apiKey: useId(), model: useId(), models: useId() };
  const [preset, setPreset] = useState<ProviderPreset>(CUSTOM);
  const [name, setName] = useState("");
  const [baseUrl, setBaseUrl] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [model, setModel] = useState("");
  const [tested, setTested] = useState<TestResult | null>(null);
  const [prices, setPrices] = useState<PriceText>(priceText(null, null));

  const edited = () => { if (create.error) create.reset(); };
  const choosePreset = (id: string) => {
    const next = PROVIDER_PRESETS.find((p) => p.id === id) ?? CUSTOM;
    // Only replace the name if the owner has not typed their own.
    if (!name.trim() || name === preset.name) setName(next.id === "custom" ? "" : next.name);
    if (next.baseUrl || next.id === "custom") setBaseUrl(next.baseUrl);
    setModel(next.exampleModel);
    setPrices(priceText(next.prices?.inputPricePerM, next.prices?.outputPricePerM));
    setPreset(next);
    setTested(null);
    edited();
  };
  const trimmedUrl = baseUrl.trim();
  const canSave = name.trim() && trimmedUrl && model.trim() && !create.isPending;

  return (
    <form
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-slate-50/60 p-4"
      aria-label="Add provider"
      onSubmit={(e) => {
        e.preventDefault();
        if (!canSave) return;
        create.mutate(
          {
            name: name.trim(), preset: preset.id, baseUrl: trimmedUrl, defaultModel: model.trim(), ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
            inputPricePerM: parsePrice(prices.input), outputPricePerM: parsePrice(prices.output),
          },
          {
            onSuccess: (p) => {
              toast(`Connected ${p.name}`);
              onDone();
            },
          },
        );
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Preset" htmlFor={ids.preset} hint={<PresetHint preset={preset} />}>
          <Select id={ids.preset} value={preset.id} onChange={(e) => choosePreset(e.target.value)}>
            {PROVIDER_PRESETS.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </Select>
        </Field>
        <Field label="Provider name" htmlFor={ids.name} error={fieldError(create.error, "name")}>
          <Input id={ids.name} value={name} maxLength={80} placeholder="e.g. Team OpenAI" onChange={(e) => { setName(e.target.value); edited(); }} />
        </Field>
        <Field label="Base URL" htmlFor={ids.baseUrl} error={fieldError(create.error, "baseUrl")} className="sm:col-span-2">
          <Input
            id={ids.baseUrl}
            value={baseUrl}
            inputMode="url"
            placeholder="http://localhost:11434/v1"
            className="font-mono"
            aria-invalid={fieldError(create.error, "baseUrl") ? true : undefined}
            onChange={(e) => { setBaseUrl(e.target.value); setTested(null); edited(); }}
          />
        </Field>
        <Field
          label="API key"
          htmlFor={ids.apiKey}
          error={fieldError(create.error, "apiKey")}
          hint={preset.needsKey ? "Stored encrypted; only a mask like sk-…f3a9 is ever shown again." : "Leave empty for local servers that need no key."}
        >
          <Input
            id={ids.apiKey}
            type="password"
            autoComplete="off"
            value={apiKey}
            onChange={(e) => { setApiKey(e.target.value); setTested(null); edited(); }}
          />
        </Field>
        <Field
          label="Model"
          htmlFor={ids.model}
          error={fieldError(create.error, "defaultModel")}
          hint={tested?.ok ? "Pick one of the listed models or type another." : "Test the connection to list the endpoint's models."}
        >
          <Input
            id={ids.model}
            value={model}
            list={tested?.ok ? ids.models : undefined}
            placeholder="e.g. gpt-4o-mini"
            onChange={(e) => { setModel(e.target.value); edited(); }}
          />
          <ModelSuggestions id={ids.models} result={tested} />
        </Field>
      </div>
      <PriceFields
        value={prices}
        onChange={(v) => { setPrices(v); edited(); }}
        error={create.error}
        hint={preset.prices && model.trim() === preset.exampleModel ? `${preset.name}'s price for ${preset.exampleModel}; edit it if yours differs.` : undefined}
      />
      <ProviderConnectionTest
        workspaceId={workspaceId}
        request={trimmedUrl ? { baseUrl: trimmedUrl, ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}) } : null}
        result={tested}
        onResult={setTested}
      />
      <FormError error={create.error} fields={FIELDS} />
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={!canSave}>{create.isPending ? "Saving…" : "Save provider"}</Button>
      </div>
    </form>
  );
}
