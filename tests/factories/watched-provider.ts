import { ops } from "@/lib/http/operations";
import { expectOk } from "@/tests/factories/api";
import { wsPath, type Member } from "@/tests/factories/personas";
import { startSimulatorProxy } from "@/tests/factories/simulator-proxy";

// A provider in a member's workspace whose chat requests are recorded: the
// real openai_compatible provider talks to the simulator through a proxy
// (simulator-proxy.ts), so a test sees what reached the model — each request's
// messages, context turns included — and how often.

export type SentMessage = { role: string; content: string };

export type WatchedProvider = {
  providerId: string;
  /** Every chat request's messages, in arrival order; clear with `sent.length = 0`. */
  sent: SentMessage[][];
  close: () => Promise<void>;
};

export async function watchedProvider(member: Member, name = "Watched"): Promise<WatchedProvider> {
  const sent: SentMessage[][] = [];
  const proxy = await startSimulatorProxy({
    onRequest: (req, raw) => {
      if (req.url?.endsWith("/chat/completions")) sent.push((JSON.parse(raw) as { messages: SentMessage[] }).messages);
    },
  });
  const providerId = expectOk(ops.createProvider, await member.api.post(`${wsPath(member.workspaceId)}/providers`, {
    name, baseUrl: `${proxy.origin}/v1`, defaultModel: "persona-sim-1",
  })).id;
  return { providerId, sent, close: proxy.close };
}
