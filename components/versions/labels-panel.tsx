"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { TimeAgo } from "@/components/ui/time-ago";
import { LabelBadges } from "@/components/personas/label-badges";
import { useMoveLabel, useRemoveLabel } from "@/lib/query/label-hooks";
import { LABEL_NAME_MAX, LABEL_NAME_PATTERN, SUGGESTED_LABELS, type VersionLabel } from "@/lib/schemas/labels";
import type { VersionSummary } from "@/lib/schemas/persona-api";

/**
 * The versions page's "Labels" card: where production and staging point, and (for
 * editors) the control that moves a label to a version. Applications follow the
 * label, so a move ships that version.
 */
export function LabelsPanel({
  workspaceId, personaId, labels, versions, editable,
}: { workspaceId: string; personaId: string; labels: VersionLabel[]; versions: VersionSummary[]; editable: boolean }) {
  const move = useMoveLabel(workspaceId, personaId);
  const remove = useRemoveLabel(workspaceId, personaId);
  const [name, setName] = useState<string>(SUGGESTED_LABELS[0]);
  const [version, setVersion] = useState<string>(String(versions[0]?.number ?? ""));
  const [error, setError] = useState<string | null>(null);
  const current = labels.find((l) => l.name === name);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const trimmed = name.trim();
    if (!LABEL_NAME_PATTERN.test(trimmed)) {
      setError(`A label name uses lowercase letters, digits and dashes (at most ${LABEL_NAME_MAX}), e.g. production or staging-eu`);
      return;
    }
    move.mutate({ name: trimmed, version: Number(version) }, { onError: (err) => setError(err.message) });
  }

  return (
    <Card className="px-4 py-3" role="region" aria-labelledby="labels-title">
      <h2 id="labels-title" className="text-sm font-semibold">Labels</h2>
      <p className="mt-0.5 text-xs text-slate-600">Applications fetch the prompt a label points at: moving production ships that version.</p>
      {labels.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No labels yet.</p>
      ) : (
        <ul className="mt-2 space-y-1.5" aria-label="Current labels">
          {labels.map((l) => (
            <li key={l.name} className="flex items-center gap-2 text-sm" data-testid="label-row">
              <LabelBadges labels={[l]} />
              <span className="min-w-0 flex-1 truncate text-xs text-slate-600">{l.movedBy} · <TimeAgo iso={l.movedAt} /></span>
              {editable ? (
                <button
                  className="rounded px-1.5 py-0.5 text-xs font-medium text-slate-600 hover:bg-rose-50 hover:text-rose-700"
                  aria-label={`Remove the ${l.name} label`}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(l.name, { onError: (err) => setError(err.message) })}
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <form className="mt-3 grid grid-cols-[minmax(0,1fr)_5.5rem] gap-2 border-t border-slate-100 pt-3" onSubmit={submit}>
          <label className="text-xs font-medium text-slate-700" htmlFor="label-name">Label</label>
          <label className="text-xs font-medium text-slate-700" htmlFor="label-version">Version</label>
          <Input
            id="label-name" list="label-suggestions" value={name} maxLength={LABEL_NAME_MAX} autoComplete="off" spellCheck={false}
            onChange={(e) => setName(e.target.value.toLowerCase())} className="font-mono"
          />
          <datalist id="label-suggestions">{SUGGESTED_LABELS.map((s) => <option key={s} value={s} />)}</datalist>
          <Select id="label-version" value={version} onChange={(e) => setVersion(e.target.value)}>
            {versions.map((v) => <option key={v.number} value={String(v.number)}>v{v.number}</option>)}
          </Select>
          <Button type="submit" variant="primary" size="sm" className="col-span-2" disabled={move.isPending || !version || current?.version === Number(version)}>
            {move.isPending ? "Moving…" : current?.version === Number(version) ? `${current.name} is on v${version}` : current ? `Move ${current.name} from v${current.version} to v${version}` : `Move ${name.trim() || "label"} to v${version}`}
          </Button>
          {error ? <p role="alert" className="col-span-2 text-xs text-rose-700">{error}</p> : null}
        </form>
      ) : null}
    </Card>
  );
}
