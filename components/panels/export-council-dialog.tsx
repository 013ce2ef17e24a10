"use client";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { exportFiles, mimeFor } from "@/components/panels/council-files";
import { useExportCouncil, type CouncilText } from "@/lib/query/panel-hooks";

function download(f: CouncilText) {
  const url = URL.createObjectURL(new Blob([f.text], { type: `${mimeFor(f.fileName)};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = f.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The saved panel as council member files and a seat plan. Each file downloads
 * on its own (browsers may ask once before allowing several downloads).
 */
export function ExportCouncilDialog({ workspaceId, panelId, open, onClose }: { workspaceId: string; panelId: string; open: boolean; onClose: () => void }) {
  const exp = useExportCouncil(workspaceId, panelId);
  const { mutate, reset } = exp;
  useEffect(() => {
    if (open) mutate();
    else reset();
  }, [open, mutate, reset]);
  const files = exp.data ? exportFiles(exp.data) : [];

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Export council files"
      description="Markdown member files (YAML front matter, the body is the system prompt) and a seat-plan YAML for the active plan, from the last saved draft."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Close</Button>
          <Button
            variant="primary"
            disabled={!files.length}
            onClick={() => files.forEach((f, i) => setTimeout(() => download(f), i * 250))}
          >
            Download all ({files.length})
          </Button>
        </>
      }
    >
      {exp.isPending ? (
        <div className="h-24 animate-pulse rounded-md bg-slate-100" />
      ) : exp.isError ? (
        <p role="alert" className="text-sm text-rose-600">Could not export: {exp.error.message}</p>
      ) : (
        <div className="space-y-3">
          <ul className="divide-y divide-slate-100 text-sm" aria-label="Council files">
            {files.map((f) => (
              <li key={f.fileName} className="flex items-center justify-between gap-3 py-1.5">
                <code className="min-w-0 truncate">{f.fileName}</code>
                <Button size="sm" onClick={() => download(f)}>Download</Button>
              </li>
            ))}
          </ul>
          {exp.data?.warnings.length ? (
            <ul className="list-disc space-y-0.5 pl-5 text-xs text-amber-800" aria-label="Export warnings">
              {exp.data.warnings.map((w, i) => <li key={i}>{w}</li>)}
            </ul>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}
