"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/field";

export function SaveVersionDialog({
  open, onClose, onSave, nextNumber, busy, error,
}: {
  open: boolean; onClose: () => void; onSave: (message: string) => void;
  nextNumber: number; busy: boolean; error: string | null;
}) {
  const [message, setMessage] = useState("");
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Save version ${nextNumber}`}
      description="A version is an immutable snapshot of the spec and its compiled prompt. Probes, reviews and share links point at versions."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy || !message.trim()} onClick={() => onSave(message)}>
            {busy ? "Saving…" : "Save version"}
          </Button>
        </>
      }
    >
      <Field label="What changed?" htmlFor="version-message" error={error}>
        <Textarea
          id="version-message" rows={3} value={message} autoFocus
          onChange={(e) => setMessage(e.target.value)}
          placeholder="Reframed as a triage nurse instead of a list of traits"
        />
      </Field>
    </Dialog>
  );
}
