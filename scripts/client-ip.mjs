// Who is the client? The custom server (scripts/server.mjs) answers this once per
// request from the socket, so nothing downstream (better-auth's limiter, session
// records) ever believes a forwarding header a client wrote itself. Pure: no I/O.
import ipaddr from "ipaddr.js";

/** Headers a client can forge to claim another address (or host/scheme); dropped unless the peer is a trusted proxy. */
const FORWARDING = ["x-forwarded-for", "x-real-ip", "forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/**
 * "203.0.113.7", "[2001:db8::1]:443", "::ffff:10.0.0.1" → a parsed address (IPv4-mapped
 * IPv6 becomes IPv4), or null. Strict: "2130706433" or "1.2.3" are not addresses here.
 */
export function parseAddress(raw) {
  if (typeof raw !== "string") return null;
  let s = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) return ipaddr.IPv4.parse(s);
  if (ipaddr.IPv6.isValid(s)) {
    const v6 = ipaddr.IPv6.parse(s);
    return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
  }
  return null;
}

/**
 * TRUSTED_PROXIES ("10.0.0.5, 10.1.0.0/16, fd00::/8") → ranges. A single address is a
 * range of one. Throws on an entry that is neither, so a typo stops the server
 * instead of silently trusting nobody (or everybody).
 */
export function parseTrustedProxies(value) {
  const entries = (Array.isArray(value) ? value : String(value ?? "").split(","))
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.map((entry) => {
    if (entry.includes("/")) {
      const [base, bits] = entry.split("/");
      const addr = parseAddress(base);
      const prefix = Number(bits);
      const max = addr?.kind() === "ipv4" ? 32 : 128;
      if (!addr || !/^\d{1,3}$/.test(bits) || prefix > max) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
      // A mapped ::ffff:a.b.c.d/120 range was turned into IPv4 above; shift its prefix too.
      const v4FromMapped = addr.kind() === "ipv4" && base.includes(":");
      const p = v4FromMapped ? prefix - 96 : prefix;
      if (p < 0) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
      return [addr, p];
    }
    const addr = parseAddress(entry);
    if (!addr) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
    return [addr, addr.kind() === "ipv4" ? 32 : 128];
  });
}

export function isTrusted(addr, trusted) {
  return !!addr && trusted.some(([range, bits]) => addr.kind() === range.kind() && addr.match(range, bits));
}

/**
 * The client's address. The socket peer is the client unless it is a trusted
 * proxy; then X-Forwarded-For is read from the right (each proxy appends the
 * address it saw), skipping trusted proxies: the first untrusted hop is the
 * client. Whatever lies left of it was written by the client and is ignored.
 */
export function clientAddress({ remoteAddress, forwardedFor, trusted }) {
  const peer = parseAddress(remoteAddress ?? "");
  if (!peer) return null;
  if (!isTrusted(peer, trusted)) return peer.toString();
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  let nearest = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseAddress(hops[i]);
    // Garbage where a trusted proxy should have written an address: stop at the last hop we can vouch for.
    if (!hop) return nearest.toString();
    if (!isTrusted(hop, trusted)) return hop.toString();
    nearest = hop;
  }
  // Every hop is one of our proxies (e.g. a health check): the furthest one is the client.
  return nearest.toString();
}

/**
 * Rewrites a Node request's headers in place: forwarding headers from an untrusted
 * peer are dropped, and x-forwarded-for becomes the one client address (the only
 * header better-auth reads, lib/auth/auth.ts). Returns that address.
 */
export function applyClientAddress(headers, remoteAddress, trusted) {
  const client = clientAddress({ remoteAddress, forwardedFor: headers["x-forwarded-for"], trusted });
  const peerTrusted = isTrusted(parseAddress(remoteAddress ?? ""), trusted);
  for (const name of FORWARDING) {
    // A trusted proxy's scheme and host are kept (it terminated TLS); its address chain is reduced below.
    if (peerTrusted && (name === "x-forwarded-host" || name === "x-forwarded-proto" || name === "x-forwarded-port")) continue;
    delete headers[name];
  }
  if (client) headers["x-forwarded-for"] = client;
  return client;
}
