import ipaddr from "ipaddr.js";

// Which addresses a provider may live at when PROVIDER_NETWORK=public: only
// ordinary public unicast. Pure (no DNS): network-policy.ts resolves names and
// asks here about every address they resolve to.

/** IPv6 global unicast lives in 2000::/3; anything else (e.g. ::a.b.c.d, IPv4-compatible) is not public. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parse("2000::");

/**
 * "unicast" for a public address, else the special range it is in ("loopback",
 * "private", "linkLocal", "uniqueLocal", "unspecified", "carrierGradeNat",
 * "multicast", "broadcast", "reserved", "6to4", "rfc6052"…), or "invalid" when
 * it is not an IP address. IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the
 * IPv4 address it maps.
 */
export function addressRange(address: string): string {
  const bare = address.trim().replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  if (!ipaddr.isValid(bare)) return "invalid";
  const ip = ipaddr.process(bare);
  const range = ip.range();
  if (range === "unicast" && ip.kind() === "ipv6" && !(ip as ipaddr.IPv6).match(GLOBAL_UNICAST_V6, 3)) return "notGlobal";
  return range;
}

export const isPublicAddress = (address: string): boolean => addressRange(address) === "unicast";

const DESCRIPTIONS: Record<string, string> = {
  loopback: "a loopback address (this machine)",
  private: "a private-network address",
  linkLocal: "a link-local address (where cloud metadata services answer)",
  uniqueLocal: "a unique-local (private) IPv6 address",
  unspecified: "the unspecified address (0.0.0.0 / ::)",
  carrierGradeNat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
};

/** Words for a refused range, e.g. "a loopback address (this machine)". */
export function describeRange(range: string): string {
  return DESCRIPTIONS[range] ?? `a reserved or non-public address (${range})`;
}
