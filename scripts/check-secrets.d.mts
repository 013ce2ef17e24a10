export declare function checkSealedKeys(options?: {
  databaseUrl?: string;
  dataDir?: string;
  environment?: Record<string, string | undefined>;
}): { ok: true } | { ok: false; message: string };
