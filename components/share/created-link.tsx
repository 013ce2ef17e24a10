"use client";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { CopyButton } from "@/components/share/copy-button";
import type { CreatedShare } from "@/lib/schemas/share";

/** The new link's full URL, shown this once: only its fingerprint is stored. */
export function CreatedLink({ created, onAnother }: { created: CreatedShare; onAnother?: () => void }) {
  const id = useId();
  const url = `${window.location.origin}${created.path}`;
  return (
    <div className="space-y-3 rounded-lg border border-emerald-200 bg-emerald-50/60 p-4" data-testid="created-share">
      <p className="text-sm font-medium text-emerald-900">Link created{created.label ? ` for “${created.label}”` : ""}</p>
      <div className="flex gap-2">
        <Input
          id={id}
          readOnly
          value={url}
          aria-label="Share link"
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 font-mono text-xs"
          data-testid="share-url"
        />
        <CopyButton text={url} selectId={id} size="md" variant="primary" />
      </div>
      <p className="text-xs text-emerald-900">
        Copy it now — only a fingerprint is stored, so it cannot be shown again.
      </p>
      {onAnother ? <Button size="sm" variant="ghost" onClick={onAnother}>Create another link</Button> : null}
    </div>
  );
}
