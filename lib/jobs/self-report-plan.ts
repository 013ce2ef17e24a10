import "server-only";
import type { CallGate, CallResult } from "@/lib/jobs/model-call";
import type { AnswerRow, Task } from "@/lib/jobs/pressure-plan";
import type { Ticket } from "@/lib/jobs/run-usage";
import type { ChatMessage } from "@/lib/llm/types";
import { parseSelfRating } from "@/lib/probing/pressure/simulated-user";
import { SELF_REPORT_KIND, type FrozenSelfReport } from "@/lib/schemas/pressure";

// Self-report items (issue 14 §3; contract in lib/schemas/pressure.ts): each
// watched trait's self-rating questions, asked once in the persona arm. The
// answer is read, never judged: scores = { [trait]: the number it gives }
// (parseSelfRating), outcome "scored"; with no number 0–100 it is stored
// "empty" (scores null) and asked once more with the next sample index, as is
// an answer whose call failed. One call each, reserved before it is issued.
// On resume the attempts are counted from the stored rows.

const ATTEMPTS = 2;

export type SelfReportContext = {
  runId: string;
  systemPrompt: string;
  /** The target's answer; `seed` is config.seed + the sample index, so a second attempt is a new call. */
  target: (messages: ChatMessage[], sampleIndex: number, gate: CallGate) => Promise<CallResult>;
  store: (data: AnswerRow) => Promise<void>;
  failed: (e: unknown) => string | null;
  succeeded: () => void;
  onAnswer?: () => void | Promise<void>;
};

type Item = { trait: string; itemIndex: number; question: string; attempts: number; scored: boolean; busy: boolean };

export class SelfReportPlan {
  private readonly items: Item[];

  constructor(config: FrozenSelfReport, stored: readonly { kind: string; traitKey: string; itemIndex: number; sampleIndex: number; status: string; outcome?: string | null }[]) {
    this.items = Object.entries(config.items).flatMap(([trait, questions]) =>
      questions.map((question, itemIndex) => ({ trait, itemIndex, question, attempts: 0, scored: false, busy: false })));
    for (const row of stored) {
      if (row.kind !== SELF_REPORT_KIND) continue;
      const item = this.items.find((i) => i.trait === row.traitKey && i.itemIndex === row.itemIndex);
      if (!item) continue;
      item.attempts = Math.max(item.attempts, row.sampleIndex + 1);
      if (row.status === "done" && row.outcome === "scored") item.scored = true;
    }
  }

  private ready(): Item | undefined {
    return this.items.find((i) => !i.busy && !i.scored && i.attempts < ATTEMPTS);
  }

  pending(reached: boolean): boolean {
    return !reached && this.ready() !== undefined;
  }

  nextTask(ctx: SelfReportContext, reserve: (calls: number) => Ticket | null): Task | null {
    const item = this.ready();
    if (!item) return null;
    const ticket = reserve(1);
    if (!ticket) return null;
    item.busy = true;
    const sampleIndex = item.attempts++;
    return (release) => this.ask(ctx, item, sampleIndex, ticket, release);
  }

  private async ask(ctx: SelfReportContext, item: Item, sampleIndex: number, ticket: Ticket, release: () => void) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const unique = { runId: ctx.runId, kind: SELF_REPORT_KIND, traitKey: item.trait, itemIndex: item.itemIndex, sampleIndex };
    try {
      const gen = await ctx.target([{ role: "system", content: ctx.systemPrompt }, { role: "user", content: item.question }], sampleIndex, ticket);
      ctx.succeeded();
      const rating = parseSelfRating(gen.text);
      item.scored = rating !== null; // not: asked once more (ready())
      item.busy = false;
      release();
      ticket.release();
      await ctx.store({
        ...unique, message: item.question, answer: gen.text, status: "done",
        scores: rating === null ? null : JSON.stringify({ [item.trait]: rating }), outcome: rating === null ? "empty" : "scored",
        finishReason: gen.finishReason, servedModel: gen.servedModel, promptTokens: gen.promptTokens, latencyMs: gen.latencyMs, tokens: gen.tokens,
      });
    } catch (e) {
      item.busy = false;
      release();
      ticket.release();
      const error = ctx.failed(e);
      if (error === null) return;
      await ctx.store({ ...unique, message: item.question, status: "failed", error });
    }
    await ctx.onAnswer?.();
  }
}
