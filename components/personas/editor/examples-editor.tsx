"use client";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import type { PersonaSpec } from "@/lib/schemas/persona";

type Example = PersonaSpec["examples"][number];

export function ExamplesEditor({ examples, onChange }: { examples: Example[]; onChange: (next: Example[]) => void }) {
  const update = (i: number, patch: Partial<Example>) => onChange(examples.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <div className="space-y-3">
      {examples.map((ex, i) => (
        <div key={i} className="space-y-2 rounded-lg border border-slate-200 p-3">
          <div className="flex items-center justify-between">
            <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">Example {i + 1}</span>
            <Button variant="ghost" size="sm" onClick={() => onChange(examples.filter((_, j) => j !== i))} aria-label={`Remove example ${i + 1}`}>
              Remove
            </Button>
          </div>
          <Textarea aria-label={`Example ${i + 1} user message`} rows={2} placeholder="User: …" value={ex.user} onChange={(e) => update(i, { user: e.target.value })} />
          <Textarea aria-label={`Example ${i + 1} persona reply`} rows={3} placeholder="Persona: …" value={ex.assistant} onChange={(e) => update(i, { assistant: e.target.value })} />
        </div>
      ))}
      <Button onClick={() => onChange([...examples, { user: "", assistant: "" }])} disabled={examples.length >= 12}>+ Add example exchange</Button>
    </div>
  );
}
