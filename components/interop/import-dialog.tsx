"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { ApiError } from "@/lib/query/api";
import { usePersonas } from "@/lib/query/hooks";
import { exportIdOf, readForImport, useImportMatch, useImportPersona } from "@/lib/query/interop-hooks";
import type { ImportResult } from "@/lib/schemas/interop";

// Import a persona from a file people already have: a Character Card (V1/V2/V3,
// JSON or PNG), a Persona Studio JSON export, or a plain system prompt (file or
// pasted). Nothing is inferred silently; the summary says what was kept.
// A file exported from a persona of this workspace names it: the dialog offers
// to update that persona (its draft becomes the file) or import a copy, and
// any persona can be chosen as the one to update.

type FileBody = Awaited<ReturnType<typeof readForImport>>;
type Target = { id: string; name: string; revision: number };
const NEW = "";

const FORMAT: Record<ImportResult["format"], string> = {
  "png-card": "PNG character card", "card-json": "character card (JSON)", "studio-json": "Persona Studio JSON", "plain-prompt": "plain system prompt",
};

export function ImportDialog({ workspaceId, open, onClose }: { workspaceId: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const importPersona = useImportPersona(workspaceId);
  const [file, setFile] = useState<File | null>(null);
  const [body, setBody] = useState<FileBody | null>(null);
  const [pasted, setPasted] = useState("");
  // undefined: not chosen yet (follows the match); null: a new persona; else the persona to update.
  const [into, setInto] = useState<Target | null | undefined>(undefined);
  const exportId = useMemo(() => (body ? exportIdOf(body) : null), [body]);
  const match = useImportMatch(workspaceId, exportId).data ?? null;
  const target = into === undefined ? match : into;
  const targetId = target?.id ?? NEW;
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  function reset() { setFile(null); setBody(null); setInto(undefined); setPasted(""); setResult(null); setError(null); importPersona.reset(); }

  async function pick(picked: File | null) {
    setFile(picked); setBody(null); setInto(undefined); setError(null);
    if (picked) setBody(await readForImport(picked));
  }
  function close() { reset(); onClose(); }

  async function submit() {
    setError(null);
    const content = file ? body ?? await readForImport(file) : { fileName: "pasted-prompt.txt", encoding: "text" as const, content: pasted };
    importPersona.mutate({ ...content, ...(target ? { target: { personaId: target.id, revision: target.revision } } : { asNew: true }) }, {
      onSuccess: setResult,
      onError: (e) => setError(e instanceof ApiError ? e.message : String(e)),
    });
  }

  const base = result ? `/w/${workspaceId}/personas/${result.persona.id}` : "";
  return (
    <Dialog open={open} onClose={close} title="Import a persona" description="Character Card V1/V2/V3 (JSON or PNG), Persona Studio JSON, or a plain system prompt."
      footer={result ? (
        <>
          {result.format === "plain-prompt" ? <Button onClick={() => router.push(`${base}/probes`)}>Probe it</Button> : null}
          <Button variant="primary" onClick={() => router.push(base)}>Open {result.persona.name}</Button>
        </>
      ) : (
        <>
          <Button variant="ghost" onClick={close}>Cancel</Button>
          <Button variant="primary" disabled={(!file && !pasted.trim()) || importPersona.isPending} onClick={() => void submit()}>{importPersona.isPending ? "Importing…" : target ? `Update ${target.name}` : "Import"}</Button>
        </>
      )}>
      {result ? (
        <div className="space-y-3 text-sm" data-testid="import-result">
          <p className="rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900 ring-1 ring-inset ring-emerald-200">
            {result.action === "updated" ? "Updated" : "Imported"} <b>{result.persona.name}</b> from a {result.cardVersion ? `${result.cardVersion.toUpperCase()} ` : ""}{FORMAT[result.format]}
            {result.versionsImported ? ` with ${result.versionsImported} ${result.action === "updated" ? "new " : ""}version${result.versionsImported === 1 ? "" : "s"}` : ""}.
            {result.action === "updated" ? " The file is now its draft (recorded in its activity)." : ""}
          </p>
          {result.format === "plain-prompt" ? (
            <p className="text-slate-600">The prompt is used exactly as written (as the prompt override); nothing was inferred from it. Probe it to measure where it lands.</p>
          ) : null}
          {result.keptFields.length ? (
            <p className="text-slate-600">Kept for re-export, not used by the studio: <span className="font-mono text-xs">{result.keptFields.join(", ")}</span>.</p>
          ) : null}
          {result.warnings.length ? (
            <ul className="list-disc space-y-0.5 pl-5 text-amber-800">{result.warnings.map((w) => <li key={w.field + w.message}><span className="font-mono text-xs">{w.field}</span>: {w.message}</li>)}</ul>
          ) : null}
        </div>
      ) : (
        <div className="space-y-4">
          <Field label="File" htmlFor="import-file" hint=".png, .json, .txt or .md — up to 8 MB">
            <Input id="import-file" type="file" accept=".png,.json,.txt,.md,image/png,application/json,text/plain" className="h-auto py-1.5"
              onChange={(e) => void pick(e.target.files?.[0] ?? null)} />
          </Field>
          {match ? (
            <div className="rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-900 ring-1 ring-inset ring-sky-200" data-testid="import-match">
              <p>This file matches <b>{match.name}</b>.</p>
              <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label="What to do with it">
                <Button size="sm" variant={targetId === match.id ? "primary" : "secondary"} aria-pressed={targetId === match.id} onClick={() => setInto(match)}>Update it</Button>
                <Button size="sm" variant={targetId === NEW ? "primary" : "secondary"} aria-pressed={targetId === NEW} onClick={() => setInto(null)}>Import as new</Button>
              </div>
            </div>
          ) : null}
          {file ? <ImportTarget workspaceId={workspaceId} match={match} target={target} onChange={setInto} /> : null}
          <Field label="…or paste a system prompt" htmlFor="import-paste">
            <Textarea id="import-paste" rows={5} value={pasted} disabled={!!file} onChange={(e) => setPasted(e.target.value)} placeholder="You are …" />
          </Field>
          {error ? <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">{error}</p> : null}
        </div>
      )}
    </Dialog>
  );
}

/** Which persona the file goes into; mounted only once a file is picked, so the list is not fetched with the page. */
function ImportTarget({ workspaceId, match, target, onChange }: { workspaceId: string; match: Target | null; target: Target | null; onChange: (t: Target | null) => void }) {
  const personas = usePersonas(workspaceId, { status: "active", sort: "name" });
  const options = [...(match && !personas.data?.some((p) => p.id === match.id) ? [match] : []), ...(personas.data ?? [])];
  return (
    <Field label="Import into" htmlFor="import-into" hint={target ? `${target.name}'s draft becomes the file; versions it does not have are added, none is duplicated.` : "A new persona."}>
      <Select id="import-into" value={target?.id ?? NEW} onChange={(e) => onChange(options.find((p) => p.id === e.target.value) ?? null)}>
        <option value={NEW}>A new persona</option>
        {options.map((p) => <option key={p.id} value={p.id}>Update {p.name}</option>)}
      </Select>
    </Field>
  );
}
