import type { SealKey } from "./sealed-box.mjs";

export declare const KEY_FILE: "encryption-key";
export declare function previousSecretsFrom(environment: Record<string, string | undefined>): string[];
export declare function readKeyFile(dataDir: string): string | null;
export declare function availableSecrets(environment: Record<string, string | undefined>, dataDir: string): { current: string | null; all: string[] };
export declare function keysFor(secrets: string[]): SealKey[];
export declare function sqliteFile(databaseUrl: string | undefined): string | null;
export type SealedRow = { id: string; workspaceId: string; name: string; apiKeyEnc: string };
export declare function readSealedRows(databaseUrl: string | undefined): SealedRow[];
export declare function rowsWithoutKey<R extends { apiKeyEnc: string }>(rows: R[], keys: SealKey[]): R[];
export declare const SEALED_ROWS_SQL: string;
