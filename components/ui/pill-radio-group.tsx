"use client";
import { cn } from "@/components/ui/cn";

/**
 * A row of pill buttons that pick one option (role radiogroup): the preview's and
 * the compare workbench's mode switch. `disabledReason` returns why an option
 * cannot be picked now (shown as its title), or nothing.
 */
export function PillRadioGroup<M extends string>({ label, options, value, onChange, disabledReason, size = "xs" }: {
  label: string;
  options: readonly (readonly [M, string])[];
  value: M;
  onChange: (value: M) => void;
  disabledReason?: (option: M) => string | undefined;
  size?: "xs" | "sm";
}) {
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="radiogroup" aria-label={label}>
      {options.map(([option, text]) => {
        const reason = disabledReason?.(option);
        return (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={value === option}
            disabled={reason !== undefined}
            title={reason}
            onClick={() => onChange(option)}
            className={cn(
              "rounded-full px-3 py-1 font-medium",
              size === "xs" ? "text-xs" : "text-sm",
              value === option ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200 disabled:opacity-40",
            )}
          >
            {text}
          </button>
        );
      })}
    </div>
  );
}
