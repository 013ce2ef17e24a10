"use client";
import { useId } from "react";
import { Field, Input } from "@/components/ui/field";
import { fieldError } from "@/components/workspace/form-errors";

// The two per-million-token prices of a provider's model, as typed: "" is unknown.

export type PriceText = { input: string; output: string };

export const priceText = (input: number | null | undefined, output: number | null | undefined): PriceText => ({
  input: input === null || input === undefined ? "" : String(input),
  output: output === null || output === undefined ? "" : String(output),
});

/** "" → null (unknown); a number → that number; anything else is sent as typed so the server names the field. */
export function parsePrice(text: string): number | string | null {
  const t = text.trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

const usd = (n: number) => `$${n.toLocaleString("en-US", { maximumFractionDigits: 4 })}`;

/** "$0.15 / $0.6 per M tokens", or "no prices". */
export function formatPrices(input: number | null, output: number | null): string {
  return input === null || output === null ? "no prices" : `${usd(input)} / ${usd(output)} per M tokens`;
}

export function PriceFields({ value, onChange, error, hint }: { value: PriceText; onChange: (v: PriceText) => void; error: unknown; hint?: string }) {
  const ids = { input: useId(), output: useId() };
  return (
    <div className="grid gap-4 sm:grid-cols-2" data-testid="price-fields">
      <Field label="Input price (US$ per M tokens)" htmlFor={ids.input} error={fieldError(error, "inputPricePerM")} hint={hint ?? "Empty: unknown — no cost is shown and no money cap can be set."}>
        <Input id={ids.input} inputMode="decimal" placeholder="e.g. 0.15" value={value.input} onChange={(e) => onChange({ ...value, input: e.target.value })} />
      </Field>
      <Field label="Output price (US$ per M tokens)" htmlFor={ids.output} error={fieldError(error, "outputPricePerM")}>
        <Input id={ids.output} inputMode="decimal" placeholder="e.g. 0.60" value={value.output} onChange={(e) => onChange({ ...value, output: e.target.value })} />
      </Field>
    </div>
  );
}
