import type { SpawnSyncOptions } from "node:child_process";

export declare const root: string;
export declare const bin: (name: string) => string;
export declare function run(cmd: string, args: string[], opts?: SpawnSyncOptions): number;
export declare function mustRun(cmd: string, args: string[], opts?: SpawnSyncOptions): void;
export { isPostgresUrl, redactUrl } from "../lib/crypto/database-url.mjs";
export declare const prismaConfigFor: (url: string | undefined) => string[];
export declare function migrate(url?: string, opts?: SpawnSyncOptions): void;
export declare function sourceFingerprint(): string;
export declare const fingerprintFile: string;
export declare function buildIsCurrent(): boolean;
export declare function buildStudio(): void;
