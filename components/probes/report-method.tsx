"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { useWorkspace } from "@/lib/query/hooks";
import { isActive, useReanalyseProbeRun } from "@/lib/query/probe-hooks";
import type { ProbeRunDetail } from "@/lib/schemas/probe";
import { can } from "@/lib/schemas/workspace";

// Which stored analysis the report shows. A finished run's report is computed
// once with the method of its day; a newer method is applied only when an
// editor asks, and the older analysis stays one click away (?method= in the URL).

/** The analysis the page asked for in its URL (null: the newest stored). */
export function useReportMethod(): string | null {
  return useSearchParams().get("method");
}

export function ReportMethod({ workspaceId, run }: { workspaceId: string; run: Pick<ProbeRunDetail, "id" | "status" | "analysis"> }) {
  const { analysis } = run;
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const toast = useToast();
  const workspace = useWorkspace(workspaceId);
  const reanalyse = useReanalyseProbeRun(workspaceId, run.id);
  const show = (method: string | null) => {
    const params = new URLSearchParams(search);
    if (method) params.set("method", method);
    else params.delete("method");
    router.replace(params.size ? `${pathname}?${params}` : pathname, { scroll: false });
  };
  const newest = analysis.available[0]?.methodVersion;
  const hasLatest = analysis.available.some((a) => a.methodVersion === analysis.latestMethod);
  const canReanalyse = !hasLatest && !isActive(run.status) && !!workspace && can.editPersona(workspace.role);

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-xs text-slate-500" data-testid="report-method">
      <span>
        Method <span className="font-mono text-slate-700">{analysis.methodVersion}</span> · {analysis.final ? "computed" : "partial, refreshed as answers arrive ·"}{" "}
        <TimeAgo iso={analysis.computedAt} />
      </span>
      {analysis.available.length > 1 ? (
        <Select
          aria-label="Stored analysis"
          className="h-7 w-auto text-xs"
          value={analysis.methodVersion}
          onChange={(e) => show(e.target.value === newest ? null : e.target.value)}
        >
          {analysis.available.map((a) => (
            <option key={a.methodVersion} value={a.methodVersion}>
              {a.methodVersion}{a.methodVersion === analysis.latestMethod ? " (current method)" : ""}
            </option>
          ))}
        </Select>
      ) : null}
      {canReanalyse ? (
        <Button
          size="sm"
          disabled={reanalyse.isPending}
          onClick={() => reanalyse.mutate(undefined, {
            onSuccess: () => { show(null); toast(`Re-analysed with method ${analysis.latestMethod}; the earlier analysis is kept`); },
            onError: (e) => toast(e.message, "error"),
          })}
        >
          {reanalyse.isPending ? "Re-analysing…" : `Re-analyse with method ${analysis.latestMethod}`}
        </Button>
      ) : !hasLatest && !isActive(run.status) ? (
        <span>A newer method ({analysis.latestMethod}) exists; an editor can re-analyse this run.</span>
      ) : null}
    </div>
  );
}
