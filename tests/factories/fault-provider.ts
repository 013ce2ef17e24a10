import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSimulatorServer } from "@/lib/llm/simulator/http-server";
import { readRequestText } from "@/tests/factories/http-server";

// An OpenAI-compatible endpoint on 127.0.0.1 that misbehaves on demand, for the
// worker's fault tests: in front of the simulator's own HTTP server, each chat
// request is counted when it arrives, then forwarded, answered with an error,
// held until the test lets it go, or left hanging until the client gives up.
// What it counts is the provider's own view: requests received (paid), in
// flight, and the usage of the answers it sent back.

/** What to do with one chat request: forward it, answer with `status` (and headers), or never answer. */
export type FaultReply = "forward" | "hang" | { status: number; headers?: Record<string, string>; body?: unknown };

export type FaultProvider = {
  origin: string;
  /** Chat request bodies, in arrival order (every one reached the provider and is paid). */
  bodies: string[];
  /** Requests not answered yet, and the most at once. */
  inFlight: number;
  maxInFlight: number;
  /** The usage of the answers forwarded from the simulator. */
  promptTokens: number;
  completionTokens: number;
  /** Decides each chat request (`n`: its 1-based arrival number); may wait before deciding. */
  decide: (raw: string, n: number) => FaultReply | Promise<FaultReply>;
  /** Resolves once `count` chat requests have arrived. */
  arrived: (count: number) => Promise<void>;
  close: () => Promise<void>;
};

const listen = (s: Server) => new Promise<string>((resolve) => s.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
const closeServer = (s: Server) => new Promise<void>((resolve) => {
  s.closeAllConnections();
  s.close(() => resolve());
});

export async function startFaultProvider(): Promise<FaultProvider> {
  const sim = createSimulatorServer();
  const simOrigin = await listen(sim);
  const waiters: { count: number; resolve: () => void }[] = [];
  const fp: FaultProvider = {
    origin: "", bodies: [], inFlight: 0, maxInFlight: 0, promptTokens: 0, completionTokens: 0,
    decide: () => "forward",
    arrived: (count) => new Promise<void>((resolve) => {
      if (fp.bodies.length >= count) resolve();
      else waiters.push({ count, resolve });
    }),
    close: async () => {
      await closeServer(server);
      await closeServer(sim);
    },
  };
  const server = createServer(async (req, res) => {
    const raw = await readRequestText(req);
    const forward = async () => {
      const upstream = await fetch(`${simOrigin}${req.url}`, { method: req.method, headers: { "content-type": "application/json" }, body: raw || undefined });
      return { status: upstream.status, text: await upstream.text() };
    };
    if (!req.url?.endsWith("/chat/completions")) {
      const r = await forward();
      res.writeHead(r.status, { "content-type": "application/json" }).end(r.text);
      return;
    }
    fp.bodies.push(raw);
    const n = fp.bodies.length;
    for (const w of waiters.filter((x) => n >= x.count)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
    fp.maxInFlight = Math.max(fp.maxInFlight, ++fp.inFlight);
    let open = true;
    const settle = () => {
      if (!open) return;
      open = false;
      fp.inFlight--;
    };
    res.on("close", settle);
    const reply = await fp.decide(raw, n);
    if (reply === "hang" || !open) return; // the client's abort (or timeout) closes it
    if (reply === "forward") {
      const r = await forward();
      const usage = (JSON.parse(r.text) as { usage?: { prompt_tokens: number; completion_tokens: number } }).usage;
      if (!open) return;
      fp.promptTokens += usage?.prompt_tokens ?? 0;
      fp.completionTokens += usage?.completion_tokens ?? 0;
      res.writeHead(r.status, { "content-type": "application/json" }).end(r.text);
      return;
    }
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers })
      .end(JSON.stringify(reply.body ?? { error: { message: `fault ${reply.status}` } }));
  });
  fp.origin = await listen(server);
  return fp;
}
