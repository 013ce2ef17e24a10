import { describe, expect, it } from "vitest";
import { AVATAR_PALETTE, avatarColour, avatarInitials, avatarSvg, contrastRatio } from "@/lib/persona/avatar";

describe("generated avatar", () => {
  it("takes up to two initials, by code point, ignoring punctuation and emoji-only words, never mixing Latin with another script", () => {
    expect(avatarInitials("Nurse Ada")).toBe("NA");
    expect(avatarInitials("support agent of the month")).toBe("SA");
    expect(avatarInitials("Zoë 東京 🌙")).toBe("Z");
    expect(avatarInitials("東京 大阪")).toBe("東大");
    expect(avatarInitials("Ёлка Иван")).toBe("ЁИ");
    expect(avatarInitials("  ada  ")).toBe("A");
    expect(avatarInitials("🌙 ✨")).toBe("?");
    expect(avatarInitials("\"Quinn\" (librarian)")).toBe("QL");
  });

  it("picks the colour from the id alone, deterministically, spread over the palette", () => {
    expect(avatarColour("p_123")).toBe(avatarColour("p_123"));
    const used = new Set(Array.from({ length: 200 }, (_, i) => avatarColour(`persona-${i}`)));
    expect(used.size).toBe(AVATAR_PALETTE.length);
  });

  it("keeps white initials readable on every palette colour (WCAG AA, 4.5:1)", () => {
    for (const colour of AVATAR_PALETTE) expect(contrastRatio(colour, "#ffffff"), colour).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#ffff00", "#ffffff")).toBeLessThan(4.5);
  });

  it("draws an SVG of the initials on the colour; markup in the name never reaches it", () => {
    const svg = avatarSvg("p_1", "<b>& Co", 64);
    expect(svg).toContain(`fill="${avatarColour("p_1")}"`);
    expect(svg).toContain('width="64"');
    expect(svg).toContain(">BC<");
    expect(avatarSvg("p_1", "A & <B>")).not.toContain("<B>");
    expect(avatarSvg("p_1", "Ada")).toBe(avatarSvg("p_1", "Ada"));
  });
});
