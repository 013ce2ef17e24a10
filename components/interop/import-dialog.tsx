"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Textarea } from "@/components/ui/field";
import { ApiError } from "@/lib/query/api";
import { readForImport, useImportPersona } from "@/lib/query/interop-hooks";
import type { ImportResult } from "@/lib/schemas/interop";

// Import a persona from a file people already have: a Character Card (V1/V2/V3,
// JSON or PNG), a Persona Studio JSON export, or a plain system prompt (file or
// pasted). Nothing is inferred silently; the summary says what was kept.

const FORMAT: Record<ImportResult["format"], string> = {
  "png-card": "PNG character card", "card-json": "character card (JSON)", "studio-json": "Persona Studio JSON", "plain-prompt": "plain system prompt",
};

export function ImportDialog({ workspaceId, open, onClose }: { workspaceId: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const importPersona = useImportPersona(workspaceId);
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  function reset() { setFile(null); setPasted(""); setResult(null); setError(null); importPersona.reset(); }
  function close() { reset(); onClose(); }

  async function submit() {
    setError(null);
    const body = file ? await readForImport(file) : { fileName: "pasted-prompt.txt", encoding: "text" as const, content: pasted };
    importPersona.mutate(body, {
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
          <Button variant="primary" disabled={(!file && !pasted.trim()) || importPersona.isPending} onClick={() => void submit()}>{importPersona.isPending ? "Importing…" : "Import"}</Button>
        </>
      )}>
      {result ? (
        <div className="space-y-3 text-sm" data-testid="import-result">
          <p className="rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900 ring-1 ring-inset ring-emerald-200">
            Imported <b>{result.persona.name}</b> from a {result.cardVersion ? `${result.cardVersion.toUpperCase()} ` : ""}{FORMAT[result.format]}
            {result.versionsImported ? ` with ${result.versionsImported} version${result.versionsImported === 1 ? "" : "s"}` : ""}.
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
              onChange={(e) => { setFile(e.target.files?.[0] ?? null); setError(null); }} />
          </Field>
          <Field label="…or paste a system prompt" htmlFor="import-paste">
            <Textarea id="import-paste" rows={5} value={pasted} disabled={!!file} onChange={(e) => setPasted(e.target.value)} placeholder="You are …" />
          </Field>
          {error ? <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">{error}</p> : null}
        </div>
      )}
    </Dialog>
  );
}
