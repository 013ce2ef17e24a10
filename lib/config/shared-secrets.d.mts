// Types for lib/config/shared-secrets.mjs.
type Environment = Record<string, string | undefined>;
export const SHARED_SECRETS: { name: string; file: string; what: string }[];
export const MIN_SECRET_LENGTH: number;
export function isMultiInstance(environment?: Environment): boolean;
export function sharedSecretsProblem(environment?: Environment, names?: string[]): string | null;
export function assertSharedSecrets(environment?: Environment, names?: string[]): void;
