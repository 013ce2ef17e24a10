"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { Answer } from "@/components/preview/use-live-answers";
import type { AnswerSegment } from "@/lib/compare/answer-diff";
import { checkRows, checkSummary } from "@/lib/probing/chart-prep";
import { SIMULATOR_LABEL } from "@/lib/schemas/provider";
import type { Check } from "@/lib/schemas/scenario";

export { SIMULATOR_LABEL };

/** A scenario's checks on a finished answer: the same evaluator as the probe report's pass rates. */
function CheckMarks({ checks, text }: { checks: Check[]; text: string }) {
  const rows = checkRows(checks, text);
  return (
    <div className="border-t border-slate-100 px-3 py-1.5" data-testid="answer-checks">
      <p className="sr-only">{checkSummary(rows)}</p>
      <ul className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
        {rows.map((r) => (
          <li key={r.id} data-pass={r.pass} className={r.pass ? "text-emerald-700" : "text-rose-700"}>
            <span aria-hidden>{r.pass ? "✓" : "✗"}</span> {r.text}
            <span className="sr-only">{r.pass ? ": passes" : ": fails"}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AnswerCard({
  answer, title, onRetry, checks, segments,
}: {
  answer: Answer | undefined; title: string; onRetry: () => void; checks?: Check[];
  /** The finished answer split into words shared with the other answer and words only here (compare workbench). */
  segments?: AnswerSegment[];
}) {
  const a: Answer = answer ?? { status: "waiting", text: "" };
  // While a new answer has no token yet, or when it failed, the last finished one stays, dimmed.
  const kept = !a.text && a.lastGood ? a.lastGood : null;
  const draftError = a.status === "error" && a.error?.kind === "draft";
  return (
    <div
      className={cn("flex min-w-0 flex-col rounded-lg border bg-white", a.status === "error" ? (draftError ? "border-amber-200" : "border-rose-200") : "border-slate-200")}
      data-testid="answer"
      data-status={a.status}
    >
      <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1 border-b border-slate-100 px-3 py-1.5">
        <span className="min-w-0 truncate text-xs font-medium text-slate-600">{title}{a.model ? ` · ${a.model}` : ""}</span>
        {a.simulated ? <Badge tone="amber">{SIMULATOR_LABEL}</Badge> : a.providerLabel ? <Badge tone="slate">{a.providerLabel}</Badge> : null}
      </div>
      <div className={cn("min-h-16 px-3 py-2 text-sm leading-relaxed whitespace-pre-wrap", a.status === "stale" && "text-slate-500")} data-testid="answer-body">
        {a.status === "error" ? (
          <div className="space-y-2">
            <div role="alert" className="space-y-1">
              <p className={cn("font-medium", draftError ? "text-amber-800" : "text-rose-700")}>{errorTitle(a.error?.kind)}</p>
              <p className={cn("text-xs", draftError ? "text-amber-800" : "text-rose-700")}>{a.error?.message}</p>
            </div>
            {kept ? <KeptAnswer text={kept} /> : null}
            {draftError ? null : <Button size="sm" onClick={onRetry}>Retry</Button>}
          </div>
        ) : kept ? (
          <KeptAnswer text={kept} />
        ) : a.status === "done" && segments ? (
          <HighlightedAnswer segments={segments} />
        ) : a.text ? (
          <>
            {a.text}
            {a.status === "streaming" ? <span className="ml-0.5 inline-block h-3.5 w-1.5 animate-pulse bg-brand-500 align-middle" /> : null}
          </>
        ) : (
          <span className="text-slate-500">{a.status === "stale" ? "Updating…" : "Waiting for the first token…"}</span>
        )}
      </div>
      {a.status === "done" && checks?.length ? <CheckMarks checks={checks} text={a.text} /> : null}
      <div className="mt-auto flex gap-3 border-t border-slate-50 px-3 py-1 text-[11px] tabular-nums text-slate-500" data-testid="answer-stats">
        {a.status === "done" ? (
          <>
            <span>{a.tokens} tokens</span>
            <span>first token {a.firstTokenMs ?? "–"} ms</span>
            <span>{a.latencyMs} ms total</span>
          </>
        ) : a.status === "stale" ? (
          <span>draft changed — refreshing</span>
        ) : a.status === "streaming" ? (
          <span>streaming…</span>
        ) : (
          <span>&nbsp;</span>
        )}
      </div>
    </div>
  );
}

/**
 * Words only in this answer are marked with a thick underline as well as a tint, so the
 * difference does not rest on colour; screen readers hear where each one starts and ends.
 */
function HighlightedAnswer({ segments }: { segments: AnswerSegment[] }) {
  return (
    <span data-testid="highlighted-answer">
      {segments.map((s, i) =>
        s.changed ? (
          <mark key={i} className="answer-only rounded-sm" data-testid="answer-only">
            <span className="sr-only">[only here: </span>{s.text}<span className="sr-only">]</span>
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </span>
  );
}

/** The last finished answer, dimmed: what the persona said before the draft changed. */
function KeptAnswer({ text }: { text: string }) {
  return (
    <div data-testid="kept-answer">
      <p className="text-[11px] font-medium uppercase tracking-wide text-slate-500">Last answer</p>
      <p className="text-slate-500">{text}</p>
    </div>
  );
}

function errorTitle(kind?: string): string {
  switch (kind) {
    case "draft": return "Not updated: the draft has a problem";
    case "auth": return "The provider rejected the API key";
    case "rate_limit": return "Rate limited (429)";
    case "studio_limit": return "Too many previews for now";
    case "timeout": return "The model timed out";
    case "unreachable": return "The model endpoint is unreachable";
    case "bad_request": return "The provider refused the request";
    case "server": return "The provider failed";
    case "redirected": return "The endpoint redirected elsewhere (not followed)";
    case "blocked": return "This address is not allowed (PROVIDER_NETWORK=public)";
    default: return "The answer failed";
  }
}
