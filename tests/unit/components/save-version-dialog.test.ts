import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SaveVersionDialog } from "@/components/versions/save-version-dialog";

// One "Save version" dialog serves the persona and the panel editors; each passes its own wording.

const render = (over: Partial<Parameters<typeof SaveVersionDialog>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(SaveVersionDialog, {
      open: true, onClose: () => {}, onSave: () => {}, nextNumber: 4, busy: false, error: null,
      description: "The draft is saved first; the version freezes members.",
      placeholder: "Routed the sceptics away",
      fieldId: "panel-version-message",
      ...over,
    }),
  );

describe("the save-version dialog", () => {
  it("shows the caller's wording, the next number and labels the message field", () => {
    const html = render();
    expect(html).toContain("Save version 4");
    expect(html).toContain("The draft is saved first; the version freezes members.");
    expect(html).toContain('placeholder="Routed the sceptics away"');
    expect(html).toContain('for="panel-version-message"');
    expect(html).toContain('id="panel-version-message"');
  });

  it("cannot save without a message, and says so while saving", () => {
    expect(render()).toMatch(/<button[^>]*disabled=""[^>]*>Save version<\/button>/);
    expect(render({ busy: true })).toContain("Saving…");
  });

  it("shows the error under the field", () => {
    expect(render({ error: "Version limit reached" })).toContain("Version limit reached");
  });
});
