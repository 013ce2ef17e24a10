"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { importProblems, splitCouncilUpload } from "@/components/panels/council-files";
import { ApiError } from "@/lib/query/api";
import { readCouncilFiles, useImportCouncil, type CouncilText } from "@/lib/query/panel-hooks";
import type { ImportCouncilResult } from "@/lib/schemas/panel";

/**
 * Council member files (Markdown with YAML front matter) and an optional seat
 * plan (.yaml), read in the browser and sent as text. A malformed file comes
 * back as a 422 naming file and line; nothing is written then.
 */
export function ImportCouncilDialog({ workspaceId, open, onClose }: { workspaceId: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const importCouncil = useImportCouncil(workspaceId);
  const [picked, setPicked] = useState<CouncilText[]>([]);
  const [name, setName] = useState("");
  const [done, setDone] = useState<ImportCouncilResult | null>(null);
  const split = splitCouncilUpload(picked, name);
  const serverProblems = importCouncil.error instanceof ApiError ? importProblems(importCouncil.error) : importCouncil.error ? [importCouncil.error.message] : [];
  const openPanel = (id: string) => router.push(`/w/${workspaceId}/panels/${id}`);

  const close = () => {
    setPicked([]);
    setDone(null);
    importCouncil.reset();
    onClose();
  };

  const submit = () => {
    if (!split.body) return;
    importCouncil.mutate(split.body, {
      onSuccess: (r) => (r.warnings.length ? setDone(r) : openPanel(r.panel.id)),
    });
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Import council files"
      description={<>Member files (<code>council-*.md</code>: YAML front matter, the body is the system prompt) and optionally one seat plan (<code>.yaml</code>). Each member becomes a persona; the seat plan becomes the routed plan.</>}
      footer={
        done ? (
          <Button variant="primary" onClick={() => openPanel(done.panel.id)}>Open the panel</Button>
        ) : (
          <>
            <Button variant="ghost" onClick={close}>Cancel</Button>
            <Button variant="primary" onClick={submit} disabled={!split.body || importCouncil.isPending}>
              {importCouncil.isPending ? "Importing…" : `Import ${split.body?.files.length ?? 0} member${split.body?.files.length === 1 ? "" : "s"}`}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <div className="space-y-2 text-sm" role="status">
          <p>Imported <strong>{done.panel.name}</strong> with {done.personas.length} persona{done.personas.length === 1 ? "" : "s"}. Worth knowing:</p>
          <ul className="list-disc space-y-1 pl-5 text-amber-800">
            {done.warnings.map((w, i) => <li key={i}>{w}</li>)}
          </ul>
        </div>
      ) : (
        <div className="space-y-4">
          <Field label="Files" htmlFor="council-files" hint="Pick several files at once: the .md members and the .yaml seat plan.">
            <input
              id="council-files"
              type="file"
              multiple
              accept=".md,.markdown,.yaml,.yml,text/markdown,application/yaml,text/yaml"
              className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
              onChange={async (e) => {
                importCouncil.reset();
                setPicked(await readCouncilFiles(Array.from(e.target.files ?? [])));
              }}
            />
          </Field>
          {picked.length ? (
            <ul className="flex flex-wrap gap-1.5 text-xs" aria-label="Picked files">
              {picked.map((f) => (
                <li key={f.fileName} className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700">{f.fileName}</li>
              ))}
            </ul>
          ) : null}
          <Field label="Panel name (optional)" htmlFor="council-name" hint="Default: “Council” and the members' profile.">
            <Input id="council-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Council of High Intelligence" />
          </Field>
          {picked.length && split.problems.length ? <ProblemList title="Check the selection" items={split.problems} /> : null}
          {serverProblems.length ? <ProblemList title="The files were not imported — nothing was written" items={serverProblems} /> : null}
        </div>
      )}
    </Dialog>
  );
}

function ProblemList({ title, items }: { title: string; items: string[] }) {
  return (
    <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 break-words">
        {items.map((p, i) => <li key={i}>{p}</li>)}
      </ul>
    </div>
  );
}
