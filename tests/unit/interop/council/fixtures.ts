import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { parseMemberFile, parseSeatPlan, type CouncilMember, type SeatPlan } from "@/lib/interop/council";

// Council fixtures: four member files (two polarity pairs: socrates/feynman,
// sun-tzu/aurelius) and a seat plan, hand-written in the format of
// github.com/0xNyk/council-of-high-intelligence.

const DIR = path.resolve(__dirname, "../../../fixtures/council");

export const MEMBER_FILES = ["council-socrates.md", "council-feynman.md", "council-sun-tzu.md", "council-aurelius.md"] as const;

export const councilText = (name: string): string => readFileSync(path.join(DIR, name), "utf8");

export function member(name: string, text = councilText(name)): CouncilMember {
  const parsed = parseMemberFile(text, name);
  if (!parsed.ok) throw new Error(`fixture ${name}: ${JSON.stringify(parsed.errors)}`);
  return parsed.member;
}

export const allMembers = (): CouncilMember[] => MEMBER_FILES.map((f) => member(f));

export function seatPlan(text = councilText("seat-plan.yaml")): SeatPlan {
  const parsed = parseSeatPlan(text, "seat-plan.yaml");
  if (!parsed.ok) throw new Error(`seat plan: ${JSON.stringify(parsed.errors)}`);
  return parsed.plan;
}

/** Parses `text` expecting failure; returns the errors. */
export function memberErrors(text: string, name = "council-x.md") {
  const parsed = parseMemberFile(text, name);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? [] : parsed.errors;
}
