"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

/** Edits a short list of one-line entries (values, boundaries, role requirements); `maxLength` / `max` cap an entry and the list. */
export function ListEditor({
  items, onChange, placeholder, label, maxLength, max,
}: { items: string[]; onChange: (items: string[]) => void; placeholder: string; label: string; maxLength?: number; max?: number }) {
  const [draft, setDraft] = useState("");
  const add = () => {
    const v = draft.trim();
    if (!v || (max !== undefined && items.length >= max)) return;
    onChange([...items, v]);
    setDraft("");
  };
  return (
    <div className="space-y-2">
      {items.length ? (
        <ul className="space-y-1.5">
          {items.map((item, i) => (
            <li key={i} className="flex items-center gap-2">
              <Input
                aria-label={`${label} ${i + 1}`}
                value={item}
                maxLength={maxLength}
                onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))}
              />
              <Button variant="ghost" size="sm" aria-label={`Remove ${label.toLowerCase()} ${i + 1}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
                ✕
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex gap-2">
        <Input
          aria-label={`New ${label.toLowerCase()}`}
          value={draft}
          maxLength={maxLength}
          placeholder={placeholder}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button size="md" onClick={add} disabled={!draft.trim() || (max !== undefined && items.length >= max)}>Add</Button>
      </div>
    </div>
  );
}
