"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useProviderMutations, type UpdateProviderInput } from "@/lib/query/provider-hooks";
import type { ProviderInfo, TestResult } from "@/lib/schemas/provider";
import { FormError, fieldError } from "@/components/workspace/form-errors";
import { ModelSuggestions, ProviderConnectionTest } from "@/components/workspace/providers-connection";
import { parsePrice, priceText, PriceFields } from "@/components/workspace/providers-prices";

const FIELDS = ["name", "baseUrl", "apiKey", "defaultModel", "inputPricePerM", "outputPricePerM"];

/** Edit name, base URL, model, prices and key. An empty key field keeps the stored key; "Remove key" drops it. */
export function EditProviderDialog({ workspaceId, provider, onClose }: { workspaceId: string; provider: ProviderInfo | null; onClose: () => void }) {
  return (
    <Dialog open={provider !== null} onClose={onClose} title={provider ? `Edit ${provider.name}` : "Edit provider"}>
      {/* Keyed so each opening starts from the saved values. */}
      {provider ? <EditForm key={provider.id} workspaceId={workspaceId} provider={provider} onClose={onClose} /> : null}
    </Dialog>
  );
}

function EditForm({ workspaceId, provider, onClose }: { workspaceId: string; provider: ProviderInfo; onClose: () => void }) {
  const toast = useToast();
  const { update } = useProviderMutations(workspaceId);
  const ids = { name: useId(), baseUrl: useId(), apiKey: useId(), model: useId(), models: useId() };
  const [name, setName] = useState(provider.name);
  const [baseUrl, setBaseUrl] = useState(provider.baseUrl ?? "");
  const [apiKey, setApiKey] = useState("");
  const [removeKey, setRemoveKey] = useState(false);
  const [model, setModel] = useState(provider.defaultModel);
  const [tested, setTested] = useState<TestResult | null>(null);
  const saved = priceText(provider.inputPricePerM, provider.outputPricePerM);
  const [prices, setPrices] = useState(saved);
  const edited = () => { if (update.error) update.reset(); };
  const trimmedUrl = baseUrl.trim();
  const typedKey = apiKey.trim();
  // A stored key the studio can no longer open is of no use: the only way forward is typing it again (or removing it).
  const unreadable = provider.keyState === "unreadable";

  const changes: UpdateProviderInput = {
    ...(name.trim() !== provider.name ? { name: name.trim() } : {}),
    ...(trimmedUrl !== provider.baseUrl ? { baseUrl: trimmedUrl } : {}),
    ...(model.trim() !== provider.defaultModel ? { defaultModel: model.trim() } : {}),
    ...(prices.input.trim() !== saved.input ? { inputPricePerM: parsePrice(prices.input) } : {}),
    ...(prices.output.trim() !== saved.output ? { outputPricePerM: parsePrice(prices.output) } : {}),
    ...(typedKey ? { apiKey: typedKey } : removeKey ? { apiKey: null } : {}),
  };
  const dirty = Object.keys(changes).length > 0;

  // Without a typed key the server tests with the stored one, unless it is about to be removed or cannot be read.
  const testRequest = trimmedUrl
    ? { baseUrl: trimmedUrl, ...(typedKey ? { apiKey: typedKey } : removeKey || unreadable ? {} : { providerId: provider.id }) }
    : null;

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!dirty || update.isPending) return;
        update.mutate({ id: provider.id, ...changes }, {
          onSuccess: (p) => {
            toast(`Saved ${p.name}`);
            onClose();
          },
        });
      }}
    >
      <Field label="Provider name" htmlFor={ids.name} error={fieldError(update.error, "name")}>
        <Input id={ids.name} value={name} maxLength={80} onChange={(e) => { setName(e.target.value); edited(); }} />
      </Field>
      <Field label="Base URL" htmlFor={ids.baseUrl} error={fieldError(update.error, "baseUrl")}>
        <Input
          id={ids.baseUrl}
          value={baseUrl}
          inputMode="url"
          className="font-mono"
          onChange={(e) => { setBaseUrl(e.target.value); setTested(null); edited(); }}
        />
      </Field>
      <Field
        label="API key"
        htmlFor={ids.apiKey}
        error={fieldError(update.error, "apiKey")}
        hint={
          removeKey ? "The key will be removed when you save."
            : unreadable ? undefined
            : provider.hasKey ? `Leave empty to keep the current key (${provider.keyMask}).`
            : "No key stored. Type one to add it."
        }
      >
        {unreadable && !removeKey ? (
          <p className="rounded-md bg-rose-50 px-3 py-2 text-xs text-rose-800 ring-1 ring-inset ring-rose-200" role="alert" data-testid="key-unreadable-hint">
            The stored key ({provider.keyMask}) can no longer be read: the studio&apos;s encryption key changed. Re-enter this key
            (or remove it) and save.
          </p>
        ) : null}
        <div className="flex gap-2">
          <Input
            id={ids.apiKey}
            type="password"
            autoComplete="off"
            value={apiKey}
            disabled={removeKey}
            placeholder={unreadable ? "Paste the API key again" : provider.hasKey && !removeKey ? provider.keyMask ?? "" : ""}
            onChange={(e) => { setApiKey(e.target.value); setTested(null); edited(); }}
          />
          {provider.hasKey ? (
            <Button
              size="md"
              variant={removeKey ? "secondary" : "ghost"}
              className="shrink-0"
              onClick={() => { setRemoveKey(!removeKey); setApiKey(""); setTested(null); edited(); }}
            >
              {removeKey ? "Keep key" : "Remove key"}
            </Button>
          ) : null}
        </div>
      </Field>
      <Field label="Model" htmlFor={ids.model} error={fieldError(update.error, "defaultModel")}>
        <Input id={ids.model} value={model} list={tested?.ok ? ids.models : undefined} onChange={(e) => { setModel(e.target.value); edited(); }} />
        <ModelSuggestions id={ids.models} result={tested} />
      </Field>
      <PriceFields value={prices} onChange={(v) => { setPrices(v); edited(); }} error={update.error} />
      <ProviderConnectionTest workspaceId={workspaceId} request={testRequest} result={tested} onResult={setTested} />
      <FormError error={update.error} fields={FIELDS} />
      <div className="-mx-6 -mb-4 flex justify-end gap-2 rounded-b-xl border-t border-slate-100 bg-slate-50 px-6 py-3">
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={!dirty || update.isPending}>{update.isPending ? "Saving…" : "Save changes"}</Button>
      </div>
    </form>
  );
}
