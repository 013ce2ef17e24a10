"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/field";
import { CopyButton } from "@/components/share/copy-button";
import { labelSnippets, labelUrl, TOKEN_ENV, type Snippet } from "@/components/versions/label-snippets";
import type { VersionLabel } from "@/lib/schemas/labels";

/**
 * "Use in your app": copyable calls of a label's read endpoint (curl, fetch, the
 * OpenAI SDK), filled with this studio's URL, the persona's slug and the label.
 * The token comes from the environment: the studio never shows an existing token.
 */
export function UseInApp({ workspaceId, slug, labels }: { workspaceId: string; slug: string; labels: VersionLabel[] }) {
  const [origin, setOrigin] = useState("");
  const [label, setLabel] = useState(labels[0]?.name ?? "production");
  const [tab, setTab] = useState<Snippet["id"]>("curl");
  // The page's own origin is known only in the browser (the studio may sit behind any host name).
  useEffect(() => setOrigin(window.location.origin), []);
  const chosen = labels.some((l) => l.name === label) ? label : (labels[0]?.name ?? "production");
  const input = { origin, workspaceId, persona: slug, label: chosen };
  const snippets = labelSnippets(input);
  const shown = snippets.find((s) => s.id === tab) ?? snippets[0];

  return (
    <Card className="px-5 py-4" aria-labelledby="use-in-app-title" data-testid="use-in-app">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="use-in-app-title" className="text-sm font-semibold">Use in your app</h2>
        {labels.length > 1 ? (
          <Select aria-label="Label to fetch" value={chosen} onChange={(e) => setLabel(e.target.value)} className="w-44">
            {labels.map((l) => <option key={l.name} value={l.name}>{l.name} (v{l.version})</option>)}
          </Select>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-slate-700">
        Your application fetches the compiled prompt of <code className="font-mono text-xs">{chosen}</code> at start-up or per request;
        moving the label ships another version without a deploy. Answers carry an ETag and may be cached for a minute.
      </p>
      <p className="mt-1 break-all font-mono text-xs text-slate-600" data-testid="label-url">GET {labelUrl(input)}</p>
      <div className="mt-3 flex items-center gap-2 border-b border-slate-100">
        <div className="flex items-center gap-1" role="tablist" aria-label="Snippet language">
          {snippets.map((s) => (
            <button
              key={s.id} role="tab" aria-selected={tab === s.id} aria-controls="use-in-app-code" onClick={() => setTab(s.id)}
              className={cn("-mb-px whitespace-nowrap border-b-2 px-2.5 py-1.5 text-sm font-medium", tab === s.id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900")}
            >
              {s.title}
            </button>
          ))}
        </div>
        <CopyButton text={shown.code} selectId="use-in-app-code" label="Copy" className="mb-1 ml-auto shrink-0" />
      </div>
      <pre
        id="use-in-app-code" role="tabpanel" tabIndex={0} aria-label={`${shown.title} snippet`}
        className="mt-2 max-h-72 overflow-auto whitespace-pre-wrap break-all rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100 sm:whitespace-pre sm:break-normal"
      >
        <code>{shown.code}</code>
      </pre>
      <p className="mt-2 text-xs text-slate-600">
        Set <code className="font-mono">{TOKEN_ENV}</code> to an API token of this workspace (a viewer token is enough):{" "}
        <Link href={`/w/${workspaceId}/settings#api-tokens`} className="font-medium text-brand-700 underline">create one in Members &amp; settings</Link>.
        A token is shown once when it is created; keep it in your app&rsquo;s secrets, never in its code.
      </p>
    </Card>
  );
}
