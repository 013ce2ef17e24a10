"use client";
import { Input, Select } from "@/components/ui/field";
import type { ProviderInfo } from "@/lib/schemas/provider";

export type ModelChoice = { providerId: string; model: string };

export function ModelPicker({
  providers, value, onChange, label,
}: { providers: ProviderInfo[]; value: ModelChoice; onChange: (v: ModelChoice) => void; label: string }) {
  return (
    <div className="flex min-w-0 items-center gap-2">
      <span className="shrink-0 text-xs font-medium text-slate-500">{label}</span>
      <Select
        aria-label={`${label} provider`}
        value={value.providerId}
        onChange={(e) => {
          const p = providers.find((x) => x.id === e.target.value);
          onChange({ providerId: e.target.value, model: p?.defaultModel ?? "" });
        }}
        className="h-8 w-52 min-w-0 py-1 text-xs"
      >
        {providers.map((p) => (
          <option key={p.id} value={p.id}>{p.kind === "simulator" ? "Simulator (not a language model)" : p.name}</option>
        ))}
      </Select>
      <Input
        aria-label={`${label} model`}
        value={value.model}
        onChange={(e) => onChange({ ...value, model: e.target.value })}
        className="h-8 w-28 min-w-0 py-1 text-xs sm:w-40"
      />
    </div>
  );
}
