// Types for bin/cli/panel.mjs (plain JS so `npx persona-studio` runs without a build step).
import type { PanelFlag, PanelReport } from "@/lib/probing/panel/report-types";
import type { PanelInterval } from "@/lib/probing/panel/intervals";
import type { PanelRun } from "@/lib/schemas/panel-run";

export const PANEL_FLAG_KINDS: readonly string[];
export function parsePanelFailOn(value: string): string[];
export function matchingPanelFlags(report: Pick<PanelReport, "flags">, kinds: readonly string[]): PanelFlag[];
export function interval(v: PanelInterval | null | undefined, sign?: boolean): string;
export function panelHeading(run: PanelRun): string;
export function panelProgressLine(run: PanelRun): string;
export function panelTables(report: PanelReport): string;
export function panelFlagList(report: Pick<PanelReport, "flags" | "arms">): string;
export function panelVerdict(matched: readonly PanelFlag[], kinds: readonly string[]): string | null;
