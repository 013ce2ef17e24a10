// Types for bin/cli/pressure.mjs (plain JS so `npx persona-studio` runs without a build step).
import type { FramingReport, PressureReport, SelfReportReport } from "@/lib/schemas/pressure";

type Report = { pressure?: PressureReport; selfReport?: SelfReportReport; framing?: FramingReport };
type Values = { pressure?: string; conversations?: string; turns?: string; "self-report"?: boolean; framing?: string };

export const PRESSURE_LIMITS: {
  conversationsPerScript: { min: number; max: number };
  turns: { min: number; max: number };
  scripts: number;
};
export function withPressureDefault(argv: readonly string[]): string[];
export function parsePressureKeys(value: string): string[];
export function pressureBody(values: Values): {
  pressure?: { scripts: string[]; conversationsPerScript?: number; turns?: number };
  selfReport?: true;
  framingTrait?: string;
};
export function turnsToBreak(survival: PressureReport["survival"][number] | undefined): string;
export function pressureSummary(report: Report | null | undefined): string | null;
export function selfReportSummary(report: Report | null | undefined): string | null;
export function framingSummary(report: Report | null | undefined): string | null;
