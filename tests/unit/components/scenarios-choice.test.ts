import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ScenariosChoice, scenariosFlag } from "@/components/probes/scenarios-choice";
import { createProbeRunBody } from "@/lib/schemas/probe";

// "Ask your N scenarios" in the new probe dialog (issue 12 §2): on by default,
// `scenarios: false` in the body (probe and estimate) when unticked, a hint
// to the composer when the snapshot has none.

const render = (count: number, checked: boolean) => renderToStaticMarkup(createElement(ScenariosChoice, { count, checked, onChange: () => {} }));

describe("scenarios choice", () => {
  it("offers the snapshot's scenarios by count, ticked by default", () => {
    const html = render(3, true);
    expect(html).toContain("Ask your 3 scenarios");
    expect(html).toMatch(/type="checkbox"[^>]*checked/);
    expect(render(1, false)).toContain("Ask your 1 scenario<");
    expect(render(1, false)).not.toMatch(/checked=""/);
  });

  it("points to the composer instead of a checkbox when there are none", () => {
    const html = render(0, true);
    expect(html).toContain("Add scenarios in the composer");
    expect(html).not.toContain("checkbox");
  });

  it("sends `scenarios: false` only when there are scenarios and the box is unticked; the API reads it", () => {
    expect(scenariosFlag(3, true)).toEqual({});
    expect(scenariosFlag(0, false)).toEqual({});
    expect(scenariosFlag(3, false)).toEqual({ scenarios: false });
    expect(createProbeRunBody.parse({ ...scenariosFlag(3, false) }).scenarios).toBe(false);
    expect(createProbeRunBody.parse({ ...scenariosFlag(3, true) }).scenarios).toBe(true);
  });
});
