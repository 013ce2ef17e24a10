import { describe, expect, it } from "vitest";
import { addressRange, describeRange, isPublicAddress } from "@/lib/llm/address-range";

// PROVIDER_NETWORK=public allows public unicast only. The URL parser turns the
// odd spellings of an address (2130706433, 0x7f.1, 127.1, [::ffff:127.0.0.1])
// into the canonical form first; both the raw and the parsed forms are checked.

const hostOf = (spelling: string) => new URL(`http://${spelling}:8080/v1`).hostname;

describe("addressRange", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["::", "unspecified"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["169.254.0.1", "linkLocal"],
    ["fe80::1", "linkLocal"],
    ["fe80::1%eth0", "linkLocal"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["100.127.255.254", "carrierGradeNat"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["2001:db8::1", "reserved"],
    // IPv4-mapped IPv6 is judged as the IPv4 address it maps
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "linkLocal"],
    ["::ffff:0.0.0.0", "unspecified"],
    // IPv6 forms that embed or reach IPv4
    ["64:ff9b::7f00:1", "rfc6052"],
    ["2002:7f00:1::", "6to4"],
    ["::127.0.0.1", "loopback"], // ipaddr.js reads the dotted form as IPv4-mapped; refused either way
    ["::7f00:1", "notGlobal"], // IPv4-compatible (deprecated): outside 2000::/3
    ["::a00:1", "notGlobal"],
    ["not-an-address", "invalid"],
    ["localhost", "invalid"],
  ])("%s → %s", (address, range) => {
    expect(addressRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["8.8.8.8", "1.1.1.1", "104.18.7.192", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8"])("%s is public", (address) => {
    expect(addressRange(address)).toBe("unicast");
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe("odd spellings, as the URL parser hands them over", () => {
  it.each([
    ["2130706433", "127.0.0.1", "loopback"],
    ["0x7f.1", "127.0.0.1", "loopback"],
    ["0x7f000001", "127.0.0.1", "loopback"],
    ["017700000001", "127.0.0.1", "loopback"],
    ["127.1", "127.0.0.1", "loopback"],
    ["0", "0.0.0.0", "unspecified"],
    ["0.0.0.0", "0.0.0.0", "unspecified"],
    ["[::]", "[::]", "unspecified"],
    ["[::1]", "[::1]", "loopback"],
    ["[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "loopback"],
    ["[::127.0.0.1]", "[::7f00:1]", "notGlobal"],
    ["[0:0:0:0:0:ffff:a9fe:a9fe]", "[::ffff:a9fe:a9fe]", "linkLocal"],
    ["2852039166", "169.254.169.254", "linkLocal"],
    ["0xa9.0xfe.0xa9.0xfe", "169.254.169.254", "linkLocal"],
    ["10.1", "10.0.0.1", "private"],
  ])("%s → %s (%s)", (spelling, canonical, range) => {
    expect(hostOf(spelling)).toBe(canonical);
    expect(addressRange(hostOf(spelling))).toBe(range);
  });
});

describe("describeRange", () => {
  it("says what kind of address was refused", () => {
    expect(describeRange("loopback")).toMatch(/loopback/);
    expect(describeRange("linkLocal")).toMatch(/metadata/);
    expect(describeRange("rfc6052")).toMatch(/non-public/);
  });
});
