// Types for bin/cli/options.mjs (plain JS so `npx persona-studio` runs without a build step).

type Usage = (message: string) => Error;
type RunLike = { id: string; status: string };
type Client = { get(path: string): Promise<unknown>; post(path: string, body?: unknown): Promise<unknown> };

export const TERMINAL: ReadonlySet<string>;
export function usageError(command: string): Usage;
export function wholeNumber(name: string, value: string, min: number, usage: Usage): number;
export function followRun<R extends RunLike>(options: {
  client: Client; run: R; runPath: string; timeoutMs: number; err: { write(text: string): unknown };
  noun?: string; refresh?: boolean; onUpdate?: (run: R) => void; pollMs?: number;
}): Promise<R>;
