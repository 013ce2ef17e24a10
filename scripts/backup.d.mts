export type BackupManifest = {
  createdAt: string;
  /** SQLite: the copied file; PostgreSQL: the pg_dump archive (source without its password). */
  database: { kind: "sqlite" | "postgresql"; source: string; file: string; format?: string; integrity: string };
  dataDir: { source: string; copiedTo: string | null };
  rowCounts: Record<string, number>;
  sealedProviderKeys: number;
  files: { path: string; bytes: number; sha256: string }[];
  warnings: string[];
};
export declare const utcStamp: (d?: Date) => string;
export declare function backup(options?: {
  databaseUrl?: string;
  dataDir?: string;
  out?: string;
  environment?: Record<string, string | undefined>;
  now?: Date;
  /** The pg_dump to run (default: PG_DUMP, else pg_dump on PATH); pg_restore is taken from beside it. */
  pgDump?: string;
}): Promise<{ dir: string; manifest: BackupManifest; warnings: string[] }>;
export declare function restoreSteps(result: { dir: string; manifest: BackupManifest }): string;
