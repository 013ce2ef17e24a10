"use client";
import { useId } from "react";
import { CopyButton } from "@/components/share/copy-button";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import type { CreatedApiToken } from "@/lib/schemas/api-token";

/** The new token, shown this once (only its SHA-256 is stored), with a CI command ready to paste. */
export function ApiTokenCreated({ created, workspaceId, onDone }: { created: CreatedApiToken; workspaceId: string; onDone: () => void }) {
  const id = useId();
  const snippet = [
    `PERSONA_STUDIO_URL=${window.location.origin} \\`,
    `PERSONA_STUDIO_WORKSPACE=${workspaceId} \\`,
    `PERSONA_STUDIO_TOKEN=${created.token} \\`,
    "npx persona-studio probe <persona> --fail-on tension,leakage",
  ].join("\n");
  return (
    <div className="space-y-3 rounded-lg border border-emerald-200 bg-emerald-50/60 p-4" data-testid="created-api-token">
      <p className="text-sm font-medium text-emerald-900">Token “{created.name}” created ({created.role})</p>
      <div className="flex gap-2">
        <Input
          id={`${id}-token`}
          readOnly
          value={created.token}
          aria-label="API token"
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 font-mono text-xs"
          data-testid="api-token-value"
        />
        <CopyButton text={created.token} selectId={`${id}-token`} size="md" variant="primary" />
      </div>
      <p className="text-xs text-emerald-900">
        Copy it now — only a fingerprint is stored, so it cannot be shown again. Keep it in your CI&apos;s secrets, never in the repository.
      </p>
      <div className="space-y-1.5">
        <div className="flex items-center justify-between">
          <p className="text-xs font-medium text-slate-700">Run a probe from CI</p>
          <CopyButton text={snippet} selectId={`${id}-snippet`} label="Copy command" />
        </div>
        <pre id={`${id}-snippet`} tabIndex={0} role="region" aria-label="Command" className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs leading-relaxed text-slate-100" data-testid="api-token-snippet">
          {snippet}
        </pre>
        <p className="text-xs text-slate-500">
          Run it in a checkout of the Persona Studio repository (npx uses its own <code className="font-mono">bin/</code>; elsewhere run
          <code className="mx-1 font-mono">node bin/persona-studio.mjs</code>). Exits 0 when no flag of the listed kinds appears, 1 when one
          does, 2 on a usage error, 3 when the API or the run fails; <code className="font-mono">--help</code> lists the options.
        </p>
      </div>
      <Button size="sm" variant="ghost" onClick={onDone}>Done</Button>
    </div>
  );
}
