"use client";

// "Ask your N scenarios" in the new probe dialog (issue 12 §2): on by default
// when the snapshot has scenarios (each asked once, persona and baseline, and
// reported beside the general landing); a hint pointing to the composer when it
// has none. The estimate follows it: the dialog's body carries the same flag.

/** The part of the probe body this choice decides: nothing when on (the API's default) or when there are none. */
export function scenariosFlag(count: number, ask: boolean): { scenarios?: false } {
  return count > 0 && !ask ? { scenarios: false } : {};
}

export function ScenariosChoice({ count, checked, onChange }: { count: number; checked: boolean; onChange: (ask: boolean) => void }) {
  if (count === 0) {
    return (
      <p className="text-sm text-slate-500" data-testid="scenarios-choice">
        No scenarios to ask yet. Add scenarios in the composer to see how the persona lands on the messages it will actually get.
      </p>
    );
  }
  return (
    <label className="flex items-start gap-2 text-sm" data-testid="scenarios-choice">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-0.5 accent-brand-600" data-testid="ask-scenarios" />
      <span>
        <span className="font-medium text-slate-800">Ask your {count} scenario{count === 1 ? "" : "s"}</span>
        <span className="block text-xs text-slate-500">
          Each once, under the persona and the neutral baseline; the report shows the landing there beside the general one.
        </span>
      </span>
    </label>
  );
}
