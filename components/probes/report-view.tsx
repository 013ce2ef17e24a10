"use client";
import { useMemo, useState } from "react";
import { Section } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { IntervalBars } from "@/components/charts/interval-bars";
import { LandingRadar } from "@/components/charts/landing-radar";
import { PairScatter } from "@/components/charts/pair-scatter";
import { TensionHeatmap } from "@/components/charts/tension-heatmap";
import { AnswersDialog, type AnswersRequest } from "@/components/probes/answers-dialog";
import { ChecksSection } from "@/components/probes/checks-section";
import { ControlArms } from "@/components/probes/control-arms";
import { FlagsPanel, VerdictBanner } from "@/components/probes/flags-panel";
import { JudgeReliability } from "@/components/probes/judge-reliability";
import { OutcomeRates } from "@/components/probes/outcome-rates";
import { RangeCheck } from "@/components/probes/range-check";
import { ScenarioLanding } from "@/components/probes/scenario-landing";
import { ThresholdsTable } from "@/components/probes/thresholds-table";
import { ConversationDialog, type ConversationRequest } from "@/components/probes/pressure/conversation-dialog";
import { FramingAction } from "@/components/probes/pressure/framing-action";
import { FramingSection } from "@/components/probes/pressure/framing-section";
import { PressureSection } from "@/components/probes/pressure/pressure-section";
import { SelfReportSection } from "@/components/probes/pressure/self-report-section";
import { defaultPair, heatmap, intervalRows, pairScatter, radarRows, shiftText, thresholdValue } from "@/lib/probing/chart-prep";
import { workspaceConversationFetcher, type ConversationFetcher } from "@/lib/query/conversation-hooks";
import type { AnswersFetcher } from "@/lib/query/share-hooks";
import type { ProbeRunDetail, ReportFlag } from "@/lib/schemas/probe";

// The body of a probe report: flags first (what to act on), then where the
// persona lands (radar, interval table), one trait pair up close (scatter),
// all pairs at once (heatmap) and the thresholds. Works on a partial report
// while the run is collecting answers; every chart fills in as it polls.

/** What the report needs of a run; a share page has these without the rest. */
type ReportRun = Pick<ProbeRunDetail, "id" | "report" | "targets"> & { personaId?: string };

/** In a workspace, answers and conversations come from its probe-run routes; a share page passes its own fetchers instead. */
type AnswersSource =
  | { workspaceId: string; answersFetcher?: undefined; conversationFetcher?: undefined }
  | { workspaceId?: undefined; answersFetcher: AnswersFetcher; conversationFetcher?: ConversationFetcher };

export function ReportView({ workspaceId, run, answersFetcher, conversationFetcher }: AnswersSource & { run: ReportRun }) {
  const report = run.report;
  const names = useMemo(() => new Map(report.rows.map((r) => [r.key, r.name])), [report.rows]);
  const nameOf = (key: string) => names.get(key) ?? key;
  const [picked, setPicked] = useState<[string, string] | null>(null);
  const [answers, setAnswers] = useState<AnswersRequest | null>(null);
  const pair = picked ?? defaultPair(report);
  const tolerance = thresholdValue(report.thresholds, "tolerance", 10);
  const hasData = report.rows.some((r) => r.landing.n > 0);
  const [conversation, setConversation] = useState<ConversationRequest | null>(null);
  const conversations = useMemo(
    () => conversationFetcher ?? (workspaceId ? workspaceConversationFetcher(workspaceId, run.id) : null),
    [conversationFetcher, workspaceId, run.id],
  );
  const traitInfo = (key: string) => ({ name: nameOf(key), target: run.targets[key] ?? null, window: report.verdicts?.targets.find((t) => t.key === key)?.window ?? null });

  const showTrait = (key: string) =>
    setAnswers({ title: `Answers to ${nameOf(key)} items`, description: "Each answer with the judge's score on every watched trait.", query: { trait: key }, highlight: [key] });
  const showFlag = (flag: ReportFlag) =>
    setAnswers({ title: flag.title, description: "The answers that show this flag best, most telling first.", query: { ids: flag.evidence.answerIds ?? [] }, highlight: flag.traits });
  const showFailedCheck = (row: { description: string; failingAnswerIds: string[] }) =>
    setAnswers({ title: `Failed: ${row.description}`, description: "The persona's answers to this scenario that did not pass the check.", query: { ids: row.failingAnswerIds }, highlight: [] });
  const showAnswer = (id: string) =>
    setAnswers({ title: "One answer", query: { ids: [id] }, highlight: pair ?? [] });
  const openFlagConversation = (flag: ReportFlag) => {
    const index = flag.evidence.conversation;
    if (index === undefined) return;
    const trait = flag.traits[0];
    setConversation({ index, id: `c${index + 1}`, trait, threshold: report.pressure?.thresholds[trait] ?? 50 });
  };
  const plotPair = (a: string, b: string) => {
    setPicked([a, b]);
    document.getElementById("pair")?.scrollIntoView({ behavior: "smooth", block: "start" });
  };

  return (
    <div className="space-y-6">
      <VerdictBanner line={report.verdictLine} />
      <OutcomeRates outcomes={report.outcomes} />
      <Section title="Flags" description={report.final ? "Findings to act on, most important first" : "Provisional: recomputed as answers arrive"}>
        <FlagsPanel
          flags={report.flags} final={report.final} tolerance={tolerance} onShowAnswers={showFlag} onPlotPair={plotPair}
          onOpenConversation={conversations ? openFlagConversation : undefined}
          targeted={report.rows.filter((r) => r.target !== null).map((r) => ({ key: r.key, name: r.name }))}
          shiftOf={(key) => { const row = report.rows.find((r) => r.key === key); return row ? shiftText(row.shift) : ""; }}
        />
      </Section>
      {report.judgeReliability ? <JudgeReliability reliability={report.judgeReliability} /> : null}
      <RangeCheck workspaceId={workspaceId} run={run} />
      <ControlArms pairs={report.controlPairs} nameOf={nameOf} />

      {!hasData ? (
        <Section title="Where the persona lands">
          <p className="text-sm text-slate-500">Waiting for the first judged answers… the charts fill in as they arrive.</p>
        </Section>
      ) : (
        <>
          <Section title="Where the persona lands" description="Target vs landing vs the neutral assistant's baseline, per watched trait (0–100). Click a trait name to read its answers.">
            <LandingRadar rows={radarRows(report)} onPickTrait={showTrait} />
          </Section>

          <Section title="Landing by trait" description="Mean judged score with its 95% interval, n answers, and the shift from baseline with its interval. A trait you did not target is measured for its shift (every answer of the run counts), so its own landing may rest on as few as 6 items and draw a wide bar; target it to place it precisely.">
            <IntervalBars rows={intervalRows(report)} tolerance={tolerance} onPickTrait={showTrait} />
          </Section>

          <ScenarioLanding report={report} />
          <ChecksSection report={report} onShowAnswers={showFailedCheck} />

          {/* Issue 14: under pressure, in its own words, and how it is asked. */}
          {report.pressure ? <PressureSection pressure={report.pressure} traitInfo={traitInfo} tolerance={tolerance} onOpenConversation={conversations ? setConversation : undefined} /> : null}
          {report.selfReport ? <SelfReportSection report={report.selfReport} nameOf={nameOf} /> : null}
          {report.framing ? (
            <FramingSection framing={report.framing} nameOf={nameOf}
              action={workspaceId && run.personaId ? <FramingAction workspaceId={workspaceId} personaId={run.personaId} trait={report.framing.trait} name={nameOf(report.framing.trait)} /> : null} />
          ) : null}

          <Section
            id="pair"
            title="Trait pair"
            description="One dot per persona answer, scored on both traits. A trade-off shows as a cloud sloping down and a centroid short of the target."
            actions={pair ? <PairPicker keys={report.rows.map((r) => r.key)} nameOf={nameOf} pair={pair} onChange={setPicked} /> : null}
          >
            {pair ? (
              <PairScatter data={pairScatter(report, pair[0], pair[1])} names={nameOf} onPickAnswer={showAnswer} />
            ) : (
              <p className="text-sm text-slate-500">Watch two or more traits to compare a pair.</p>
            )}
          </Section>

          <Section title="Tensions between traits" description="Answer-level correlation for every pair of watched traits.">
            <TensionHeatmap data={heatmap(report)} selected={pair} onPickPair={plotPair} />
          </Section>
        </>
      )}

      <Section title="How the flags are decided" description="The thresholds in force for this report">
        <ThresholdsTable thresholds={report.thresholds} />
      </Section>

      <ConversationDialog fetcher={conversations} request={conversation} onClose={() => setConversation(null)} nameOf={nameOf} />
      <AnswersDialog workspaceId={workspaceId ?? ""} runId={run.id} fetcher={answersFetcher} request={answers} onClose={() => setAnswers(null)} nameOf={nameOf} targets={run.targets} />
    </div>
  );
}

function PairPicker({
  keys, nameOf, pair, onChange,
}: { keys: string[]; nameOf: (k: string) => string; pair: [string, string]; onChange: (p: [string, string]) => void }) {
  const options = keys.map((k) => <option key={k} value={k}>{nameOf(k)}</option>);
  return (
    <div className="flex min-w-0 items-center gap-2 text-xs text-slate-500">
      <label htmlFor="pair-x">X</label>
      <Select id="pair-x" value={pair[0]} onChange={(e) => onChange([e.target.value, pair[1]])} className="h-8 w-52 min-w-0 shrink py-1 text-xs">{options}</Select>
      <label htmlFor="pair-y">Y</label>
      <Select id="pair-y" value={pair[1]} onChange={(e) => onChange([pair[0], e.target.value])} className="h-8 w-52 min-w-0 shrink py-1 text-xs">{options}</Select>
    </div>
  );
}
