import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Method } from "@/lib/http/operation";
import { matchRoute } from "@/tests/factories/api";

// A real HTTP server in the test process that serves app/api/** through the
// same route table as send(): for clients that must go over the network, like
// the CLI (bin/persona-studio.mjs) spawned as a child process.

export type ApiServer = { url: string; close: () => Promise<void> };

/** A request's whole body as text (test servers that stand in for a provider use it too). */
export async function readRequestText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  if (req.method === "GET" || req.method === "HEAD") return undefined;
  return readRequestText(req);
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

export async function startApiServer(): Promise<ApiServer> {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
      let route: ReturnType<typeof matchRoute>;
      try {
        route = matchRoute(url.pathname);
      } catch {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: "No such route" } }));
        return;
      }
      const handler = route.module[req.method as Method];
      if (!handler) {
        res.writeHead(405).end();
        return;
      }
      const request = new Request(url, { method: req.method, headers: toHeaders(req), body: await readBody(req) });
      const response = await handler(request, { params: Promise.resolve(route.params) });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      const reader = response.body?.getReader();
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) res.write(chunk.value);
      res.end();
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
