import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import {
  agreementOf, panelSentence, retestSentence, SELF_JUDGED_HINT, SELF_JUDGED_TEXT,
} from "@/lib/probing/judge-reliability";
import type { JudgeReliability as Reliability } from "@/lib/schemas/probe";

// "The judge" section of a report: whether the target scored its own answers,
// and how far the judge can be trusted per trait — its agreement with itself on
// a re-judged sample (test–retest) and, with a panel, with other judge models.

export function JudgeReliability({ reliability }: { reliability: Reliability }) {
  const measured = reliability.traits.some((t) => t.retest || t.panel);
  const planned = reliability.retestShare > 0 || reliability.panel.length > 0;
  return (
    <Section
      title="The judge"
      description="Who scored the answers, and how consistently: the run's judge against itself on a re-judged sample, and against the panel judges when the probe has any."
    >
      {reliability.selfJudged ? (
        <div role="note" className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="self-judged">
          <p className="font-medium">{SELF_JUDGED_TEXT}.</p>
          <p className="mt-0.5 text-xs">{SELF_JUDGED_HINT}</p>
        </div>
      ) : (
        <p className="mb-3 text-sm text-slate-600">Judged by {reliability.judge.model}, not by the target model.</p>
      )}
      {measured ? (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="py-1 pr-4 font-medium">Trait</th>
              <th className="py-1 pr-4 font-medium">Test–retest</th>
              {reliability.panel.length ? <th className="py-1 font-medium">Judge panel</th> : null}
            </tr>
          </thead>
          <tbody>
            {reliability.traits.map((t) => (
              <tr key={t.key} className="border-t border-slate-100 align-top">
                <td className="py-2 pr-4 font-medium text-slate-800">{t.name}</td>
                <td className="py-2 pr-4 text-slate-700">{t.retest ? retestSentence(t.retest) : "—"}</td>
                {reliability.panel.length ? (
                  <td className="py-2 text-slate-700">
                    {t.panel?.alpha != null && agreementOf(t.panel.alpha) === "disagree" ? <Badge tone="amber" className="mr-1">care</Badge> : null}
                    {t.panel ? panelSentence(t.panel) : "—"}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
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
