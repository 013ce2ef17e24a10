"use client";
import { useState } from "react";
import { ListEditor } from "@/components/personas/editor/list-editor";

export function SampleMessages({
  messages, onChange, editable,
}: { messages: string[]; onChange: (m: string[]) => void; editable: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button className="text-xs font-medium text-brand-700 hover:underline" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {open ? "Hide" : editable ? "Edit" : "Show"} preview messages ({messages.length})
      </button>
      {open ? (
        <fieldset disabled={!editable} className="mt-2">
          <ListEditor label="Preview message" items={messages} onChange={onChange} placeholder="A message that gives the persona room to show itself" />
        </fieldset>
      ) : null}
    </div>
  );
}
