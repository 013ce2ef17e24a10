"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, Textarea } from "@/components/ui/field";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { useFlagAckScope, type FlagAckScope } from "@/components/probes/flag-ack-scope";
import { RequestedWordingButton, wordingTraitFor } from "@/components/probes/requested-wording-button";
import {
  ackDirection, directionSentence, flagCounts, flagTraitName, prefillReason, reasonProblem, splitFlags, type AckableFlag,
} from "@/components/probes/flag-acknowledgement";
import { groupFlags, LEAK_GROUP_TITLES } from "@/lib/probing/chart-prep";
import { useAcknowledgeFlag, useRemoveAcknowledgement } from "@/lib/query/acknowledgement-hooks";
import { ACK_REASON_MAX } from "@/lib/schemas/acknowledgement";
import type { ProbeReport, ReportFlag } from "@/lib/schemas/probe";

// What designers act on, first on the page: each flag with its severity, a
// title, the plain explanation with its numbers, and the answers that show it.
// The designer's problems (tensions, compromises, misses) come first, in full;
// leakage flags (often many, and alike) follow one line each in two groups —
// "Moved without being asked for" and "Came with the character type" — that
// start collapsed when a targeted-trait problem sits above them. A flag
// acknowledged as expected for the persona (issue 12 §7) leaves the counts and
// sits in a collapsed "Acknowledged" group at the bottom with its reason;
// editors acknowledge a flag (with a reason) and undo it here. Editors also get
// "Try the requested-behaviour wording" on a leakage flag when the persona has
// targeted traits (issue 14 §4): a variant with the related target asked for by
// the role instead of stated as the character's nature.

/**
 * "Compromise" only when the control arms' verdict is compromise (each trait at least 5 points lower together than
 * alone); otherwise the pair "pulls apart". A miss a range check explains (the model's own limit) is "Beyond reach".
 */
const labelOf = (flag: ReportFlag): string =>
  flag.kind === "compromise" && !flag.title.includes("compromise") ? "Pulls apart"
    : flag.kind === "miss" && flag.title.includes("beyond what this model reaches") ? "Beyond reach"
      : KIND_LABEL[flag.kind];

/** The numbers behind a flag, plainly: "+12 (±4), q = 0.003 · equivalent within ±5: no". */
export function evidenceLine(flag: ReportFlag): string | null {
  const e = flag.evidence;
  const parts: string[] = [];
  if (e.value) {
    const { estimate, lo, hi } = e.value;
    const half = lo === null || hi === null ? null : Math.round(Math.max(estimate - lo, hi - estimate));
    const sign = flag.kind === "leakage" && Math.round(estimate) > 0 ? "+" : "";
    const num = e.correlation ? estimate.toFixed(2) : `${sign}${Math.round(estimate)}`;
    parts.push(`${num.replace(/^-/, "\u2212")}${half === null || e.correlation ? "" : ` (\u00b1${half})`}`);
  }
  if (typeof e.q === "number") parts.push(e.q < 0.001 ? "q < 0.001" : `q = ${e.q < 0.01 ? e.q.toFixed(3) : e.q.toFixed(2)}`);
  if (e.basis) parts.push(e.basis);
  if (e.controls?.length) parts.push(`control arms: ${e.controls.map((c) => c.arm).join(", ")}`);
  return parts.length ? parts.join(" \u00b7 ") : null;
}

const KIND_LABEL: Record<ReportFlag["kind"], string> = {
  tension: "Tension",
  compromise: "Compromise",
  leakage: "Leakage",
  miss: "Miss",
  overshoot: "Overshoot",
  caves: "Caves under pressure",
  "drifts-back": "Drifts back to the assistant",
  "says-not-does": "Says but doesn't do",
  "does-not-say": "Does but doesn't say",
};

const LEAK_GROUP_HINTS: Record<"moved" | "came", string> = {
  moved: "A trait you did not target moved clearly away from the neutral assistant’s baseline. Traits travel in clusters, so set a target for any that matter.",
  came: "The trait library expects these to move with a trait you targeted, in the direction you pushed it (warmth with empathy). Worth knowing, not an alert; set a target if you want one elsewhere.",
};

export function FlagsPanel({
  flags: allFlags, final, tolerance, shiftOf, onShowAnswers, onPlotPair, targeted = [], onOpenConversation,
}: {
  flags: AckableFlag[];
  final: boolean;
  tolerance: number;
  /** "+23 [18, 28] vs baseline" for a trait, shown beside a leakage flag. */
  shiftOf: (key: string) => string;
  onShowAnswers: (flag: ReportFlag) => void;
  onPlotPair: (a: string, b: string) => void;
  /** The run's targeted traits (key, name): a leakage flag offers the requested-behaviour wording for one of them. */
  targeted?: readonly { key: string; name: string }[];
  /** Pressure flags (caves, drifts back) open the conversation that shows them as a chat. */
  onOpenConversation?: (flag: ReportFlag) => void;
}) {
  // Flags acknowledged as expected for the persona are not open problems: they leave the counts and the groups
  // and sit collapsed at the bottom with their reasons.
  const { open: flags, acknowledged } = splitFlags(allFlags);
  const ackGroup = acknowledged.length ? <AcknowledgedGroup flags={acknowledged} /> : null;
  if (flags.length === 0) {
    return (
      <div className="space-y-3">
        {acknowledged.length ? (
          <p className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900" data-testid="no-flags">
            <b>No open flags:</b> {acknowledged.length} acknowledged as expected for this persona{final ? "" : "; flags are recomputed as answers arrive"}.
          </p>
        ) : final ? (
          <p className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900" data-testid="no-flags">
            <b>No flags:</b> no targeted trait is clearly more than ±{tolerance} off the instruction its target compiles to (its band of targets) and no untargeted trait clearly moved. &ldquo;No leakage&rdquo; is claimed per trait only where an equivalence test shows it (see each trait&rsquo;s row).
          </p>
        ) : (
          <p className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-600" data-testid="no-flags">
            No flags so far. Flags are recomputed as answers arrive and may still appear.
          </p>
        )}
        {ackGroup ? <ul aria-label="Flags" className="space-y-2">{ackGroup}</ul> : null}
      </div>
    );
  }
  const groups = groupFlags(flags);
  const leakRow = (flag: AckableFlag) => <CompactFlag key={flag.id} flag={flag} detail={shiftOf(flag.traits[0])} onShowAnswers={onShowAnswers} targeted={targeted} />;
  const counts = flagCounts(allFlags);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600" data-testid="flag-counts">
        <b className="text-slate-900">{counts.head}</b>{counts.kinds ? `: ${counts.kinds}` : ""}{counts.rest.map((r) => ` \u00b7 ${r}`).join("")}.
      </p>
      {/* One list of every flag (asked-for first); the leakage groups nest inside it as collapsible items. */}
      <ul aria-label="Flags" className="space-y-2">
        {groups.asked.map((flag) => <FullFlag key={flag.id} flag={flag} onShowAnswers={onShowAnswers} onPlotPair={onPlotPair} targeted={targeted} onOpenConversation={onOpenConversation} />)}
        {(["moved", "came"] as const).map((kind) => (groups[kind].length ? (
          <LeakGroup key={kind} title={LEAK_GROUP_TITLES[kind]} count={groups[kind].length} open={!groups.collapseLeaks} testId={`leaks-${kind}`} hint={LEAK_GROUP_HINTS[kind]}>
            {groups[kind].map(leakRow)}
          </LeakGroup>
        ) : null))}
        {ackGroup}
      </ul>
    </div>
  );
}

/** Flags acknowledged as expected for this persona: collapsed, each with its reason (and, in the studio, who, when and Undo). */
function AcknowledgedGroup({ flags }: { flags: AckableFlag[] }) {
  const scope = useFlagAckScope();
  return (
    <li>
      <details className="rounded-lg border border-slate-200 bg-white px-3 py-2" data-testid="flags-acknowledged">
        <summary className="cursor-pointer text-sm font-semibold text-slate-800">Acknowledged ({flags.length})</summary>
        <p className="mt-1 text-xs text-slate-500">
          Marked as expected for this persona{scope.audience === "studio" ? " (kept on the persona, so every report of it reads them this way)" : ""}. They are not counted as open flags and the verdict line skips them.
        </p>
        <ul aria-label="Acknowledged flags" className="mt-2 space-y-2">
          {flags.map((flag) => <AcknowledgedFlag key={flag.id} flag={flag} />)}
        </ul>
      </details>
    </li>
  );
}

function AcknowledgedFlag({ flag }: { flag: AckableFlag }) {
  const scope = useFlagAckScope();
  const ack = flag.acknowledged!;
  return (
    <li className="rounded-md border border-l-4 border-slate-200 border-l-emerald-400 bg-slate-50/60 px-3 py-2" data-testid="flag">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Badge tone="green">Expected</Badge>
        <h3 className="text-sm font-medium text-slate-800">{flag.title}</h3>
        {evidenceLine(flag) ? <span className="text-xs tabular-nums text-slate-500">{evidenceLine(flag)}</span> : null}
        {scope.audience === "studio" && scope.canEdit ? <UndoAck scope={scope} ackId={ack.id} /> : null}
      </div>
      <p className="mt-1 text-sm text-slate-700"><span className="text-slate-500">Expected for this persona:</span> {ack.reason}</p>
      {scope.audience === "studio" && ack.by && ack.at ? <p className="mt-0.5 text-xs text-slate-500">by {ack.by}, <TimeAgo iso={ack.at} /></p> : null}
    </li>
  );
}

function UndoAck({ scope, ackId }: { scope: Extract<FlagAckScope, { audience: "studio" }>; ackId: string }) {
  const remove = useRemoveAcknowledgement(scope.workspaceId, scope.personaId);
  const toast = useToast();
  return (
    <Button size="sm" variant="ghost" className="ml-auto" disabled={remove.isPending}
      onClick={() => remove.mutate(ackId, { onSuccess: () => toast("The flag is open again"), onError: (e) => toast(e.message, "error") })}>
      {remove.isPending ? "Undoing…" : "Undo"}
    </Button>
  );
}

/** "Expected for this persona": editors only, in the studio. The form opens below the flag. */
function useAckAction(flag: AckableFlag) {
  const scope = useFlagAckScope();
  const [open, setOpen] = useState(false);
  if (scope.audience !== "studio" || !scope.canEdit) return { button: null, form: null };
  return {
    button: (
      <Button size="sm" variant="ghost" aria-expanded={open} onClick={(e) => { e.preventDefault(); setOpen((o) => !o); }}>
        Expected for this persona
      </Button>
    ),
    form: open ? <AckForm scope={scope} flag={flag} onDone={() => setOpen(false)} /> : null,
  };
}

function AckForm({ scope, flag, onDone }: { scope: Extract<FlagAckScope, { audience: "studio" }>; flag: AckableFlag; onDone: () => void }) {
  const [reason, setReason] = useState(() => prefillReason(flag));
  const [touched, setTouched] = useState(false);
  const ack = useAcknowledgeFlag(scope.workspaceId, scope.personaId);
  const toast = useToast();
  const problem = reasonProblem(reason);
  const sentence = directionSentence(flag);
  const id = `ack-reason-${flag.id.replace(/[^a-z0-9]/gi, "-")}`;
  function submit(e: React.FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (problem) return;
    ack.mutate({ flagId: flag.id, direction: ackDirection(flag), reason: reason.trim() }, {
      onSuccess: () => { toast("Marked as expected for this persona"); onDone(); },
    });
  }
  return (
    <form onSubmit={submit} className="mt-2 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3" aria-label={`Mark “${flag.title}” as expected`}>
      <Field
        label={sentence ? `${sentence} for this persona — why?` : "Why is this expected for this persona?"}
        htmlFor={id}
        error={(touched && problem) || ack.error?.message}
        hint={sentence ? `Only this direction is acknowledged: if ${flagTraitName(flag)} moves the other way on a later report, it is flagged again.` : "Kept on the persona: every report of it shows this flag as acknowledged."}
      >
        <Textarea id={id} value={reason} onChange={(e) => setReason(e.target.value)}
          placeholder="e.g. A support agent is meant to be warm." className="min-h-16" />
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <span className={cn("text-xs tabular-nums", reason.trim().length > ACK_REASON_MAX ? "text-rose-600" : "text-slate-500")} aria-live="polite">
          {reason.trim().length}/{ACK_REASON_MAX}
        </span>
        <Button size="sm" variant="ghost" className="ml-auto" onClick={onDone}>Cancel</Button>
        <Button size="sm" variant="primary" type="submit" disabled={ack.isPending}>{ack.isPending ? "Saving…" : "Mark as expected"}</Button>
      </div>
    </form>
  );
}

/** One leakage group: its title and count, collapsible; open unless a targeted-trait problem sits above it. An item of the "Flags" list holding its own list of flags (each flag is data-testid="flag"). */
function LeakGroup({ title, count, open, hint, testId, children }: { title: string; count: number; open: boolean; hint: string; testId: string; children: React.ReactNode }) {
  return (
    <li>
      <details open={open} className="rounded-lg border border-slate-200 bg-slate-50/60 px-3 py-2" data-testid={testId}>
        <summary className="cursor-pointer text-sm font-semibold text-slate-800">{title} ({count})</summary>
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
        <ul aria-label={title} className="mt-2 space-y-2">{children}</ul>
      </details>
    </li>
  );
}

const VERDICT_TONE: Record<NonNullable<ProbeReport["verdictLine"]>["severity"], string> = {
  alert: "border-rose-200 border-l-rose-500 bg-rose-50 text-rose-950",
  warn: "border-amber-200 border-l-amber-400 bg-amber-50 text-amber-950",
  ok: "border-emerald-200 border-l-emerald-500 bg-emerald-50 text-emerald-950",
  pending: "border-slate-200 border-l-slate-400 bg-slate-50 text-slate-700",
};

/** The report's one-sentence verdict: the main issue, on top of everything else. Absent on reports stored by older methods. */
export function VerdictBanner({ line }: { line: ProbeReport["verdictLine"] }) {
  if (!line) return null;
  return (
    <p role="status" data-testid="verdict-line" className={cn("rounded-lg border border-l-4 px-4 py-3 text-sm font-semibold", VERDICT_TONE[line.severity])}>
      {line.text}
    </p>
  );
}

function SeverityBadge({ flag }: { flag: ReportFlag }) {
  return <Badge tone={flag.severity === "alert" ? "rose" : "amber"}>{flag.severity === "alert" ? "Alert" : "Warning"}</Badge>;
}

/** "Try the requested-behaviour wording": leakage flags, editors in the studio, a persona with targeted traits. */
function WordingAction({ flag, targeted }: { flag: ReportFlag; targeted: readonly { key: string; name: string }[] }) {
  const scope = useFlagAckScope();
  if (flag.kind !== "leakage" || scope.audience !== "studio" || !scope.canEdit || targeted.length === 0) return null;
  const trait = wordingTraitFor(flag, targeted.map((t) => t.key));
  return <RequestedWordingButton workspaceId={scope.workspaceId} personaId={scope.personaId} trait={trait ?? (targeted.length === 1 ? targeted[0].key : null)} choices={targeted} />;
}

/** What designers act on first: the explanation with its numbers, in full. */
function FullFlag({ flag, onShowAnswers, onPlotPair, targeted, onOpenConversation }: {
  flag: AckableFlag; onShowAnswers: (f: ReportFlag) => void; onPlotPair: (a: string, b: string) => void; targeted: readonly { key: string; name: string }[];
  onOpenConversation?: (f: ReportFlag) => void;
}) {
  const conversation = flag.evidence.conversation;
  const evidence = conversation !== undefined && onOpenConversation ? 0 : flag.evidence.answerIds?.length ?? 0;
  const ack = useAckAction(flag);
  return (
    <li data-testid="flag" className={cn("rounded-lg border border-l-4 bg-white px-4 py-3", flag.severity === "alert" ? "border-rose-200 border-l-rose-500" : "border-amber-200 border-l-amber-400")}>
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge flag={flag} />
        <Badge tone="slate">{labelOf(flag)}</Badge>
        <h3 className="text-sm font-semibold text-slate-900">{flag.title}</h3>
      </div>
      {evidenceLine(flag) ? <p className="mt-1 text-xs tabular-nums text-slate-500" data-testid="flag-evidence">{evidenceLine(flag)}</p> : null}
      <p className="mt-1.5 text-sm leading-relaxed text-slate-700">{flag.explanation}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        {evidence ? <Button size="sm" onClick={() => onShowAnswers(flag)}>Show the answers ({evidence})</Button> : null}
        {conversation !== undefined && onOpenConversation ? <Button size="sm" onClick={() => onOpenConversation(flag)}>Open the conversation (c{conversation + 1})</Button> : null}
        {flag.traits.length >= 2 ? <Button size="sm" variant="ghost" onClick={() => onPlotPair(flag.traits[0], flag.traits[1])}>Plot this pair</Button> : null}
        {ack.button}
        <WordingAction flag={flag} targeted={targeted} />
      </div>
      {ack.form}
    </li>
  );
}

/** Leakage reads the same for every trait: one line each, the explanation a click away. */
function CompactFlag({ flag, detail, onShowAnswers, targeted }: {
  flag: AckableFlag; detail: string; onShowAnswers: (f: ReportFlag) => void; targeted: readonly { key: string; name: string }[];
}) {
  const evidence = flag.evidence.answerIds?.length ?? 0;
  const ack = useAckAction(flag);
  return (
    <li data-testid="flag" className={cn("rounded-lg border border-l-4 bg-white px-4 py-2", flag.severity === "alert" ? "border-rose-200 border-l-rose-500" : "border-amber-200 border-l-amber-400")}>
      {/* The buttons sit beside the summary, not inside it: a summary is itself a button. */}
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <details className="group min-w-0 flex-1">
          <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1">
            <SeverityBadge flag={flag} />
            <h3 className="text-sm font-semibold text-slate-900">{flag.title}</h3>
            <span className="text-sm tabular-nums text-slate-600">{evidenceLine(flag) ?? detail}</span>
            <span className="ml-auto text-xs text-slate-500 group-open:hidden">Why?</span>
          </summary>
          <p className="mt-1.5 pb-1 text-sm leading-relaxed text-slate-700">{flag.explanation}</p>
        </details>
        <span className="flex items-center gap-2">
          {evidence ? <Button size="sm" variant="ghost" onClick={() => onShowAnswers(flag)}>Show the answers ({evidence})</Button> : null}
          {ack.button}
        </span>
      </div>
      <WordingAction flag={flag} targeted={targeted} />
      {ack.form}
    </li>
  );
}
