"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/field";

/** Asks what changed and saves the next version; used by the persona and panel editors (their own wording). */
export function SaveVersionDialog({
  open, onClose, onSave, nextNumber, busy, error, description, placeholder, fieldId,
}: {
  open: boolean; onClose: () => void; onSave: (message: string) => void;
  nextNumber: number; busy: boolean; error: string | null;
  /** What a version of this thing freezes. */
  description: string;
  /** An example message. */
  placeholder: string;
  fieldId: string;
}) {
  const [message, setMessage] = useState("");
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Save version ${nextNumber}`}
      description={description}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy || !message.trim()} onClick={() => onSave(message)}>
            {busy ? "Saving…" : "Save version"}
          </Button>
        </>
      }
    >
      <Field label="What changed?" htmlFor={fieldId} error={error}>
        <Textarea
          id={fieldId} rows={3} value={message} autoFocus
          onChange={(e) => setMessage(e.target.value)}
          placeholder={placeholder}
        />
      </Field>
    </Dialog>
  );
}
