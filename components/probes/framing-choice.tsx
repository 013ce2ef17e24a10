"use client";
import { Field, Select } from "@/components/ui/field";

// "Ask it to rate itself" and "Framing pair" in the new probe dialog (issue 14
// §3–4). Self-report is on by default (the API's default is off, so the dialog
// always sends the flag); the framing pair takes one targeted trait.

/** The parts of the create body these two choices decide. A framed trait no longer targeted (another version picked) is dropped. */
export function framingAndSelfReport(selfReport: boolean, framingTrait: string, targeted: readonly string[]): { selfReport: boolean; framingTrait?: string } {
  return { selfReport, ...(framingTrait && targeted.includes(framingTrait) ? { framingTrait } : {}) };
}

export function SelfReportChoice({ checked, onChange }: { checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="flex items-start gap-2 text-sm" data-testid="self-report-choice">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-0.5 accent-brand-600" data-testid="self-report" />
      <span>
        <span className="font-medium text-slate-800">Ask it to rate itself</span>
        <span className="block text-xs text-slate-500">3 questions per watched trait, answered in character; compared with what it does.</span>
      </span>
    </label>
  );
}

export function FramingChoice({ value, onChange, targeted, nameOf, error }: {
  value: string; onChange: (trait: string) => void; targeted: readonly string[]; nameOf: (key: string) => string; error?: string;
}) {
  const current = targeted.includes(value) ? value : "";
  return (
    <Field label="Framing pair" htmlFor="probe-framing" error={error}
      hint={targeted.length
        ? "Also answers with this trait requested by the role instead of stated as the character's nature, and compares how much each wording leaks."
        : "Needs a targeted trait: the pair moves one target from the character's nature into a role requirement."}>
      <Select id="probe-framing" className="sm:max-w-xs" value={current} onChange={(e) => onChange(e.target.value)} disabled={!targeted.length} data-testid="framing-trait">
        <option value="">None</option>
        {targeted.map((k) => <option key={k} value={k}>{nameOf(k)}</option>)}
      </Select>
    </Field>
  );
}
