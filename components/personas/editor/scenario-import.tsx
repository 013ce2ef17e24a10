"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select, Textarea } from "@/components/ui/field";
import { describeImportError, importIntoList, type ImportError, type ImportFormat } from "@/lib/persona/scenarios-import";
import type { Scenario } from "@/lib/schemas/scenario";

// Import CSV/JSONL into the draft's scenarios. Parsed here with the same pure
// function the import route uses; the result goes through the normal autosave.

const formatOf = (fileName: string): ImportFormat => (/\.csv$/i.test(fileName) ? "csv" : "jsonl");

export function ScenarioImport({
  scenarios, onImport, onClose,
}: { scenarios: Scenario[]; onImport: (next: Scenario[]) => void; onClose: () => void }) {
  const [text, setText] = useState("");
  const [format, setFormat] = useState<ImportFormat>("csv");
  const [mode, setMode] = useState<"append" | "replace">("append");
  const [errors, setErrors] = useState<ImportError[]>([]);
  const [done, setDone] = useState<string | null>(null);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setFormat(formatOf(file.name));
    setText(await file.text());
    setErrors([]);
    setDone(null);
  };

  const run = () => {
    const result = importIntoList(scenarios, format, text, mode);
    setErrors(result.errors);
    if (result.errors.length) return setDone(null);
    onImport(result.scenarios);
    setDone(`Imported ${result.imported} scenario${result.imported === 1 ? "" : "s"}.`);
    setText("");
  };

  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3" role="group" aria-label="Import scenarios">
      <p className="text-xs text-slate-600">
        CSV with a header row: <code>message</code>, optional <code>note</code>, <code>context</code> (&quot;user: …&quot; /
        &quot;assistant: …&quot; lines or JSON), <code>tags</code> (separated by ;), and checks: <code>contains</code>,{" "}
        <code>not_contains</code> (phrases separated by ;), <code>regex</code> (<code>/pattern/i</code>), <code>max_length</code>,{" "}
        <code>asks_question</code> (yes/no). JSONL: one object per line with the same fields and <code>checks</code> as in the spec,
        or promptfoo test cases (<code>{"{"}&quot;vars&quot;: {"{"}&quot;message&quot;: …{"}}"}</code>).
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="file" accept=".csv,.jsonl,.json,.txt,text/csv,application/jsonl" aria-label="Scenario file"
          onChange={(e) => void readFile(e.target.files?.[0])} className="text-xs"
        />
        <Select aria-label="Import format" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)} className="h-8 w-24 py-0 text-xs">
          <option value="csv">CSV</option>
          <option value="jsonl">JSONL</option>
        </Select>
        <Select aria-label="Import mode" value={mode} onChange={(e) => setMode(e.target.value as "append" | "replace")} className="h-8 w-44 py-0 text-xs">
          <option value="append">Add to the list</option>
          <option value="replace">Replace the list</option>
        </Select>
      </div>
      <Textarea
        aria-label="Scenario file text" rows={5} className="font-mono text-xs" value={text}
        onChange={(e) => { setText(e.target.value); setErrors([]); setDone(null); }}
        placeholder={"message,note\n\"I bought this 45 days ago. Refund me.\",Names the 30-day policy"}
      />
      {errors.length ? (
        <div role="alert" className="text-xs text-rose-700">
          <p>Nothing was imported:</p>
          <ul className="list-disc pl-5">
            {errors.slice(0, 8).map((e, i) => <li key={i}>{describeImportError(e)}</li>)}
          </ul>
          {errors.length > 8 ? <p>… and {errors.length - 8} more</p> : null}
        </div>
      ) : null}
      {done ? <p role="status" className="text-xs text-emerald-700">{done}</p> : null}
      <div className="flex gap-2">
        <Button size="sm" variant="primary" onClick={run} disabled={!text.trim()}>Import</Button>
        <Button size="sm" variant="ghost" onClick={onClose}>Close</Button>
      </div>
    </div>
  );
}
