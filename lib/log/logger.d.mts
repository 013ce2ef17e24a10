// Types for lib/log/logger.mjs (plain JS so scripts/server.mjs uses it without a build step).
export type LevelName = "debug" | "info" | "warn" | "error" | "silent";
export type LogFormat = "json" | "pretty";
export type LogFields = Record<string, unknown>;
export type LogWrite = (line: string, level: LevelName, format: LogFormat) => void;
type LogFn = { (fields: LogFields | Error, message?: string): void; (message: string): void };

export type Logger = {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  child(fields: LogFields): Logger;
  isLevelEnabled(level: LevelName): boolean;
  redirect(options: { format?: LogFormat; level?: LevelName; write?: LogWrite }): () => void;
};

export const LEVELS: Record<LevelName, number>;
export function scrub(text: string): string;
export function logSettings(environment?: Record<string, string | undefined>): { format: LogFormat; level: LevelName };
export function createLogger(options?: { format?: LogFormat; level?: LevelName; write?: LogWrite; bindings?: LogFields }): Logger;
export const logger: Logger;
