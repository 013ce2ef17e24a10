"use client";
import { cn } from "@/components/ui/cn";
import type { AnswersQuery } from "@/lib/query/probe-hooks";
import { shortMessage } from "@/lib/probing/chart-prep";
import { SCENARIO_ANSWERS_KEY, type ProbeAnswer } from "@/lib/schemas/probe";

// Answers to the persona's own scenarios in the answers view (issue 12 §2):
// labelled "Scenario 3 · <the message>" instead of a trait, with the turns
// before the message one click away, and a filter to show only them.

/** Where a trait's answers come from: its library items, or the run's scenarios (judged on every watched trait). */
export type AnswerSource = "items" | "scenarios";

export const isScenarioAnswer = (a: Pick<ProbeAnswer, "traitKey">) => a.traitKey === SCENARIO_ANSWERS_KEY;

const HEADING_CHARS = 80;

/** "Scenario 3 · I want a refund for…" (the message cut at 80 characters). */
export function scenarioHeading(a: Pick<ProbeAnswer, "itemIndex" | "message" | "scenario">): string {
  return `Scenario ${a.scenario?.number ?? a.itemIndex + 1} · ${shortMessage(a.message, HEADING_CHARS)}`;
}

/**
 * The query of the answers view: a trait's answers are its library items, or the scenario answers
 * (each scored on every watched trait, the trait highlighted); other requests (ids) are as asked.
 */
export function answersQueryFor(query: AnswersQuery, kind: "persona" | "baseline", source: AnswerSource): AnswersQuery {
  if (!query.trait) return query;
  return { ...query, trait: source === "scenarios" ? SCENARIO_ANSWERS_KEY : query.trait, kind, limit: query.limit ?? 30 };
}

/** The answers shown: all, or only those to scenarios. */
export const shownAnswers = (answers: ProbeAnswer[], scenariosOnly: boolean) => (scenariosOnly ? answers.filter(isScenarioAnswer) : answers);

/** The conversation before a scenario's message, collapsed by default. */
export function ScenarioContext({ answer }: { answer: Pick<ProbeAnswer, "scenario"> }) {
  const turns = answer.scenario?.context ?? [];
  if (turns.length === 0) return null;
  return (
    <details className="rounded-md border border-slate-100 px-3 py-1.5 text-sm" data-testid="scenario-context">
      <summary className="cursor-pointer text-xs font-medium text-slate-600">Conversation before it ({turns.length} turn{turns.length === 1 ? "" : "s"})</summary>
      <ol className="mt-2 space-y-1.5">
        {turns.map((t, i) => (
          <li key={i} className={cn("rounded-md px-3 py-1.5", t.role === "user" ? "bg-slate-50 text-slate-700" : "bg-white text-slate-600 ring-1 ring-inset ring-slate-100")}>
            <span className="font-medium text-slate-900">{t.role === "user" ? "User: " : "Assistant: "}</span>{t.content}
          </li>
        ))}
      </ol>
    </details>
  );
}
