"use client";
import { createContext, useContext } from "react";
import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm " +
  "placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/20 " +
  "disabled:bg-slate-50 disabled:text-slate-500";
const invalidControl = "border-rose-400 focus:border-rose-500 focus:ring-rose-500/20";

/** What a Field tells the control whose id is its `htmlFor`: the ids that describe it, and whether it is in error. */
type FieldLink = { htmlFor: string; describedBy: string | undefined; invalid: boolean };
const FieldContext = createContext<FieldLink | null>(null);

/** aria-describedby / aria-invalid for the control a Field labels; explicit props win. */
function useFieldLink(id: string | undefined, props: { "aria-describedby"?: string; "aria-invalid"?: unknown }) {
  const link = useContext(FieldContext);
  if (!link || !id || link.htmlFor !== id) return { className: undefined, attrs: {} };
  return {
    className: link.invalid ? invalidControl : undefined,
    attrs: {
      "aria-describedby": props["aria-describedby"] ?? link.describedBy,
      "aria-invalid": (props["aria-invalid"] as boolean | undefined) ?? (link.invalid || undefined),
    },
  };
}

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  const link = useFieldLink(props.id, props);
  return <input className={cn(control, "h-9", link.className, className)} {...props} {...link.attrs} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  const link = useFieldLink(props.id, props);
  return <textarea className={cn(control, "min-h-20 leading-relaxed", link.className, className)} {...props} {...link.attrs} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  const link = useFieldLink(props.id, props);
  return <select className={cn(control, "h-9 pr-8", link.className, className)} {...props} {...link.attrs} />;
}

const numbers = new Intl.NumberFormat("en-US");

/** Share of the limit from which the counter warns. */
const NEAR_LIMIT = 0.9;

/** "3,980 / 4,000": grey, amber near the limit, red over it. */
export function CharacterCount({ id, length, max }: { id?: string; length: number; max: number }) {
  const over = length > max;
  const near = !over && length >= max * NEAR_LIMIT;
  return (
    <span
      id={id} data-testid="char-count" data-over={over || undefined}
      className={cn("shrink-0 text-xs tabular-nums", over ? "font-medium text-rose-700" : near ? "text-amber-800" : "text-slate-500")}
    >
      {numbers.format(length)} / {numbers.format(max)}<span className="sr-only"> characters{over ? ", over the limit" : ""}</span>
    </span>
  );
}

/**
 * A label, its control, and under it the error (or the hint) and, for a limited text, a
 * character count. With `htmlFor`, the control with that id is described by them.
 */
export function Field({
  label, hint, error, htmlFor, count, children, className,
}: {
  label: ReactNode; hint?: ReactNode; error?: string | null; htmlFor?: string;
  /** The text's length and its limit (read the limit from the schema). */
  count?: { length: number; max: number };
  children: ReactNode; className?: string;
}) {
  const ids = htmlFor ? { hint: `${htmlFor}-hint`, error: `${htmlFor}-error`, count: `${htmlFor}-count` } : undefined;
  const described = [error ? ids?.error : hint ? ids?.hint : undefined, count ? ids?.count : undefined].filter(Boolean).join(" ");
  const note = error
    ? <p id={ids?.error} className="text-xs text-rose-700" role="alert">{error}</p>
    : hint ? <p id={ids?.hint} className="text-xs text-slate-500">{hint}</p> : null;
  const body = (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-800">{label}</label>
      {children}
      {count ? (
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">{note}</div>
          <CharacterCount id={ids?.count} length={count.length} max={count.max} />
        </div>
      ) : note}
    </div>
  );
  if (!htmlFor) return body;
  return <FieldContext.Provider value={{ htmlFor, describedBy: described || undefined, invalid: Boolean(error) }}>{body}</FieldContext.Provider>;
}
