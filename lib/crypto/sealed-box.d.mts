export type SealKey = { key: Buffer; kid: string };
export type UnreadableReason = "no_key" | "auth_failed" | "format";

export declare class SecretUnreadableError extends Error {
  constructor(reason: UnreadableReason, kid: string | null);
  readonly reason: UnreadableReason;
  /** The key id the value names (v2), or null (v1 or not a sealed value). */
  readonly kid: string | null;
}

export declare function deriveKey(secret: string): SealKey;
export declare function seal(plain: string, key: SealKey): string;
export declare function parseSealed(
  sealed: string,
): { version: "v2"; kid: string; iv: string; tag: string; data: string } | { version: "v1"; kid: null; iv: string; tag: string; data: string } | null;
export declare function open(sealed: string, keys: SealKey[]): { plain: string; kid: string; stale: boolean };
