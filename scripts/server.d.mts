// Types for scripts/server.mjs (plain JS so `npm start` runs without a build step).
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../lib/log/logger.mjs";

type Environment = Record<string, string | undefined>;
export function drainTimeoutMs(environment?: Environment): number;
export function drainDelayMs(environment?: Environment): number;

export type DrainingServer = {
  server: Server;
  listen(port: number, hostname?: string): Promise<AddressInfo>;
  shutdown(reason?: string): Promise<void>;
};
export function createDrainingServer(options: {
  handler: (req: IncomingMessage, res: ServerResponse) => unknown;
  drainMs?: number;
  delayMs?: number;
  log?: Logger;
  beforeClose?: () => Promise<void> | void;
  afterClose?: () => Promise<void> | void;
}): DrainingServer;

type StartOptions = { port?: number; hostname?: string; dir?: string; drainMs?: number; delayMs?: number; log?: Logger };
export function startServer(options?: StartOptions): Promise<{ server: Server; port: number; shutdown(reason?: string): Promise<void> }>;
export function serve(options?: StartOptions): Promise<{ server: Server; port: number; shutdown(reason?: string): Promise<void>; stop(reason: string): void }>;
