import { cn } from "@/components/ui/cn";
import { describeOutcomes, type OutcomeCounts } from "@/lib/probing/chart-prep";

// How many answers were not behaviour (empty, refused, cut short, failed) and
// so not scored: a landing over a few answers that did come back reads the
// same as one over all of them, so the rate is shown beside it, in amber when
// more than a tenth of the answers did not count.

export function OutcomeRates({ outcomes }: { outcomes: Readonly<Record<string, OutcomeCounts>> | undefined }) {
  const line = describeOutcomes(outcomes);
  if (!line) return null;
  return (
    <p
      role={line.warn ? "alert" : undefined}
      data-testid="outcome-rates"
      className={cn("rounded-md border px-3 py-2 text-sm", line.warn ? "border-amber-300 bg-amber-50 text-amber-900" : "border-slate-200 bg-slate-50 text-slate-600")}
    >
      {line.text}.{line.warn ? " The landing speaks only for the answers that came back whole." : ""}
    </p>
  );
}
