import { describe, expect, it } from "vitest";
import { exportFiles, importProblems, splitCouncilUpload } from "@/components/panels/council-files";

const md = (name: string) => ({ fileName: name, text: `---\nname: ${name}\n---\nbody` });

describe("picked council files", () => {
  it("member files go to files, the one .yaml to seatPlan, the name is trimmed", () => {
    const plan = { fileName: "provider-model-slots.yaml", text: "seats: {}" };
    const { body, problems } = splitCouncilUpload([md("council-socrates.md"), plan, md("council-feynman.MD")], "  Council  ");
    expect(problems).toEqual([]);
    expect(body).toEqual({ name: "Council", files: [md("council-socrates.md"), md("council-feynman.MD")], seatPlan: plan });
  });

  it("no seat plan and no name is fine", () => {
    expect(splitCouncilUpload([md("a.md")]).body).toEqual({ files: [md("a.md")] });
  });

  it("refuses other files, two seat plans, no member file, the same file twice", () => {
    const { body, problems } = splitCouncilUpload([
      { fileName: "notes.txt", text: "x" }, { fileName: "a.yaml", text: "" }, { fileName: "b.yml", text: "" },
    ]);
    expect(body).toBeNull();
    expect(problems).toEqual([
      "notes.txt: not a member file (.md) or a seat plan (.yaml)",
      "Pick one seat plan, not 2 (a.yaml, b.yml)",
      "Pick at least one council member file (.md)",
    ]);
    expect(splitCouncilUpload([md("a.md"), md("a.md")]).problems).toEqual(["a.md is picked twice"]);
  });
});

describe("an import's 422", () => {
  it("lists every problem with file and line when the server sends them", () => {
    const err = {
      message: "files: council-x.md line 3: council.figure is missing (and 1 more); nothing was imported",
      details: { errors: [
        { file: "council-x.md", line: 3, field: "files", message: "council.figure is missing" },
        { file: "slots.yaml", field: "seatPlan", message: "seats.socrates.model is missing" },
      ] },
    };
    expect(importProblems(err)).toEqual(["council-x.md line 3: council.figure is missing", "slots.yaml: seats.socrates.model is missing"]);
  });

  it("falls back to the message", () => {
    expect(importProblems({ message: "Request failed (500)" })).toEqual(["Request failed (500)"]);
    expect(importProblems({ message: "m", details: { errors: [{ nope: 1 }] } })).toEqual(["m"]);
  });
});

describe("an export", () => {
  it("downloads member files then the seat plan, when there is one", () => {
    const plan = { fileName: "seat-plan.yaml", text: "seats: {}" };
    expect(exportFiles({ files: [md("a.md")], seatPlan: plan }).map((f) => f.fileName)).toEqual(["a.md", "seat-plan.yaml"]);
    expect(exportFiles({ files: [md("a.md")], seatPlan: null })).toHaveLength(1);
  });
});
