import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import {
  agreementOf, panelSentence, retestSentence, SELF_JUDGED_HINT, SELF_JUDGED_TEXT,
} from "@/lib/probing/chart-prep";
import type { JudgeReliability as Reliability } from "@/lib/schemas/probe";

// "The judge" section of a report: whether the target scored its own answers,
// and how far the judge can be trusted per trait — its agreement with itself on
// a re-judged sample (test–retest) and, with a panel, with other judge models.

export function JudgeReliability({ reliability }: { reliability: Reliability }) {
  const measured = reliability.traits.some((t) => t.retest || t.panel);
  const planned = reliability.retestShare > 0 || reliability.panel.length > 0;
  const hasPanel = reliability.panel.length > 0;
  const cols = hasPanel ? "sm:grid-cols-[10rem_minmax(0,1.4fr)_minmax(0,1fr)]" : "sm:grid-cols-[10rem_minmax(0,1fr)]";
  return (
    <Section
      title="The judge"
      description="Who scored the answers, and how consistently: the run's judge against itself on a re-judged sample, and against the panel judges when the probe has any."
    >
      {reliability.selfJudged ? (
        <div role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="self-judged">
          <p className="font-medium">{SELF_JUDGED_TEXT}.</p>
          <p className="mt-0.5 text-xs">{SELF_JUDGED_HINT}</p>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Judged by {reliability.judge.model}, not by the target model.</p>
      )}
      {measured ? (
        // A table on wide screens; on a phone each trait stacks its sentences under their labels.
        <div className="text-sm" role="table" aria-label="Judge reliability by trait">
          <div role="row" className={cn("hidden gap-x-4 pb-1 text-xs uppercase tracking-wide text-slate-500 sm:grid", cols)}>
            <span role="columnheader" className="font-medium">Trait</span>
            <span role="columnheader" className="font-medium">Test–retest</span>
            {hasPanel ? <span role="columnheader" className="font-medium">Judge panel</span> : null}
          </div>
          {reliability.traits.map((t) => (
            <div role="row" key={t.key} className={cn("grid gap-x-4 gap-y-1 border-t border-slate-100 py-2", cols)}>
              <span role="cell" className="font-medium text-slate-800">{t.name}</span>
              <span role="cell" className="text-slate-700">
                <span className="text-xs text-slate-500 sm:hidden">Test–retest: </span>{t.retest ? retestSentence(t.retest) : "—"}
              </span>
              {hasPanel ? (
                <span role="cell" className="text-slate-700">
                  <span className="text-xs text-slate-500 sm:hidden">Judge panel: </span>
                  {t.panel?.alpha != null && agreementOf(t.panel.alpha) === "disagree" ? <Badge tone="amber" className="mr-1">care</Badge> : null}
                  {t.panel ? panelSentence(t.panel) : "—"}
                </span>
              ) : null}
            </div>
          ))}
        </div>
      ) : (
        <p className="text-sm text-slate-500">
          {planned
            ? "The re-judged sample is scored once sampling is done; the figures appear when the run completes."
            : "This probe did not re-judge a sample, so the judge's consistency was not measured."}
        </p>
      )}
      {reliability.judgments.failed ? (
        <p className="mt-2 text-xs text-slate-500">{reliability.judgments.failed} second judgment{reliability.judgments.failed === 1 ? "" : "s"} failed and {reliability.judgments.failed === 1 ? "is" : "are"} left out.</p>
      ) : null}
    </Section>
  );
}
