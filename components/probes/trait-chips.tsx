"use client";
import { Select } from "@/components/ui/field";

// Traits to watch as removable chips, plus a select to add any other trait.

export function TraitChips({
  value, onChange, options, targeted, max = 24, emptyText = "No traits yet: add at least one.",
}: {
  value: string[];
  onChange: (keys: string[]) => void;
  /** Every trait that can be watched, in display order. */
  options: { key: string; name: string }[];
  /** Keys the persona targets: shown first and marked. */
  targeted: string[];
  max?: number;
  emptyText?: string;
}) {
  const nameOf = (key: string) => options.find((o) => o.key === key)?.name ?? key;
  const rest = options.filter((o) => !value.includes(o.key));
  return (
    <div className="space-y-2">
      <ul className="flex flex-wrap gap-1.5" aria-label="Traits to watch">
        {value.map((key) => (
          <li key={key} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-2.5 text-xs font-medium text-brand-700 ring-1 ring-brand-200 ring-inset">
            {nameOf(key)}
            {targeted.includes(key) ? <span className="text-[10px] font-normal text-brand-600">targeted</span> : null}
            <button
              type="button"
              aria-label={`Remove ${nameOf(key)}`}
              onClick={() => onChange(value.filter((k) => k !== key))}
              className="ml-0.5 rounded-full px-1 text-brand-500 hover:bg-brand-100 hover:text-brand-700"
            >
              ×
            </button>
          </li>
        ))}
        {value.length === 0 ? <li className="text-xs text-slate-500">{emptyText}</li> : null}
      </ul>
      {rest.length && value.length < max ? (
        <Select
          aria-label="Add a trait to watch"
          value=""
          onChange={(e) => e.target.value && onChange([...value, e.target.value])}
          className="h-8 w-56 py-1 text-xs"
        >
          <option value="">+ Add a trait…</option>
          {rest.map((o) => <option key={o.key} value={o.key}>{o.name}</option>)}
        </Select>
      ) : null}
    </div>
  );
}
