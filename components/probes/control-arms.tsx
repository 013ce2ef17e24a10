"use client";
import { cn } from "@/components/ui/cn";
import { Section } from "@/components/ui/card";
import { controlPairs, DEFAULT_THRESHOLDS, type ControlPair } from "@/lib/probing/chart-prep";
import type { ControlPairView } from "@/lib/schemas/probe";

/** The smallest drop a compromise needs (the flag and this table read the same verdict, control-pairs.ts controlVerdict). */
const MIN_DROP = DEFAULT_THRESHOLDS.leakageShift;

// Single-trait control arms (issue 11 §3). In the report: for each controlled
// pair, each trait together (the persona) vs alone (the persona compiled
// without its partner's target), paired by item, and the verdict — the report
// says "compromise" only when both land at least 5 points lower together than
// apart, each interval wholly below 0. In the new
// probe dialog: which control arms will run and what they cost.

const VERDICT: Record<ControlPairView["verdict"], { text: string; tone: string }> = {
  compromise: { text: `Compromise: each lands at least ${MIN_DROP} points lower together`, tone: "border-amber-300 bg-amber-50 text-amber-900" },
  "no evidence of compromise": { text: `No evidence of compromise (a ${MIN_DROP}-point drop is excluded)`, tone: "border-emerald-200 bg-emerald-50 text-emerald-900" },
  "not enough evidence": { text: "Not enough evidence either way", tone: "border-slate-200 bg-slate-50 text-slate-700" },
};

const n = (x: number | null) => (x === null ? "–" : String(Math.round(x)));
const s = (x: number | null) => (x === null ? "–" : Math.round(x) > 0 ? `+${Math.round(x)}` : String(Math.round(x)).replace("-", "−"));

export function ControlArms({ pairs, nameOf }: { pairs: readonly ControlPairView[] | undefined; nameOf: (key: string) => string }) {
  if (!pairs?.length) return null;
  return (
    <Section title="Together vs alone" description="Control arms: each trait asked with its partner (the persona) and without it, on the same items; the difference is paired by item">
      <div className="space-y-5" data-testid="control-arms">
        {pairs.map((p) => (
          <div key={p.traits.join("+")} className="space-y-2">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="text-sm font-semibold text-slate-800">{nameOf(p.traits[0])} + {nameOf(p.traits[1])}</h3>
              <span className={cn("rounded-md border px-2 py-0.5 text-xs", VERDICT[p.verdict].tone)}>{VERDICT[p.verdict].text}</span>
            </div>
            <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Control arm landings">
              <table className="w-full min-w-[20rem] text-sm tabular-nums">
                <thead className="text-xs text-slate-500">
                  <tr>
                    <th className="py-1 pr-3 text-left font-medium">Trait</th>
                    <th className="px-2 text-right font-medium">Together</th>
                    <th className="px-2 text-right font-medium">Alone</th>
                    <th className="px-2 text-right font-medium">Together − alone <span className="font-normal">(95% interval)</span></th>
                    <th className="pl-2 text-right font-medium">Items</th>
                  </tr>
                </thead>
                <tbody>
                  {p.comparisons.map((c) => (
                    <tr key={c.trait} className="border-t border-slate-100">
                      <td className="py-1.5 pr-3 text-slate-800">{nameOf(c.trait)}</td>
                      <td className="px-2 text-right">{n(c.together)}</td>
                      <td className="px-2 text-right">{n(c.alone)}</td>
                      <td className={cn("whitespace-nowrap px-2 text-right", c.hi !== null && c.hi < 0 && c.estimate <= -MIN_DROP && "font-medium text-amber-800")}>
                        {s(c.estimate)} <span className="text-xs text-slate-500">({s(c.lo)} to {s(c.hi)})</span>
                      </td>
                      <td className="pl-2 text-right text-slate-600">{c.items}</td>
                    </tr>
                  ))}
                  {p.comparisons.length < 2 ? <tr><td colSpan={5} className="py-1 text-xs text-slate-500">An arm has no scored answers yet.</td></tr> : null}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </div>
    </Section>
  );
}

/** The dialog's view: the control arms a new probe will run (tension pairs by default), their cost, and a checkbox. */
export function ControlArmsChoice({ targets, budgetPerTrait, checked, onChange, nameOf, handWritten = false }: {
  targets: Readonly<Record<string, number>>; budgetPerTrait: number; checked: boolean; onChange: (on: boolean) => void; nameOf: (key: string) => string;
  /** The snapshot's prompt is a prompt override: it cannot be recompiled with one target alone, so the server runs no arms. */
  handWritten?: boolean;
}) {
  const pairs: ControlPair[] = controlPairs(targets, { tension: true, chosen: [] });
  if (pairs.length === 0) return null;
  if (handWritten) {
    return (
      <p className="text-sm text-slate-500" data-testid="control-arms-choice">
        No control arms for {pairs.map(([a, b]) => `${nameOf(a)} + ${nameOf(b)}`).join(", ")}: this prompt is written by hand, so it cannot be compiled with one
        target alone. The report can say the pair lands short, not whether asking for both is the cause.
      </p>
    );
  }
  const arms = new Set(pairs.flat()).size;
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700" data-testid="control-arms-choice">
      <input type="checkbox" className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        Control arms for {pairs.map(([a, b]) => `${nameOf(a)} + ${nameOf(b)}`).join(", ")} (the library calls {pairs.length === 1 ? "this pair" : "these pairs"} tension):
        {" "}{[...new Set(pairs.flat())].map((k) => `“${nameOf(k)} alone”`).join(", ")}.
        <span className="block text-xs text-slate-500">
          {arms} extra arm{arms === 1 ? "" : "s"}, each on its own trait’s items: up to {arms * budgetPerTrait} more answers (and judge calls). They let the report say “compromise” only when both land at least {MIN_DROP} points lower together than apart.
        </span>
      </span>
    </label>
  );
}
