"use client";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/field";
import {
  CHECK_TYPE_LABELS, checkFromDraft, committedChecks, draftOf, newCheckDraft, withType,
  type CheckDraft, type CheckField,
} from "@/lib/persona/check-drafts";
import { CHECK_TYPES, SCENARIO_LIMITS, type Check, type CheckType } from "@/lib/schemas/scenario";

// A scenario's deterministic checks, edited inline. Rows are text while typed;
// only valid rows reach the spec, so a half-written regex shows its error here
// and never blocks autosave of the rest of the draft.

type Props = { checks: Check[] | undefined; onChange: (next: Check[] | undefined) => void; label: string };

const json = (checks: Check[] | undefined) => JSON.stringify(checks ?? []);

function CheckRow({ draft, index, label, onChange, onRemove }: {
  draft: CheckDraft; index: number; label: string; onChange: (d: CheckDraft) => void; onRemove: () => void;
}) {
  const [touched, setTouched] = useState(false);
  const errorId = useId();
  const result = checkFromDraft(draft);
  const show = result.error && (touched || draft.value !== "" || result.error.field !== "value") ? result.error : null;
  const invalid = (field: CheckField) => (show?.field === field ? { "aria-invalid": true, "aria-describedby": errorId } : {});
  const name = `${label} check ${index + 1}`;
  return (
    <li className="space-y-1" data-testid="check-row">
      <div className="flex flex-wrap items-center gap-1.5">
        <Select aria-label={`${name} type`} value={draft.type} onChange={(e) => onChange(withType(draft, e.target.value as CheckType))} className="h-8 w-44 py-0 text-xs">
          {CHECK_TYPES.map((t) => <option key={t} value={t}>{CHECK_TYPE_LABELS[t]}</option>)}
        </Select>
        {draft.type === "max_length" ? (
          <Input
            aria-label={`${name} characters`} type="number" inputMode="numeric" min={1} max={20000} value={draft.value}
            onChange={(e) => onChange({ ...draft, value: e.target.value })} onBlur={() => setTouched(true)}
            className="h-8 w-24 text-xs" {...invalid("value")}
          />
        ) : draft.type !== "asks_question" ? (
          <Input
            aria-label={draft.type === "regex" ? `${name} pattern` : `${name} text`} maxLength={SCENARIO_LIMITS.checkValue} value={draft.value}
            placeholder={draft.type === "regex" ? "e.g. 30.day" : "e.g. 30-day"}
            onChange={(e) => onChange({ ...draft, value: e.target.value })} onBlur={() => setTouched(true)}
            className={cn("h-8 min-w-32 flex-1 text-xs", draft.type === "regex" && "font-mono")} {...invalid("value")}
          />
        ) : null}
        {draft.type === "regex" ? (
          <Input
            aria-label={`${name} flags`} title="Flags: i ignore case, m multiline, s dot matches newline" placeholder="flags" maxLength={3}
            value={draft.flags} onChange={(e) => onChange({ ...draft, flags: e.target.value.trim() })}
            className="h-8 w-16 font-mono text-xs" {...invalid("flags")}
          />
        ) : null}
        <Input
          aria-label={`${name} label`} maxLength={SCENARIO_LIMITS.checkLabel} value={draft.label} placeholder="Label (optional)"
          onChange={(e) => onChange({ ...draft, label: e.target.value })}
          className="h-8 min-w-32 flex-1 text-xs" {...invalid("label")}
        />
        <Button variant="ghost" size="sm" aria-label={`Remove ${name.toLowerCase()}`} onClick={onRemove}>✕</Button>
      </div>
      {show ? (
        <p id={errorId} className="text-xs text-rose-600" role="alert">{show.message} <span className="text-slate-500">(not saved until fixed)</span></p>
      ) : null}
    </li>
  );
}

export function ChecksEditor({ checks, onChange, label }: Props) {
  const [drafts, setDrafts] = useState<CheckDraft[]>(() => (checks ?? []).map(draftOf));
  const emitted = useRef(json(checks));

  // The spec changed from outside (conflict resolved, import, recovered backup): show it.
  useEffect(() => {
    if (json(checks) === emitted.current) return;
    emitted.current = json(checks);
    setDrafts((checks ?? []).map(draftOf));
  }, [checks]);

  const update = (next: CheckDraft[]) => {
    setDrafts(next);
    const valid = committedChecks(next);
    if (json(valid) === emitted.current) return;
    emitted.current = json(valid);
    onChange(valid);
  };
  const full = drafts.length >= SCENARIO_LIMITS.checks;

  return (
    <div className="space-y-1.5" role="group" aria-label={`${label} checks`}>
      {drafts.length ? (
        <ul className="space-y-1.5">
          {drafts.map((d, i) => (
            <CheckRow
              key={d.id} draft={d} index={i} label={label}
              onChange={(nd) => update(drafts.map((x, j) => (j === i ? nd : x)))}
              onRemove={() => update(drafts.filter((_, j) => j !== i))}
            />
          ))}
        </ul>
      ) : null}
      <button
        type="button" disabled={full}
        className="text-xs font-medium text-brand-700 hover:underline disabled:text-slate-400 disabled:no-underline"
        onClick={() => update([...drafts, newCheckDraft(drafts.map((d) => d.id))])}
        title={full ? `At most ${SCENARIO_LIMITS.checks} checks per scenario` : "A rule every answer to this scenario should pass, checked without a model"}
      >
        + Check
      </button>
    </div>
  );
}
