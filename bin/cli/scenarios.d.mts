// Types for bin/cli/scenarios.mjs (plain JS so `npx persona-studio` runs without a build step).
import type { ProbeRunDetail } from "@/lib/schemas/probe";
import type { Scenario } from "@/lib/schemas/scenario";

type Run = Pick<ProbeRunDetail, "report"> & { targets?: ProbeRunDetail["targets"] };

export function shorten(text: string, max?: number): string;
export function scenarioList(scenarios: readonly Scenario[]): string;
export function toJsonl(scenarios: readonly Scenario[]): string;
export const CSV_COLUMNS: readonly string[];
export function toCsv(scenarios: readonly Scenario[]): { text: string; lost: { number: number; id: string; what: string[] }[] };
export function importFormat(file: string, format?: string): "csv" | "jsonl" | null;
export function importErrorLines(details: unknown): string[];
export function scenariosLine(run: Run): string;
export function scenarioTable(run: Run): string | null;
