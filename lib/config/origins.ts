import "server-only";
import { env } from "@/lib/config/env";

// The origins the studio's own pages are served from: better-auth trusts them
// for its routes and the API wrapper accepts cookie-authenticated writes only
// from them (CSRF). One list, so the two can never disagree.

export function allowedOrigins(): string[] {
  const base = new URL(env.authUrl);
  const list = new Set<string>([base.origin, ...env.trustedOrigins.map(originOf)]);
  // localhost and 127.0.0.1 are the same machine; accept both so a designer can use either.
  if (base.hostname === "localhost") list.add(`${base.protocol}//127.0.0.1${base.port ? `:${base.port}` : ""}`);
  if (base.hostname === "127.0.0.1") list.add(`${base.protocol}//localhost${base.port ? `:${base.port}` : ""}`);
  return [...list];
}

/** "https://studio.example.com/" → "https://studio.example.com"; anything unparsable is kept as written. */
function originOf(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    return value;
  }
}
