import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSimulatorServer } from "@/lib/llm/simulator/http-server";
import { readRequestText } from "@/tests/factories/http-server";

// An OpenAI-compatible endpoint on 127.0.0.1 that answers like the simulator
// after a fixed delay and counts what it is paid for: every chat request, by
// the hash of its body (an identical body asked twice is a repeated paid
// call), and the requests open right now (in flight).

export type SlowSimulator = {
  origin: string;
  /** Chat requests received, by body hash. */
  bodies: Map<string, number>;
  requests: () => number;
  inFlight: () => number;
  maxInFlight: () => number;
  /** Bodies received more than once: the calls paid again. */
  repeats: () => number;
  close: () => Promise<void>;
};

const listen = (s: Server) => new Promise<string>((resolve) => s.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));

export async function startSlowSimulator(delayMs: number): Promise<SlowSimulator> {
  const sim = createSimulatorServer();
  const simOrigin = await listen(sim);
  const bodies = new Map<string, number>();
  let requests = 0;
  let open = 0;
  let maxOpen = 0;
  const server = createServer(async (req, res) => {
    const raw = await readRequestText(req);
    const chat = req.url?.endsWith("/chat/completions") ?? false;
    if (chat) {
      requests++;
      const key = createHash("sha256").update(raw).digest("hex");
      bodies.set(key, (bodies.get(key) ?? 0) + 1);
      maxOpen = Math.max(maxOpen, ++open);
      res.on("close", () => open--);
      await new Promise((r) => setTimeout(r, delayMs));
    }
    if (res.destroyed) return;
    const upstream = await fetch(`${simOrigin}${req.url}`, { method: req.method, headers: { "content-type": "application/json" }, body: raw || undefined });
    res.writeHead(upstream.status, { "content-type": "application/json" }).end(await upstream.text());
  });
  const origin = await listen(server);
  return {
    origin, bodies,
    requests: () => requests,
    inFlight: () => open,
    maxInFlight: () => maxOpen,
    repeats: () => [...bodies.values()].reduce((n, c) => n + c - 1, 0),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await new Promise<void>((r) => sim.close(() => r()));
    },
  };
}
