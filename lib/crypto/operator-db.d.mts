export type OperatorDb = {
  kind: "sqlite" | "postgresql";
  all<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  run(sql: string, params?: unknown[]): Promise<number>;
  tables(): Promise<string[]>;
  close(): Promise<void>;
};
export { isPostgresUrl, redactUrl, sqliteFile } from "./database-url.mjs";
export declare const toPostgresPlaceholders: (sql: string) => string;
export declare function connect(databaseUrl: string, options?: { readonly?: boolean }): Promise<OperatorDb | null>;
export declare function withDatabase<T>(databaseUrl: string, fn: (db: OperatorDb) => Promise<T>, options?: { readonly?: boolean }): Promise<T | null>;
