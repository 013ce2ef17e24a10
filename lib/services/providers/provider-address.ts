import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { AddressRefusedError, vetProviderAddress, type NetworkAccess } from "@/lib/llm/network-policy";

/**
 * The network access a stored or typed provider address gets, or a 422 naming
 * `field` when PROVIDER_NETWORK=public forbids the address (checked when a
 * provider is created, changed, tested and used).
 */
export async function providerNetworkAccess(baseUrl: string, field: "baseUrl" | "providerId"): Promise<NetworkAccess> {
  try {
    return await vetProviderAddress(baseUrl);
  } catch (e) {
    if (e instanceof AddressRefusedError) throw new AppError("validation", `${field}: ${e.message}`, { field });
    throw e;
  }
}
