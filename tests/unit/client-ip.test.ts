import { describe, expect, it } from "vitest";
import { applyClientAddress, clientAddress, parseTrustedProxies } from "@/scripts/client-ip.mjs";

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("10.0.0.5, 10.1.0.0/16, fd00::/8");

describe("client address without trusted proxies", () => {
  it("is the socket address whatever the client claims", () => {
    expect(clientAddress({ remoteAddress: "203.0.113.9", forwardedFor: "1.2.3.4", trusted: none })).toBe("203.0.113.9");
    expect(clientAddress({ remoteAddress: "::ffff:127.0.0.1", forwardedFor: "198.51.100.1, 10.0.0.5", trusted: none })).toBe("127.0.0.1");
    expect(clientAddress({ remoteAddress: "2001:DB8:0::1", forwardedFor: undefined, trusted: none })).toBe("2001:db8::1");
  });

  it("drops every forwarding header and writes the socket address", () => {
    const headers: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8", forwarded: "for=9.9.9.9",
      "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", host: "localhost:3000",
    };
    expect(applyClientAddress(headers, "::ffff:192.0.2.10", none)).toBe("192.0.2.10");
    expect(headers).toEqual({ "x-forwarded-for": "192.0.2.10", host: "localhost:3000" });
  });

  it("a peer that is not a proxy cannot become trusted by sending the header", () => {
    expect(clientAddress({ remoteAddress: "192.0.2.77", forwardedFor: "10.0.0.5", trusted: proxies })).toBe("192.0.2.77");
  });
});

describe("client address behind trusted proxies", () => {
  it("walks X-Forwarded-For from the right, skipping trusted proxies", () => {
    // client wrote "6.6.6.6"; the edge proxy appended the real client; an inner proxy appended the edge.
    const xff = "6.6.6.6, 198.51.100.20, 10.1.2.3";
    expect(clientAddress({ remoteAddress: "10.0.0.5", forwardedFor: xff, trusted: proxies })).toBe("198.51.100.20");
  });

  it("takes the one address the proxy appended, ignoring the forged ones to its left", () => {
    const headers: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "1.1.1.1, 2.2.2.2, 203.0.113.5", "x-real-ip": "1.1.1.1", "x-forwarded-proto": "https",
    };
    expect(applyClientAddress(headers, "10.0.0.5", proxies)).toBe("203.0.113.5");
    expect(headers).toEqual({ "x-forwarded-for": "203.0.113.5", "x-forwarded-proto": "https" });
  });

  it("is the proxy itself when it sends no header, and the furthest hop when every hop is a proxy", () => {
    expect(clientAddress({ remoteAddress: "10.0.0.5", forwardedFor: undefined, trusted: proxies })).toBe("10.0.0.5");
    expect(clientAddress({ remoteAddress: "10.0.0.5", forwardedFor: "10.1.0.9, 10.1.0.8", trusted: proxies })).toBe("10.1.0.9");
  });

  it("stops at the last vouched-for hop when a proxy passed garbage on", () => {
    expect(clientAddress({ remoteAddress: "10.0.0.5", forwardedFor: "not-an-ip, 10.1.0.9", trusted: proxies })).toBe("10.1.0.9");
  });

  it("understands IPv6 ranges, mapped addresses and ports", () => {
    expect(clientAddress({ remoteAddress: "fd00::1", forwardedFor: "[2001:db8::7]:4711", trusted: proxies })).toBe("2001:db8::7");
    expect(clientAddress({ remoteAddress: "::ffff:10.0.0.5", forwardedFor: "203.0.113.8:1234", trusted: proxies })).toBe("203.0.113.8");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("refuses an entry that is not an address or range", () => {
    expect(() => parseTrustedProxies("10.0.0.1, proxy.internal")).toThrow(/proxy\.internal/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies("2130706433")).toThrow();
  });

  it("is empty when unset", () => {
    expect(parseTrustedProxies(undefined)).toEqual([]);
  });
});
