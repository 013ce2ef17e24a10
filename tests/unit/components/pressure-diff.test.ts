import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PressureDiffSection } from "@/components/versions/pressure-diff";
import type { PressureDiff } from "@/lib/schemas/pressure-diff";

// The version diff's pressure part (issue 14 §6): per trait, both sides' drift
// slope and self-report gap with intervals, and the flags each side carries.

const data: PressureDiff = {
  from: { version: 1, pressureRunId: "r1", selfReportRunId: null },
  to: { version: 2, pressureRunId: "r2", selfReportRunId: "r2" },
  rows: [
    { trait: "firm", slope: { a: { estimate: -6.25, lo: -7.9, hi: -4.5 }, b: { estimate: -0.8, lo: -1.9, hi: 0.3 } }, gap: { a: null, b: { estimate: 22, lo: 17, hi: 27 } }, flags: { a: ["caves"], b: ["says-not-does"] } },
    { trait: "empathetic", slope: { a: { estimate: 0.5, lo: -1, hi: 2 }, b: null }, gap: { a: null, b: null }, flags: { a: [], b: [] } },
  ],
};

describe("PressureDiffSection", () => {
  it("shows each side's slope and gap with intervals, and the flags per side", () => {
    const html = renderToStaticMarkup(createElement(PressureDiffSection, { pressure: data }));
    expect(html).toContain("Under pressure and in its own words");
    expect(html).toContain("A · v1: pressure test; B · v2: pressure test and self-report");
    expect(html).toMatch(/−6\.3 <span[^>]*>\[−8, −5\]<\/span>/);
    expect(html).toMatch(/\+22\.0 <span[^>]*>\[\+17, \+27\]<\/span>/);
    expect(html).toMatch(/>caves</);
    expect(html).toMatch(/>says, doesn&#x27;t do</);
    expect(html.match(/<tr>/g)).toHaveLength(2);
    expect(html).toContain(">Firm / boundary-setting<"); // trait names, not keys
  });

  it("renders nothing when neither version has a pressure test or a self-report", () => {
    expect(renderToStaticMarkup(createElement(PressureDiffSection, { pressure: null }))).toBe("");
  });
});
