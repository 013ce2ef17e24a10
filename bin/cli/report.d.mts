// Types for bin/cli/report.mjs (plain JS so `npx persona-studio` runs without a build step).
import type { ProbeRunDetail, ReportFlag } from "@/lib/schemas/probe";

type Run = Pick<ProbeRunDetail, "report"> & Partial<ProbeRunDetail>;
type Flag = Pick<ReportFlag, "id" | "kind" | "traits" | "severity" | "title" | "expected" | "acknowledged">;

export const FLAG_KINDS: readonly string[];
export const CHECK: "check";
export function parseFailOn(value: string): string[];
export function isSettled(flag: Pick<ReportFlag, "expected" | "acknowledged">): boolean;
export function matchingFlags(run: Run, kinds: readonly string[], options?: { strict?: boolean }): Flag[];
export function settledFlags(run: Run, kinds: readonly string[], options?: { strict?: boolean }): Flag[];
export function flagList(run: Run): string;
export function verdict(matched: readonly Flag[], kinds: readonly string[], options?: { settled?: readonly Flag[]; strict?: boolean }): string | null;
export function reportTable(run: Run): string;
export function align(rows: readonly (readonly (string | number)[])[], right: readonly boolean[]): string;
export function runHeading(run: ProbeRunDetail): string;
export function progressLine(run: ProbeRunDetail): string;
export function modelLabel(side: ProbeRunDetail["target"]): string;
