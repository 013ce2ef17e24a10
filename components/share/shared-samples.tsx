import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { Avatar } from "@/components/share/avatar";
import { Empty, PageSection } from "@/components/share/page-section";
import { SampleContext } from "@/components/review/sample-context";
import type { SampleRecording } from "@/lib/schemas/review";

// The recorded sample answers of the shared version as a conversation: each
// user message, then the persona's answer. A failed call shows as "no answer"
// without its error text, which may name the provider. An answer to one of the
// persona's scenarios has the conversation before it and the scenario's note
// (what a good answer does) folded away above the message.

/** Why there are none, in words: a shared page never shows an unexplained empty section (issue 16 §8). */
export function missingText(missing: "nothing_to_answer" | "not_recorded" | null, version: number): string {
  return missing === "nothing_to_answer"
    ? `Version ${version} has no sample messages or scenarios, so there are no sample answers to show.`
    : `No sample answers were recorded for version ${version} yet. The prompt on this page shows how the persona is set up.`;
}

export function SharedSamples({
  samples, missing = null, version, personaName,
}: { samples: SampleRecording | null; missing?: "nothing_to_answer" | "not_recorded" | null; version: number; personaName: string }) {
  return (
    <PageSection
      id="samples"
      title="Sample answers"
      description={samples ? <>Recorded by {samples.createdBy} <TimeAgo iso={samples.createdAt} /> with {samples.simulated ? "the simulator" : samples.label}.</> : undefined}
    >
      {!samples || samples.answers.length === 0 ? (
        <Empty>{missingText(missing, version)}</Empty>
      ) : (
        <Card className="space-y-6 px-4 py-5 sm:px-6">
          {samples.simulated ? (
            <div className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" role="note" data-testid="simulated-note">
              <p className="font-semibold">Simulator — not a language model</p>
              <p className="mt-0.5 text-amber-800">
                These answers come from the studio’s built-in simulator, a deterministic stand-in for a model. They show the persona’s
                shape, not how a real language model would word it.
              </p>
            </div>
          ) : null}
          <ol className="space-y-7" aria-label="Sample conversation">
            {[...samples.answers].sort((a, b) => a.index - b.index).map((a) => (
              <li key={a.id} className="space-y-2.5" data-testid="shared-sample">
                <SampleContext answer={a} assistantName={personaName} className="text-sm" />
                <div className="flex justify-end">
                  <p className="max-w-[88%] rounded-2xl rounded-br-md bg-brand-600 px-4 py-2.5 text-sm leading-relaxed whitespace-pre-wrap text-white sm:max-w-[75%]">
                    <span className="sr-only">User: </span>{a.message}
                  </p>
                </div>
                <div className="flex items-start gap-2.5">
                  <Avatar name={personaName} />
                  {a.answer !== null ? (
                    <p className="max-w-[88%] rounded-2xl rounded-tl-md border border-slate-200 bg-slate-50 px-4 py-2.5 text-sm leading-relaxed whitespace-pre-wrap break-words text-slate-800 sm:max-w-[80%]">
                      <span className="sr-only">{personaName}: </span>{a.answer}
                    </p>
                  ) : (
                    <p className="rounded-2xl rounded-tl-md border border-dashed border-slate-300 px-4 py-2.5 text-sm text-slate-500 italic">
                      No answer was recorded for this message.
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </Card>
      )}
    </PageSection>
  );
}
