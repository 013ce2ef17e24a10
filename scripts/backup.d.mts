export type BackupManifest = {
  createdAt: string;
  database: { source: string; file: string; integrity: string };
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
}): Promise<{ dir: string; manifest: BackupManifest; warnings: string[] }>;
export declare function restoreSteps(result: { dir: string; manifest: BackupManifest }): string;
