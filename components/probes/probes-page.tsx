"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { AcknowledgementsList } from "@/components/probes/acknowledgements-list";
import { CompareRuns } from "@/components/probes/compare-runs";
import { NewProbeDialog } from "@/components/probes/new-probe-dialog";
import { RunHistory } from "@/components/probes/run-history";
import { usePersona, useWorkspace } from "@/lib/query/hooks";
import { useProbeRuns } from "@/lib/query/probe-hooks";
import { can } from "@/lib/schemas/workspace";

// A persona's probes: start a new one, the run history, and a side-by-side
// comparison of two runs (kept in the URL, ?compare=a,b, so it can be shared).

export function ProbesPage({ workspaceId, personaId }: { workspaceId: string; personaId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const persona = usePersona(workspaceId, personaId);
  const workspace = useWorkspace(workspaceId);
  const runs = useProbeRuns(workspaceId, personaId);
  // ?framing=<trait> ("Probe it with the framing pair" on a leakage flag) opens the dialog with that framing pair.
  const framing = search.get("framing");
  const [creating, setCreating] = useState(!!framing);
  const [selected, setSelected] = useState<string[]>([]);
  const compare = search.get("compare")?.split(",").filter(Boolean);
  const comparing = compare?.length === 2 ? (compare as [string, string]) : null;
  // Probes call models (cost): editors and owners start them; everyone reads the reports.
  const canProbe = !!workspace && can.editPersona(workspace.role);
  const base = `/w/${workspaceId}/personas/${personaId}`;

  const setCompare = (ids: [string, string] | null) =>
    router.replace(ids ? `${pathname}?compare=${ids.join(",")}#compare` : pathname, { scroll: false });
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id].slice(-2)));
  const newProbe = canProbe && persona.data ? <Button variant="primary" onClick={() => setCreating(true)}>New probe</Button> : null;

  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-8 sm:py-8">
      <div>
        <Breadcrumb items={[{ label: "Personas", href: `/w/${workspaceId}` }, { label: persona.data?.name ?? "…", href: base }, { label: "Probes" }]} />
        <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Probes</h1>
            <p className="mt-1 max-w-2xl text-sm text-slate-500">
              A probe asks the trait library&rsquo;s questions under this persona and under a neutral assistant, has a judge score every
              answer, and shows where the persona actually lands — with flags for tensions, leaks and misses.
            </p>
          </div>
          <div className="flex items-center gap-2">
            <Link href={base} className="text-sm font-medium text-brand-600 hover:text-brand-700">Open the editor →</Link>
            {newProbe}
          </div>
        </div>
      </div>

      {runs.isPending ? (
        <div className="h-48 animate-pulse rounded-xl bg-slate-100" />
      ) : runs.isError ? (
        <p role="alert" className="text-sm text-rose-600">Could not load the probe runs: {runs.error.message}</p>
      ) : runs.data.length === 0 ? (
        <EmptyState title="No probes yet">
          {canProbe ? "Press “New probe” to see" : "A probe shows"} where this persona lands on every trait it targets, and on the traits that
          tend to come along with them.
        </EmptyState>
      ) : (
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="text-sm font-semibold">Run history</h2>
            <span className="text-xs text-slate-500">Tick two runs to compare them side by side.</span>
            <Button size="sm" className="ml-auto" disabled={selected.length !== 2} onClick={() => setCompare([selected[0], selected[1]])}>
              Compare{selected.length ? ` (${selected.length}/2)` : ""}
            </Button>
          </div>
          <RunHistory runs={runs.data} base={base} selected={selected} onToggle={toggle} />
          {runs.hasNextPage ? (
            <div className="flex items-center justify-center gap-3 text-xs text-slate-500">
              <span>Showing {runs.data.length.toLocaleString("en-US")}</span>
              <Button onClick={() => void runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
                {runs.isFetchingNextPage ? "Loading…" : "Show older runs"}
              </Button>
            </div>
          ) : null}
        </div>
      )}

      <AcknowledgementsList workspaceId={workspaceId} personaId={personaId} canEdit={canProbe} />

      {comparing ? <CompareRuns workspaceId={workspaceId} base={base} ids={comparing} onClose={() => setCompare(null)} /> : null}
      {persona.data ? (
        <NewProbeDialog workspaceId={workspaceId} persona={persona.data} open={creating && canProbe} initialFramingTrait={framing}
          onClose={() => { setCreating(false); if (framing) router.replace(pathname, { scroll: false }); }} />
      ) : null}
    </div>
  );
}
