"use client";
import { useEffect, useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, Textarea } from "@/components/ui/field";
import { usePanelPreview, type PanelAnswer } from "@/lib/query/panel-preview-hooks";
import { useRefreshPanelSessions } from "@/lib/query/panel-session-hooks";
import type { PanelDetail } from "@/lib/schemas/panel";
import { SIMULATOR_LABEL } from "@/lib/schemas/provider";

// Panel preview (issue 13 §3): one question, every member answers on its seat
// side by side; with "Cross-examine", a second round under each card in which the
// member responds to the others' first answers.

function AnswerText({ answer, label }: { answer: PanelAnswer | undefined; label: string }) {
  const a = answer ?? { status: "waiting" as const, text: "" };
  return (
    <div data-testid="panel-answer" data-status={a.status} role="group" aria-label={label} aria-live="polite" className="space-y-1">
      {a.status === "error" ? (
        <div role="alert" className="text-xs text-rose-700">
          <p className="font-medium">{a.error?.kind === "skipped" ? "Not asked" : "The answer failed"}</p>
          <p>{a.error?.message}</p>
        </div>
      ) : a.text ? (
        <p className="text-sm leading-relaxed whitespace-pre-wrap">
          {a.text}
          {a.status === "streaming" ? <span className="ml-0.5 inline-block h-3.5 w-1.5 animate-pulse bg-brand-500 align-middle" /> : null}
        </p>
      ) : (
        <p className="text-sm text-slate-500">{a.status === "streaming" ? "Waiting for the first token…" : "Waiting…"}</p>
      )}
      {a.status === "done" ? (
        <p className="text-[11px] tabular-nums text-slate-500">{a.tokens} tokens · {a.latencyMs} ms</p>
      ) : null}
    </div>
  );
}

export function PanelPreview({ workspaceId, panel }: { workspaceId: string; panel: PanelDetail }) {
  const [question, setQuestion] = useState("");
  const [crossExamine, setCrossExamine] = useState(false);
  const [record, setRecord] = useState(false);
  const { state, run, stop } = usePanelPreview(workspaceId, panel.id);
  const refreshSessions = useRefreshPanelSessions(workspaceId, panel.id);
  // A recorded preview lands in "Recorded previews" once it ends.
  useEffect(() => {
    if (state.sessionId && state.status !== "running") refreshSessions();
  }, [state.sessionId, state.status]); // eslint-disable-line react-hooks/exhaustive-deps
  const qid = useId();
  const members = panel.members.filter((m) => !m.missing);
  const running = state.status === "running";
  const asked = state.order.length > 0;
  const shown = asked ? state.order.map((o) => ({ ...o, member: panel.members.find((m) => m.key === o.key) })) : members.map((m) => ({ key: m.key, name: m.name, member: m }));

  const submit = () => {
    const q = question.trim();
    if (!q || running) return;
    void run({ question: q, crossExamine, record });
  };

  return (
    <section className="space-y-4" aria-labelledby={`${qid}-title`} data-testid="panel-preview">
      <h2 id={`${qid}-title`} className="text-base font-semibold text-slate-900">Preview the panel</h2>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label="Question for every member" htmlFor={qid} hint="Each member answers on its seat; answers stream side by side.">
          <Textarea
            id={qid}
            value={question}
            maxLength={2000}
            onChange={(e) => setQuestion(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit();
            }}
            placeholder="Should we rewrite the billing service in Rust?"
          />
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <label className="inline-flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={crossExamine} onChange={(e) => setCrossExamine(e.target.checked)} className="h-4 w-4 rounded border-slate-300" />
            Cross-examine
            <span className="text-xs text-slate-500">(a second round: each member answers the others)</span>
          </label>
          {/* ── Recording (issue 13 §3): kept as a session others can read and comment on (panel-sessions.tsx) ── */}
          <label className="inline-flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={record} onChange={(e) => setRecord(e.target.checked)} className="h-4 w-4 rounded border-slate-300" data-testid="record-preview" />
            Record this preview
            <span className="text-xs text-slate-500">(kept for the team to comment on)</span>
          </label>
          <div className="ml-auto flex gap-2">
            {running ? <Button onClick={stop}>Stop</Button> : null}
            <Button type="submit" variant="primary" disabled={!question.trim() || running || members.length === 0}>
              {running ? "Asking…" : "Ask the panel"}
            </Button>
          </div>
        </div>
        {members.length === 0 ? <p className="text-sm text-slate-500">Add members to the panel to preview it.</p> : null}
        {state.status === "error" ? <p role="alert" className="text-sm text-rose-700">{state.error}</p> : null}
        {state.sessionId ? <p className="text-xs text-slate-500" role="status">Recorded — it is under <a href="#panel-sessions" className="font-medium text-brand-700">Recorded previews</a>.</p> : null}
      </form>

      <ul className="grid grid-cols-[repeat(auto-fill,minmax(16rem,1fr))] gap-3" aria-label="Members' answers">
        {shown.map(({ key, name, member }) => {
          const first = state.answers[1][key];
          const second = state.answers[2][key];
          const simulated = first?.simulated ?? member?.seatLabel.startsWith(SIMULATOR_LABEL);
          return (
            <li key={key} data-testid="panel-member-card" data-member={key} className={cn("flex min-w-0 flex-col rounded-lg border bg-white", first?.status === "error" ? "border-rose-200" : "border-slate-200")}>
              <div className="space-y-1 border-b border-slate-100 px-3 py-2">
                <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
                  <span className="min-w-0 break-words text-sm font-medium text-slate-900">{name}</span>
                  {simulated ? <Badge tone="amber">{SIMULATOR_LABEL}</Badge> : null}
                </div>
                <p className="truncate text-xs text-slate-500" title={member?.seatLabel}>
                  {/* The badge already says "Simulator — not a language model": the line names the model only. */}
                  {(first?.providerLabel && first.model ? `${first.providerLabel} · ${first.model}` : member?.seatLabel ?? "").replace(`${SIMULATOR_LABEL} · `, "")}
                  {first?.prompt ? ` · ${first.prompt.source === "draft" ? "draft (no saved version)" : `v${first.prompt.version}`}` : ""}
                </p>
              </div>
              <div className="px-3 py-2">
                {asked ? <AnswerText answer={first} label={`${name}'s answer`} /> : <p className="text-sm text-slate-500">Ask a question to hear from {name}.</p>}
              </div>
              {state.rounds === 2 && asked ? (
                <div className="mt-auto border-t border-dashed border-slate-200 bg-slate-50 px-3 py-2" data-testid="panel-second-round">
                  <p className="mb-1 text-xs font-medium text-slate-600">Responding to the others</p>
                  <AnswerText answer={second} label={`${name}'s response to the others`} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
