"use client";
import { Input, Select } from "@/components/ui/field";
import type { ProviderInfo } from "@/lib/schemas/provider";

export type ModelChoice = { providerId: string; model: string };

/** Provider and model side by side; picking a provider fills in its default model. */
export function ModelFields({
  id, label, providers, value, onChange,
}: { id: string; label: string; providers: ProviderInfo[]; value: ModelChoice; onChange: (v: ModelChoice) => void }) {
  return (
    <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-2">
      <Select
        id={id}
        aria-label={`${label} provider`}
        value={value.providerId}
        onChange={(e) => onChange({ providerId: e.target.value, model: providers.find((p) => p.id === e.target.value)?.defaultModel ?? "" })}
      >
        {providers.map((p) => (
          <option key={p.id} value={p.id}>{p.kind === "simulator" ? "Simulator (not a language model)" : p.name}</option>
        ))}
      </Select>
      <Input aria-label={`${label} model`} value={value.model} onChange={(e) => onChange({ ...value, model: e.target.value })} placeholder="model" />
    </div>
  );
}
