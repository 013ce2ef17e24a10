import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSimulatorServer } from "@/lib/llm/simulator/http-server";
import { readRequestText } from "@/tests/factories/http-server";

// An OpenAI-compatible endpoint on 127.0.0.1 for tests that must watch (or bend)
// what reaches a provider: a proxy in front of the simulator's own HTTP server.
// Each request's body is read once; hooks see it before it is forwarded, may
// answer it themselves, and may rewrite the simulator's reply.

export type ProxiedReply = { status: number; text: string };

export type ProxyHooks = {
  /** Answer without forwarding: return the reply, or undefined to forward. */
  intercept?: (req: IncomingMessage, raw: string) => ProxiedReply | undefined;
  /** Seen before forwarding (a chat request's body is `raw`). */
  onRequest?: (req: IncomingMessage, raw: string) => void;
  /** Seen after the simulator answered; return a reply to send instead. */
  onResponse?: (req: IncomingMessage, raw: string, reply: ProxiedReply) => ProxiedReply | void;
};

export type SimulatorProxy = { origin: string; close: () => Promise<void> };

const listen = (s: Server) => new Promise<string>((resolve) => s.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
const closeServer = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()));

export async function startSimulatorProxy(hooks: ProxyHooks = {}): Promise<SimulatorProxy> {
  const sim = createSimulatorServer();
  const simOrigin = await listen(sim);
  const proxy = createServer(async (req, res) => {
    const raw = await readRequestText(req);
    const send = (r: ProxiedReply) => res.writeHead(r.status, { "content-type": "application/json" }).end(r.text);
    const early = hooks.intercept?.(req, raw);
    if (early) return send(early);
    hooks.onRequest?.(req, raw);
    const upstream = await fetch(`${simOrigin}${req.url}`, { method: req.method, headers: { "content-type": "application/json" }, body: raw || undefined });
    const reply = { status: upstream.status, text: await upstream.text() };
    send(hooks.onResponse?.(req, raw, reply) ?? reply);
  });
  const origin = await listen(proxy);
  return { origin, close: async () => { await closeServer(proxy); await closeServer(sim); } };
}

/** Adds the tokens a proxied chat reply reports (its `usage`) to a running bill. */
export function addReplyUsage(bill: { promptTokens: number; completionTokens: number }, reply: ProxiedReply): void {
  const usage = (JSON.parse(reply.text) as { usage?: { prompt_tokens: number; completion_tokens: number } }).usage;
  bill.promptTokens += usage?.prompt_tokens ?? 0;
  bill.completionTokens += usage?.completion_tokens ?? 0;
}
