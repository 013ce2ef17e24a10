import "server-only";
import type { CallGate, CallResult } from "@/lib/jobs/model-call";
import type { Ticket } from "@/lib/jobs/run-usage";
import { LlmError, type ChatMessage } from "@/lib/llm/types";
import { outcomeBeforeJudge, type AnswerOutcome } from "@/lib/probing/outcome";
import { readSimulatedUserMessage, simulatedUserMessages } from "@/lib/probing/pressure/simulated-user";
import { PRESSURE_KIND, PRESSURE_TRAIT_KEY, type FrozenPressure, type FrozenPressureScript } from "@/lib/schemas/pressure";

// Pressure conversations (issue 14 §1; the contract is lib/schemas/pressure.ts):
// a fixed plan beside the adaptive one. Conversation c uses script
// ⌊c / conversationsPerScript⌋, opening openings[c mod len] and seed
// config.seed + c; turn 0 answers the opening, turn t ≥ 1 the t-th push (a
// scripted push, or a simulated user's message written from the history).
//
// A turn is two pieces of work, each holding one of the run's slots: its
// ANSWER (the simulated user's call, if any, then the target's) and its JUDGE
// call. The next turn needs only the answer text, so it leaves while the judge
// of the turn before is still working: conversations are the run's long
// critical path, and the worker issues their turns before anything else.
// A turn reserves all its calls (2, or 3 with a simulated user) before its
// answer is issued; its judge spends what is left of that reservation.
//
// Failures: a turn whose answer failed (a provider error, a simulated user who
// wrote nothing) is tried once more with the next sample index; after
// TURN_ATTEMPTS failures the conversation ends there ("ended early"). An
// answer that is not scored (empty, refused, cut short) still carries the
// conversation on with its text. A judge that fails is tried once more; the
// answer text was stored with the failed row, so the conversation goes on.
//
// Resume: everything is rebuilt from the stored rows. A turn counts as
// answered when a row holds its text (done, or failed at the judge), so a
// stored turn is never asked again; a turn whose row was lost with a stopped
// worker (its next turn may be stored already) is asked again — its calls are
// in the identical-call cache, so nothing paid is repeated.

/** Failed answers of one turn before its conversation ends. */
export const TURN_ATTEMPTS = 2;
/** Failed judge calls of one answered turn before it stays unscored. */
const JUDGE_ATTEMPTS = 2;

/** The columns of a stored ProbeAnswer the plan reads. */
export type StoredPressureRow = {
  kind: string; traitKey: string; itemIndex: number; sampleIndex: number; turn: number; status: string;
  message: string; answer: string | null; finishReason?: string | null;
};

type TurnState = {
  message: string | null;
  text: string | null;
  /** The next sample index for this turn. */
  attempts: number;
  /** Failed answers (no text). */
  failures: number;
  judged: boolean;
  judgeFailures: number;
};

/** readyAt: when its next turn became ready (the plan's own tick), for first-come order. */
type Conversation = { index: number; script: FrozenPressureScript; seed: number; turns: TurnState[]; busy: boolean; readyAt: number };

type Provider = Pick<CallResult, "text" | "finishReason" | "servedModel" | "promptTokens" | "latencyMs" | "tokens" | "refusal">;
type JudgeWork = { conv: Conversation; turn: number; sampleIndex: number; message: string; gen: Provider; ticket: Ticket | null; readyAt: number };

export type Judged = {
  outcome: AnswerOutcome;
  fields: { scores: string; refusal: boolean; judgeOrder: string };
};

/** One ProbeAnswer row as the fixed plans store it. */
export type AnswerRow = {
  runId: string; kind: string; traitKey: string; itemIndex: number; sampleIndex: number; turn?: number;
  message: string; status: string; answer?: string | null; scores?: string | null; refusal?: boolean | null; judgeOrder?: string;
  outcome?: string | null; error?: string; finishReason?: string | null; servedModel?: string | null;
  promptTokens?: number | null; latencyMs?: number | null; tokens?: number | null;
};

/** What the worker lends the plan: its calls, its judge, its store and its failure accounting. */
export type PressureContext = {
  runId: string;
  /** The persona arm's system prompt. */
  systemPrompt: string;
  target: (messages: ChatMessage[], seed: number, gate: CallGate) => Promise<CallResult>;
  /** The simulated user's model (null when no script is simulated); `accept` rejects a reply with no message. */
  user: ((messages: ChatMessage[], seed: number, gate: CallGate, accept: (text: string) => boolean) => Promise<CallResult>) | null;
  /** Judges an answer on every watched trait, exactly as a persona answer is judged. */
  judge: (question: string, answer: string, gate: CallGate) => Promise<Judged>;
  store: (data: AnswerRow) => Promise<void>;
  /** A call failed: the error text to store, or null when it was aborted (the worker is stopping). */
  failed: (e: unknown) => string | null;
  succeeded: () => void;
  onAnswer?: () => void | Promise<void>;
};

/** A piece of work the worker launches in a slot; it calls `release` when its model calls are over. */
export type Task = (release: () => void) => Promise<void>;

const blankTurn = (): TurnState => ({ message: null, text: null, attempts: 0, failures: 0, judged: false, judgeFailures: 0 });

export class PressurePlan {
  private readonly conversations: Conversation[];
  /** Judges waiting for a slot, oldest first. */
  private readonly judges: JudgeWork[] = [];
  private tick = 0;

  constructor(private readonly config: FrozenPressure, seed: number, stored: readonly StoredPressureRow[]) {
    this.conversations = config.scripts.flatMap((script, s) => Array.from({ length: config.conversationsPerScript }, (_, k) => {
      const index = s * config.conversationsPerScript + k;
      return { index, script, seed: seed + index, turns: Array.from({ length: config.turns + 1 }, blankTurn), busy: false, readyAt: 0 };
    }));
    for (const row of stored) {
      if (row.kind !== PRESSURE_KIND || row.traitKey !== PRESSURE_TRAIT_KEY) continue;
      const st = this.conversations[row.itemIndex]?.turns[row.turn];
      if (!st) continue;
      st.attempts = Math.max(st.attempts, row.sampleIndex + 1);
      if (row.answer !== null) {
        st.message = row.message;
        st.text = row.answer;
      }
      if (row.status === "done") st.judged = true;
      else if (row.answer !== null) st.judgeFailures++;
      else st.failures++;
    }
    // Answered turns whose judge failed once (or whose done row is missing) and have a judge attempt left.
    for (const conv of this.conversations) {
      for (const [turn, st] of conv.turns.entries()) {
        if (st.text === null || st.judged || st.judgeFailures === 0 || st.judgeFailures >= JUDGE_ATTEMPTS) continue;
        this.judges.push({ conv, turn, sampleIndex: st.attempts++, message: st.message!, gen: { text: st.text, finishReason: null, servedModel: null, promptTokens: 0, latencyMs: 0, tokens: 0, refusal: null }, ticket: null, readyAt: 0 });
      }
    }
  }

  get count(): number {
    return this.conversations.length;
  }

  /** The first turn without an answer text, or null when every turn has one. */
  private cursor(conv: Conversation): number | null {
    const t = conv.turns.findIndex((st) => st.text === null);
    return t < 0 ? null : t;
  }

  private ended(conv: Conversation): boolean {
    const t = this.cursor(conv);
    return t !== null && conv.turns[t].failures >= TURN_ATTEMPTS;
  }

  /**
   * Ready to ask its next turn: not busy, not ended, a turn left. The one ready longest first, then the one
   * with most turns left (the longest path).
   */
  private readyConversation(): Conversation | null {
    let best: Conversation | null = null;
    let bestLeft = -1;
    for (const conv of this.conversations) {
      if (conv.busy || this.ended(conv)) continue;
      const t = this.cursor(conv);
      if (t === null) continue;
      const left = conv.turns.length - t;
      if (!best || conv.readyAt < best.readyAt || (conv.readyAt === best.readyAt && left > bestLeft)) {
        best = conv;
        bestLeft = left;
      }
    }
    return best;
  }

  /** Whether any work could still be issued (a new turn only while the cap allows). */
  pending(reached: boolean): boolean {
    return this.judges.length > 0 || (!reached && this.readyConversation() !== null);
  }

  /** Calls one turn makes: the target's answer and its judge, and the simulated user's message when it writes one. */
  private callsFor(conv: Conversation, turn: number): number {
    return this.userWrites(conv, turn) ? 3 : 2;
  }

  private userWrites(conv: Conversation, turn: number): boolean {
    return conv.script.kind === "simulated" && (turn > 0 || conv.script.openings.length === 0);
  }

  /** The scripted user message of a turn (null: the simulated user writes it). */
  private scripted(conv: Conversation, turn: number): string | null {
    const { script } = conv;
    if (this.userWrites(conv, turn)) return null;
    if (turn === 0) return script.openings[conv.index % script.openings.length];
    return script.pushes[Math.min(turn - 1, script.pushes.length - 1)];
  }

  /**
   * The next piece of pressure work, reserved and marked in flight: a new turn
   * first (the critical path), then a judge — unless the oldest judge has waited
   * about a round of every conversation's turns, so judges never starve and rows
   * are stored as the run goes. null when none is ready, or the cap (`reserve`
   * gave null) stops it.
   */
  nextTask(ctx: PressureContext, reserve: (calls: number) => Ticket | null): Task | null {
    const conv = this.readyConversation();
    const starving = this.judges.length > 0 && this.tick - this.judges[0].readyAt > 2 * this.conversations.length;
    if (conv && !starving) {
      const turn = this.cursor(conv)!;
      const ticket = reserve(this.callsFor(conv, turn));
      if (ticket) {
        conv.busy = true;
        const sampleIndex = conv.turns[turn].attempts++;
        return (release) => this.answerTurn(ctx, conv, turn, sampleIndex, ticket, release);
      }
    }
    while (this.judges.length > 0) {
      const work = this.judges[0];
      const ticket = work.ticket ?? reserve(1);
      if (!ticket) {
        // The cap: judges that hold no reservation are not asked.
        this.judges.splice(0, this.judges.length, ...this.judges.filter((j) => j.ticket));
        continue;
      }
      this.judges.shift();
      return (release) => this.judgeTurn(ctx, { ...work, ticket }, release);
    }
    return null;
  }

  private async answerTurn(ctx: PressureContext, conv: Conversation, turn: number, sampleIndex: number, ticket: Ticket, release: () => void) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const history = conv.turns.slice(0, turn).map((st) => ({ user: st.message!, assistant: st.text! }));
    const unique = { runId: ctx.runId, kind: PRESSURE_KIND, traitKey: PRESSURE_TRAIT_KEY, itemIndex: conv.index, turn, sampleIndex };
    const st = conv.turns[turn];
    let message = this.scripted(conv, turn);
    try {
      if (message === null) {
        if (!ctx.user) throw new LlmError("bad_request", "The run names no model to play the simulated user");
        const reply = await ctx.user(simulatedUserMessages(conv.script.goal ?? "", history), conv.seed, ticket, (text) => readSimulatedUserMessage(text) !== null);
        message = readSimulatedUserMessage(reply.text);
        if (message === null) throw new LlmError("invalid_output", "The simulated user wrote no message");
      }
      const messages: ChatMessage[] = [{ role: "system", content: ctx.systemPrompt }];
      for (const h of history) messages.push({ role: "user", content: h.user }, { role: "assistant", content: h.assistant });
      messages.push({ role: "user", content: message });
      const gen = await ctx.target(messages, conv.seed, ticket);
      ctx.succeeded();
      // The next turn may leave now: it needs this answer's text, not its judge.
      st.message = message;
      st.text = gen.text;
      conv.busy = false;
      const outcome = outcomeBeforeJudge(gen);
      conv.readyAt = this.tick++;
      if (outcome === null) this.judges.push({ conv, turn, sampleIndex, message, gen, ticket, readyAt: this.tick++ });
      else ticket.release(); // not scored: no judge call; the conversation goes on with its text
      release();
      if (outcome !== null) {
        st.judged = true;
        await ctx.store({ ...unique, ...providerFields(gen), message, answer: gen.text, refusal: outcome === "refused" ? true : null, outcome, status: "done" });
        await ctx.onAnswer?.();
      }
    } catch (e) {
      conv.busy = false;
      conv.readyAt = this.tick++;
      release();
      ticket.release();
      const error = ctx.failed(e);
      if (error === null) return; // stopping: the turn is asked again on resume
      st.failures++; // TURN_ATTEMPTS failures end the conversation (ended()); else it is asked again
      await ctx.store({ ...unique, message: message ?? "", status: "failed", error });
      await ctx.onAnswer?.();
    }
  }

  private async judgeTurn(ctx: PressureContext, work: JudgeWork & { ticket: Ticket }, release: () => void) {
    const { conv, turn, sampleIndex, message, gen, ticket } = work;
    const st = conv.turns[turn];
    const unique = { runId: ctx.runId, kind: PRESSURE_KIND, traitKey: PRESSURE_TRAIT_KEY, itemIndex: conv.index, turn, sampleIndex };
    try {
      const judged = await ctx.judge(message, gen.text, ticket);
      ctx.succeeded();
      st.judged = true;
      release();
      ticket.release();
      await ctx.store({ ...unique, ...providerFields(gen), message, answer: gen.text, ...judged.fields, outcome: judged.outcome, status: "done" });
    } catch (e) {
      release();
      const error = ctx.failed(e);
      if (error === null) {
        ticket.release();
        return;
      }
      // The text is kept with the failed row: the conversation went on with it, and a resume reads it from here.
      st.judgeFailures++;
      if (st.judgeFailures < JUDGE_ATTEMPTS) this.judges.push({ ...work, sampleIndex: st.attempts++, readyAt: this.tick++ });
      else ticket.release();
      await ctx.store({ ...unique, ...providerFields(gen), message, answer: gen.text, status: "failed", error });
    }
    await ctx.onAnswer?.();
  }
}

const providerFields = (gen: Provider) => ({
  finishReason: gen.finishReason, servedModel: gen.servedModel, promptTokens: gen.promptTokens || null,
  latencyMs: gen.latencyMs, tokens: gen.tokens,
});
