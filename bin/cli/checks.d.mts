// Types for bin/cli/checks.mjs (plain JS so `npx persona-studio` runs without a build step).
import type { ProbeRunDetail } from "@/lib/schemas/probe";

type Run = { report: Pick<ProbeRunDetail["report"], "checks"> };

export function parseMinPassRate(value: string): number;
export function failedChecks(run: Run): { message: string; description: string; passed: number; total: number }[];
export function checksSummary(run: Run): string | null;
export function checksVerdict(run: Run, options?: { failOnCheck?: boolean; minPassRate?: number }): { failed: boolean; lines: string[] };
