"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { useVersions } from "@/lib/query/hooks";
import type { ExportFormat } from "@/lib/schemas/interop";

// Download a persona for the tools people already use. The file comes straight
// from the export route (a plain link: the session cookie goes along).

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: "card-png", label: "Character card (PNG)", hint: "V2 and V3 embedded in one image, for SillyTavern and friends" },
  { value: "card-v2", label: "Character Card V2 (JSON)", hint: "chara_card_v2; the studio's spec rides along in extensions" },
  { value: "card-v3", label: "Character Card V3 (JSON)", hint: "chara_card_v3" },
  { value: "promptfoo", label: "promptfoo config (YAML)", hint: "the prompt, probe items and scenarios as tests, rubrics as llm-rubric assertions, checks as deterministic asserts" },
  { value: "studio-json", label: "Persona Studio JSON", hint: "lossless, with every version" },
  { value: "plain", label: "Plain system prompt (.txt)", hint: "the compiled prompt as a model sees it" },
];

export function ExportDialog({
  workspaceId, personaId, latestVersion, open, onClose,
}: { workspaceId: string; personaId: string; latestVersion: number; open: boolean; onClose: () => void }) {
  const versions = useVersions(workspaceId, personaId);
  const [format, setFormat] = useState<ExportFormat>("card-png");
  const [version, setVersion] = useState<string>(latestVersion ? String(latestVersion) : "draft");
  const [provider, setProvider] = useState("");
  const params = new URLSearchParams({ format, version, ...(format === "promptfoo" && provider.trim() ? { provider: provider.trim() } : {}) });
  const href = `/api/workspaces/${workspaceId}/personas/${personaId}/export?${params}`;

  return (
    <Dialog open={open} onClose={onClose} title="Export" description="Move this persona into other tools. Unknown fields of an imported card are kept."
      footer={<><Button variant="ghost" onClick={onClose}>Close</Button><a href={href} download className="inline-flex h-9 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white shadow-sm hover:bg-brand-700" data-testid="export-download">Download</a></>}>
      <div className="space-y-4">
        <Field label="Which text" htmlFor="export-version">
          <Select id="export-version" value={version} onChange={(e) => setVersion(e.target.value)}>
            {(versions.data ?? []).map((v) => <option key={v.number} value={String(v.number)}>v{v.number} · {v.message.slice(0, 40)}</option>)}
            <option value="draft">The current draft</option>
          </Select>
        </Field>
        <fieldset className="space-y-1.5">
          <legend className="mb-1 text-sm font-medium text-slate-800">Format</legend>
          {FORMATS.map((f) => (
            <label key={f.value} className={cn("flex cursor-pointer items-start gap-3 rounded-md border px-3 py-2 text-sm", format === f.value ? "border-brand-400 bg-brand-50/60" : "border-slate-200 hover:bg-slate-50")}>
              <input type="radio" name="export-format" className="mt-1" checked={format === f.value} onChange={() => setFormat(f.value)} />
              <span><span className="font-medium text-slate-900">{f.label}</span><span className="block text-xs text-slate-500">{f.hint}</span></span>
            </label>
          ))}
        </fieldset>
        {format === "promptfoo" ? (
          <Field label="promptfoo provider" htmlFor="export-provider" hint="Default openai:gpt-4o-mini. Tests use the persona's trait targets and its scenarios with their checks.">
            <Input id="export-provider" value={provider} onChange={(e) => setProvider(e.target.value)} placeholder="openai:gpt-4o-mini" />
          </Field>
        ) : null}
      </div>
    </Dialog>
  );
}
