import "server-only";
import { env } from "@/lib/config/env";
import { AddressRefusedError, resolvePublic, type Pin } from "@/lib/llm/provider-fetch";

// PROVIDER_NETWORK: "any" (the default; a local studio talks to Ollama on
// localhost) or "public" (a shared deployment: a provider may not point at
// this machine, the private network or the cloud metadata service). The check
// runs after DNS resolution and its result is pinned: the provider connects to
// exactly the addresses checked here (provider-fetch.ts). The environment
// provider (OPENAI_BASE_URL) is the operator's own setting and is exempt.

/** What an OpenAiCompatibleProvider needs to enforce the policy on every connection. */
export type NetworkAccess = { publicOnly: boolean; pin: Pin | null };

export { AddressRefusedError };

/**
 * Checks the base URL's host under the configured policy; throws
 * AddressRefusedError when PROVIDER_NETWORK=public forbids an address it
 * resolves to. A name that does not resolve now is not refused here: the
 * connection will fail with its own reason, and its lookup is checked again.
 */
export async function vetProviderAddress(baseUrl: string): Promise<NetworkAccess> {
  if (env.providerNetwork !== "public") return { publicOnly: false, pin: null };
  const hostname = new URL(baseUrl).hostname;
  try {
    return { publicOnly: true, pin: { hostname, addresses: await resolvePublic(hostname) } };
  } catch (e) {
    if (e instanceof AddressRefusedError) throw e;
    return { publicOnly: true, pin: null };
  }
}
