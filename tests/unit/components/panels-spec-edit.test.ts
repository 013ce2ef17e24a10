import { describe, expect, it } from "vitest";
import {
  activeSeat, addGroup, addMember, addPair, applySpread, collocatedPairs, describePair, groupProblems, memberKeyFor,
  pairProblems, parseSeatId, planRows, removeMember, seatId, seatLabel, setActivePlan, setSeat, toggleGroupMember, updateMember, updatePair,
} from "@/components/panels/panel-spec-edit";
import { emptyPanelSpec, panelSpecSchema, type PanelSpec } from "@/lib/schemas/panel";

const sim2 = { providerId: "simulator", model: "persona-sim-2" };
const sim3 = { providerId: "simulator", model: "persona-sim-3" };

function panelOf(...names: string[]): PanelSpec {
  return names.reduce((s, n, i) => addMember(s, { personaId: `p${i}`, name: n }), emptyPanelSpec());
}

describe("member keys", () => {
  it("slugs names the way council keys look and stays unique", () => {
    expect(memberKeyFor("Sun Tzu", [])).toBe("sun-tzu");
    expect(memberKeyFor("Lao-Tzu!", [])).toBe("lao-tzu");
    expect(memberKeyFor("Zoë Ørsted", [])).toBe("zoe-rsted");
    expect(memberKeyFor("  ", [])).toBe("member");
    expect(memberKeyFor("Socrates", ["socrates", "socrates-2"])).toBe("socrates-3");
    const long = "x".repeat(60);
    expect(memberKeyFor(long, ["x".repeat(40)])).toBe(`${"x".repeat(38)}-2`);
  });

  it("every key it makes passes the contract", () => {
    const spec = panelOf("Socrates", "Socrates", "Ada Lovelace", "—", "Émile Durkheim");
    expect(spec.members.map((m) => m.key)).toEqual(["socrates", "socrates-2", "ada-lovelace", "member", "emile-durkheim"]);
    expect(panelSpecSchema.safeParse(spec).success).toBe(true);
  });
});

describe("removing a member keeps the spec consistent", () => {
  it("drops its pairs, its place in groups (and groups left with one member) and its seats and explanations", () => {
    let spec = panelOf("Socrates", "Feynman", "Ada");
    spec = addPair(spec); // socrates ↔ feynman
    spec = addPair(spec); // socrates ↔ ada
    spec = addGroup(spec, "triad", ["socrates", "feynman", "ada"]);
    spec = addGroup(spec, "duo", ["socrates", "feynman"]);
    spec = applySpread(spec, {
      single: { seats: { socrates: sim2, feynman: sim2, ada: sim2 } },
      routed: { seats: { socrates: sim2, feynman: sim3, ada: sim3 }, explanations: { socrates: "first", feynman: "pair apart" } },
    }, "routed");
    const out = removeMember(spec, "feynman");
    expect(out.members.map((m) => m.key)).toEqual(["socrates", "ada"]);
    expect(out.polarityPairs).toEqual([{ a: "socrates", b: "ada" }]);
    expect(out.groups).toEqual([{ name: "triad", members: ["socrates", "ada"] }]);
    expect(Object.keys(out.plans.routed!.seats)).toEqual(["socrates", "ada"]);
    expect(out.plans.routed!.explanations).toEqual({ socrates: "first" });
    expect(Object.keys(out.plans.single!.seats)).toEqual(["socrates", "ada"]);
    expect(panelSpecSchema.safeParse(out).success).toBe(true);
  });
});

describe("members", () => {
  it("pins a version, sets and clears a label", () => {
    let spec = panelOf("Socrates");
    spec = updateMember(spec, "socrates", { version: 3, label: "The gadfly" });
    expect(spec.members[0]).toEqual({ key: "socrates", personaId: "p0", version: 3, label: "The gadfly" });
    spec = updateMember(spec, "socrates", { version: "latest", label: "  " });
    expect(spec.members[0]).toEqual({ key: "socrates", personaId: "p0", version: "latest" });
  });
});

describe("seats", () => {
  it("round-trips a seat id, even when the model has colons", () => {
    const seat = { providerId: "prov_1", model: "ollama:llama3:8b" };
    expect(parseSeatId(seatId(seat))).toEqual(seat);
    expect(parseSeatId("")).toBeNull();
    expect(parseSeatId("env::")).toBeNull();
  });

  it("labels a seat from the candidates, else provider · model; no seat is the workspace default", () => {
    const candidates = [{ ...sim2, label: "Simulator — not a language model · persona-sim-2" }];
    expect(seatLabel(sim2, candidates)).toBe("Simulator — not a language model · persona-sim-2");
    // Another model of a known provider takes the provider's name; a provider nobody lists was deleted: never its id.
    expect(seatLabel(sim3, candidates)).toBe("Simulator — not a language model · persona-sim-3");
    expect(seatLabel({ providerId: "cm0gone123", model: "gpt-x" }, candidates)).toBe("deleted provider · gpt-x");
    expect(seatLabel({ providerId: "cm1team", model: "gpt-y" }, [{ providerId: "cm1team", model: "gpt-x", label: "Team · gpt-x" }])).toBe("Team · gpt-y");
    expect(seatLabel(null)).toBe("Workspace default");
  });

  it("a hand-picked seat goes into the active plan and drops the planner's explanation", () => {
    let spec = panelOf("Socrates", "Feynman");
    spec = applySpread(spec, { single: { seats: { socrates: sim2, feynman: sim2 } }, routed: { seats: { socrates: sim2, feynman: sim3 }, explanations: { feynman: "apart from socrates" } } }, "routed");
    spec = setSeat(spec, "feynman", sim2);
    expect(activeSeat(spec, "feynman")).toEqual(sim2);
    expect(spec.plans.routed!.explanations).toEqual({});
    expect(spec.plans.single!.seats.feynman).toEqual(sim2);
    spec = setSeat(spec, "feynman", null);
    expect(activeSeat(spec, "feynman")).toBeNull();
    // No plan yet: the active plan is created.
    const fresh = setSeat(panelOf("Ada"), "ada", sim3);
    expect(fresh.plans.single).toEqual({ seats: { ada: sim3 } });
  });

  it("using a plan keeps both side by side and switches the members' seats", () => {
    let spec = panelOf("Socrates", "Feynman");
    const result = { single: { seats: { socrates: sim2, feynman: sim2 } }, routed: { seats: { socrates: sim2, feynman: sim3 } } };
    spec = applySpread(spec, result, "routed");
    expect(spec.activePlan).toBe("routed");
    expect(activeSeat(spec, "feynman")).toEqual(sim3);
    spec = setActivePlan(spec, "single");
    expect(activeSeat(spec, "feynman")).toEqual(sim2);
    expect(spec.plans.routed).toEqual(result.routed);
  });

  it("rows put the two plans side by side with the routed explanation, and flag collocated pairs", () => {
    let spec = panelOf("Socrates", "Feynman");
    spec = addPair(spec);
    const plans = { single: { seats: { socrates: sim2, feynman: sim2 } }, routed: { seats: { socrates: sim2, feynman: sim3 }, explanations: { feynman: "Opposite of socrates: another model" } } };
    const rows = planRows([{ key: "socrates", name: "Socrates" }, { key: "feynman", name: "Feynman" }], plans);
    expect(rows[1]).toEqual({ key: "feynman", name: "Feynman", single: "Simulator — not a language model · persona-sim-2", routed: "Simulator — not a language model · persona-sim-3", explanation: "Opposite of socrates: another model", moved: true });
    expect(rows[0].moved).toBe(false);
    expect(collocatedPairs(plans.single, spec.polarityPairs)).toHaveLength(1);
    expect(collocatedPairs(plans.routed, spec.polarityPairs)).toHaveLength(0);
  });
});

describe("polarity pairs", () => {
  it("adds the next unpaired couple, and nothing once every couple is paired", () => {
    let spec = panelOf("A", "B", "C");
    spec = addPair(addPair(addPair(spec)));
    expect(spec.polarityPairs.map((p) => `${p.a}-${p.b}`)).toEqual(["a-b", "a-c", "b-c"]);
    expect(addPair(spec)).toBe(spec);
    expect(addPair(panelOf("Solo"))).toEqual(panelOf("Solo"));
  });

  it("a direction without an axis is dropped; an axis keeps it", () => {
    let spec = addPair(panelOf("A", "B"));
    spec = updatePair(spec, 0, { a: "a", b: "b", direction: "a_higher" });
    expect(spec.polarityPairs[0]).toEqual({ a: "a", b: "b" });
    spec = updatePair(spec, 0, { a: "a", b: "b", axis: { trait: "skeptical" }, direction: "b_higher" });
    expect(spec.polarityPairs[0]).toEqual({ a: "a", b: "b", axis: { trait: "skeptical" }, direction: "b_higher" });
    expect(panelSpecSchema.safeParse(spec).success).toBe(true);
  });

  it("names what is wrong with each pair", () => {
    let spec = panelOf("A", "B");
    spec = { ...spec, polarityPairs: [{ a: "a", b: "b" }, { a: "b", b: "a" }, { a: "a", b: "a" }, { a: "a", b: "zed" }] };
    const problems = pairProblems(spec);
    expect(problems.get(0)).toBeUndefined();
    expect(problems.get(1)).toBe("Same two members as pair 1");
    expect(problems.get(2)).toMatch(/cannot be its own opposite/);
    expect(problems.get(3)).toBe('"zed" is not a member of this panel');
  });

  it("describes a pair in words", () => {
    const names: Record<string, string> = { socrates: "Socrates", feynman: "Feynman" };
    const n = (k: string) => names[k];
    expect(describePair({ a: "socrates", b: "feynman" }, n)).toBe("Socrates ↔ Feynman, overall");
    expect(describePair({ a: "socrates", b: "feynman", axis: { trait: "skeptical" }, direction: "a_higher" }, n, (k) => k.toUpperCase())).toBe("Socrates ↔ Feynman, on SKEPTICAL (Socrates higher)");
    expect(describePair({ a: "socrates", b: "feynman", axis: { weights: { skeptical: 0.5, warm: -0.5 } } }, n)).toBe("Socrates ↔ Feynman, on +skeptical −warm");
  });
});

describe("groups", () => {
  it("a group needs a name and two members before the server accepts it", () => {
    let spec = addGroup(panelOf("A", "B", "C"), "Triad", []);
    expect(groupProblems(spec).get(0)).toBe("A group needs at least two members");
    spec = toggleGroupMember(toggleGroupMember(spec, 0, "a"), 0, "c");
    expect(groupProblems(spec).size).toBe(0);
    expect(panelSpecSchema.safeParse(spec).success).toBe(true);
    spec = toggleGroupMember(spec, 0, "a");
    expect(spec.groups[0].members).toEqual(["c"]);
    expect(groupProblems({ ...spec, groups: [{ name: " ", members: ["a", "b"] }] }).get(0)).toBe("Give the group a name");
  });
});
