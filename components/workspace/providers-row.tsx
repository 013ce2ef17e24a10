"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ProviderInfo } from "@/lib/schemas/provider";
import { formatPrices } from "@/components/workspace/providers-prices";

const SIMULATOR_NOTE = "Simulator — not a language model: a deterministic toy model built in for trying the studio without any model.";

/** One provider: what it is, where it points, which key (masked), and the owner's actions. */
export function ProviderRow({
  provider: p, defaultModel, owner, busy, onMakeDefault, onEdit, onRemove,
}: {
  provider: ProviderInfo;
  /** The workspace default's model when this provider is the default, else null. */
  defaultModel: string | null;
  owner: boolean;
  busy: boolean;
  onMakeDefault: () => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const simulator = p.kind === "simulator";
  const unreadable = p.keyState === "unreadable";
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 px-5 py-3 text-sm" data-testid="provider-row">
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-slate-900">{p.name}</span>
          <Badge tone={simulator ? "amber" : "sky"}>{simulator ? "Simulator" : "OpenAI-compatible"}</Badge>
          {p.builtIn && !simulator ? <Badge>From environment</Badge> : null}
          {p.isDefault ? <Badge tone="green">Default</Badge> : null}
          {unreadable ? <Badge tone="rose">Key unreadable</Badge> : null}
        </div>
        {simulator ? <p className="text-xs text-amber-800">{SIMULATOR_NOTE}</p> : null}
        {unreadable ? (
          <p className="text-xs text-rose-700" role="alert" data-testid="key-unreadable">
            The stored API key can no longer be read (the studio&apos;s encryption key changed), so this provider cannot be used.{" "}
            {owner ? "Re-enter this key to use it again." : "Ask an owner to re-enter this key."}
          </p>
        ) : null}
        <dl className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600">
          {p.baseUrl ? (
            <div className="flex min-w-0 gap-1">
              <dt className="text-slate-500">URL</dt>
              <dd className="truncate font-mono" title={p.baseUrl}>{p.baseUrl}</dd>
            </div>
          ) : null}
          <div className="flex gap-1">
            <dt className="text-slate-500">Model</dt>
            <dd className="font-mono">{p.defaultModel}</dd>
          </div>
          {!simulator ? (
            <div className="flex gap-1">
              <dt className="text-slate-500">Key</dt>
              <dd className={p.keyMask ? "font-mono" : undefined}>
                {p.keyMask ?? "none"}
                {unreadable ? <span className="ml-1 font-sans text-rose-700">(unreadable)</span> : null}
              </dd>
            </div>
          ) : null}
          <div className="flex gap-1" data-testid="provider-prices">
            <dt className="text-slate-500">Prices</dt>
            <dd>{simulator ? "free" : formatPrices(p.inputPricePerM, p.outputPricePerM)}</dd>
          </div>
          {defaultModel && defaultModel !== p.defaultModel ? (
            <div className="flex gap-1">
              <dt className="text-slate-500">Default uses</dt>
              <dd className="font-mono">{defaultModel}</dd>
            </div>
          ) : null}
        </dl>
      </div>
      {owner ? (
        <div className="flex shrink-0 items-center gap-1.5">
          {!p.isDefault ? (
            <Button size="sm" variant="secondary" disabled={busy} onClick={onMakeDefault} title={`Use ${p.name} with ${p.defaultModel} unless something else is chosen`}>
              Make default
            </Button>
          ) : null}
          {!p.builtIn && unreadable ? (
            <Button size="sm" variant="primary" disabled={busy} aria-label={`Re-enter the key of ${p.name}`} onClick={onEdit}>Re-enter key</Button>
          ) : null}
          {!p.builtIn ? (
            <>
              <Button size="sm" variant="ghost" disabled={busy} aria-label={`Edit ${p.name}`} onClick={onEdit}>Edit</Button>
              <Button size="sm" variant="ghost" disabled={busy} aria-label={`Remove ${p.name}`} onClick={onRemove}>Remove</Button>
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
