// Types for scripts/client-ip.mjs (plain JS so the custom server runs without a build step).
import type { IPv4, IPv6 } from "ipaddr.js";

export type Range = [IPv4 | IPv6, number];
export function parseAddress(raw: string | undefined | null): IPv4 | IPv6 | null;
export function parseTrustedProxies(value: string | string[] | undefined): Range[];
export function isTrusted(addr: IPv4 | IPv6 | null, trusted: Range[]): boolean;
export function clientAddress(input: { remoteAddress: string | undefined; forwardedFor: string | string[] | undefined; trusted: Range[] }): string | null;
export function applyClientAddress(headers: Record<string, string | string[] | undefined>, remoteAddress: string | undefined, trusted: Range[]): string | null;
