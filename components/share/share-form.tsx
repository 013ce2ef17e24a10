"use client";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { recordingDue, ShareSamplesChoice } from "@/components/share/share-samples-choice";
import { ApiError } from "@/lib/query/api";
import { useVersions } from "@/lib/query/hooks";
import { useCreateShareLink, useShareSamplesPlan } from "@/lib/query/share-hooks";
import type { CreatedShare } from "@/lib/schemas/share";

// What a new link shows, who it is for, how long it lives and whether the
// comment threads come along. Errors the API ties to a field show under it.

const EXPIRY = [
  { value: "", label: "Never" },
  { value: "1", label: "In 1 day" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
];

const FIELDS = ["version", "label", "expiresInDays", "includeComments", "recordSamples"] as const;
type FieldName = (typeof FIELDS)[number];

export function ShareForm({
  workspaceId, personaId, onCreated,
}: { workspaceId: string; personaId: string; onCreated: (created: CreatedShare) => void }) {
  const id = useId();
  const versions = useVersions(workspaceId, personaId);
  const create = useCreateShareLink(workspaceId, personaId);
  const [version, setVersion] = useState("latest");
  const [label, setLabel] = useState("");
  const [expiry, setExpiry] = useState("");
  const [includeComments, setIncludeComments] = useState(false);
  const [record, setRecord] = useState(true);
  const shared = version === "latest" ? "latest" : Number(version);
  const plan = useShareSamplesPlan(workspaceId, personaId, shared);
  const recording = recordingDue(plan.data, record);

  const error = create.error;
  const field = error instanceof ApiError && FIELDS.includes(error.field as FieldName) ? (error.field as FieldName) : null;
  const errorOn = (name: FieldName) => (field === name ? error?.message ?? null : null);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      {
        version: version === "latest" ? "latest" : Number(version),
        label: label.trim(),
        expiresInDays: expiry ? Number(expiry) : null,
        includeComments,
        recordSamples: recording,
      },
      { onSuccess: onCreated },
    );
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="New share link" data-testid="share-form">
      <Field label="What to share" htmlFor={`${id}-version`} error={errorOn("version")}
        hint="A pinned version never changes; “latest” moves on when a new version is saved.">
        <Select id={`${id}-version`} value={version} onChange={(e) => setVersion(e.target.value)}>
          <option value="latest">Latest version (follows new versions)</option>
          {(versions.data ?? []).map((v) => (
            <option key={v.number} value={String(v.number)}>
              v{v.number}{v.message ? ` — ${truncate(v.message, 60)}` : ""}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Label" htmlFor={`${id}-label`} error={errorOn("label")} hint="Who or what the link is for; only your workspace sees it.">
        <Input id={`${id}-label`} value={label} maxLength={120} placeholder="e.g. Support leads" onChange={(e) => setLabel(e.target.value)} />
      </Field>
      <Field label="Expires" htmlFor={`${id}-expiry`} error={errorOn("expiresInDays")}>
        <Select id={`${id}-expiry`} value={expiry} onChange={(e) => setExpiry(e.target.value)}>
          {EXPIRY.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </Select>
      </Field>
      <div className="space-y-1">
        <label className="flex items-start gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            checked={includeComments}
            onChange={(e) => setIncludeComments(e.target.checked)}
            className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
            aria-describedby={`${id}-comments-hint`}
          />
          Include comments
        </label>
        {errorOn("includeComments") ? (
          <p className="pl-6 text-xs text-rose-600" role="alert">{errorOn("includeComments")}</p>
        ) : (
          <p id={`${id}-comments-hint`} className="pl-6 text-xs text-slate-500">
            The shared version’s comment threads are shown with their authors’ names visible to anyone with the link.
          </p>
        )}
      </div>
      <ShareSamplesChoice id={id} workspaceId={workspaceId} personaId={personaId} version={shared} record={record} onRecordChange={setRecord} error={errorOn("recordSamples")} />
      {error && !field ? <p role="alert" className="text-sm text-rose-600">{error.message}</p> : null}
      <div className="flex flex-wrap items-center justify-end gap-3">
        {create.isPending && recording ? (
          <p role="status" className="mr-auto text-sm text-slate-600" data-testid="samples-progress">
            <span className="mr-2 inline-block h-3 w-3 animate-spin rounded-full border-2 border-brand-600 border-t-transparent align-[-1px]" aria-hidden />
            Recording {plan.data!.messages} sample answer{plan.data!.messages === 1 ? "" : "s"}, then creating the link…
          </p>
        ) : null}
        <Button type="submit" variant="primary" disabled={create.isPending || plan.isPending}>
          {create.isPending ? (recording ? "Recording…" : "Creating…") : recording ? "Record and create link" : "Create link"}
        </Button>
      </div>
    </form>
  );
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
