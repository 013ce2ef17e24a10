import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/review/markdown";

const render = (source: string, handles?: string[]) => renderToStaticMarkup(createElement(Markdown, { source, handles }));
const hrefs = (html: string) => [...html.matchAll(/\shref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);

const PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[x](  javascript:alert(1))",
  "[x](java&#x73;cript:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x](<java\tscript:alert(1)>)",
  "[x](data:text/html;base64,PHNjcmlwdD4=)",
  "[x](vbscript:msgbox(1))",
  "[x][ref]\n\n[ref]: javascript:alert(1)",
  "<svg onload=alert(1)>",
  '<iframe src="https://evil">',
  "![img](https://tracker.example/p.png)",
  "![img](javascript:alert(1))",
  "<javascript:alert(1)>",
  '<div style="background:url(javascript:alert(1))" onclick="alert(1)">hi</div>',
];

describe("Markdown: untrusted input renders inert", () => {
  it.each(PAYLOADS)("%s", (payload) => {
    const html = render(`before\n\n${payload}\n\nafter`);
    expect(html).toContain("before");
    expect(html).toContain("after");
    expect(html).not.toMatch(/<(script|iframe|svg|img|object|embed|style)\b/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
    for (const href of hrefs(html)) expect(href).toMatch(/^(https?:|mailto:|\/|#)/i);
    expect(html).not.toMatch(/(href|src)=["']?\s*(javascript|data|vbscript):/i);
  });

  it("keeps the text of a link whose URL was dropped, without making it a link", () => {
    const html = render("[click](javascript:alert(1))");
    expect(html).toContain("click");
    expect(html).not.toContain("<a");
  });

  it("drops protocols the sanitiser allows but comments do not need", () => {
    expect(render("[chat](irc://irc.example/room) [me](xmpp:me@x.example)")).not.toContain("href");
  });

  it("turns images into links instead of loading them", () => {
    const html = render("![diagram](https://cdn.example/d.png)");
    expect(html).not.toContain("<img");
    expect(html).toMatch(/<a [^>]*href="https:\/\/cdn.example\/d.png"[^>]*>diagram<\/a>/);
  });

  it("does not nest a link for an image inside a link", () => {
    const html = render("[![badge](https://i.example/b.svg)](https://ci.example)");
    expect(html.match(/<a\s/g)).toHaveLength(1);
    expect(html).toMatch(/href="https:\/\/ci.example"[^>]*>badge<\/a>/);
  });
});

describe("Markdown: formatting", () => {
  it("renders emphasis, lists, code and quotes as their elements", () => {
    const html = render("**bold** _it_ `code`\n\n- one\n- two\n\n1. first\n\n> quoted\n\n```\nconst a = 1;\n```");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>it</em>");
    expect(html).toMatch(/<code class="[^"]*bg-slate-100[^"]*">code<\/code>/);
    expect(html).toMatch(/<ul class="[^"]*list-disc[^"]*">\s*<li>one<\/li>\s*<li>two<\/li>/);
    expect(html).toMatch(/<ol class="[^"]*list-decimal[^"]*">\s*<li>first<\/li>/);
    expect(html).toMatch(/<blockquote class="[^"]*border-l[^"]*">\s*<p>quoted<\/p>/);
    expect(html).toMatch(/<pre class="[^"]*overflow-x-auto[^"]*"><code[^>]*>const a = 1;/);
  });

  it("opens web links in a new tab without referrer or opener", () => {
    const html = render("[docs](https://docs.example/a) and https://auto.example");
    const links = html.match(/<a [^>]*>/g) ?? [];
    expect(links).toHaveLength(2);
    for (const a of links) {
      expect(a).toContain('rel="noopener noreferrer nofollow"');
      expect(a).toContain('target="_blank"');
      expect(a).toContain("text-brand-600");
    }
    expect(hrefs(html)).toEqual(["https://docs.example/a", "https://auto.example"]);
  });

  it("keeps mailto and relative links", () => {
    const html = render("[mail](mailto:a@b.example?subject=a:b) [page](/w/x/personas?at=10:30) [top](#top) [rel](notes.md)");
    expect(hrefs(html)).toEqual(["mailto:a@b.example?subject=a:b", "/w/x/personas?at=10:30", "#top", "notes.md"]);
  });

  it("renders GFM tables, strikethrough and working footnotes", () => {
    const html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ new[^n]\n\n[^n]: why");
    expect(html).toMatch(/<table[^>]*><thead><tr><th[^>]*>a<\/th>/);
    expect(html).toMatch(/<td[^>]*>2<\/td>/);
    expect(html).toMatch(/<del[^>]*>old<\/del>/);
    const target = /href="#([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`id="${target}"`);
  });

  it("merges the caller's class onto the wrapper", () => {
    expect(renderToStaticMarkup(createElement(Markdown, { source: "x", className: "text-xs" }))).toMatch(/^<div class="[^"]*text-xs[^"]*">/);
  });
});

describe("Markdown: mentions", () => {
  it("highlights known handles only", () => {
    const html = render("thanks @ada.lovelace and @BOB, not @nobody or bob@ex.com", ["ada.lovelace", "bob"]);
    expect(html).toMatch(/<span class="[^"]*font-medium text-brand-700[^"]*" data-mention="ada.lovelace">@ada.lovelace<\/span> and/);
    expect(html).toMatch(/<span [^>]*data-mention="bob">@BOB<\/span>,/);
    expect(html.match(/data-mention/g)).toHaveLength(2);
  });

  it("highlights inside emphasis, lists and quotes", () => {
    const html = render("**@bob** look\n\n- ask @bob\n\n> @bob said", ["bob"]);
    expect(html.match(/data-mention="bob"/g)).toHaveLength(3);
  });

  it("does not highlight inside code or links", () => {
    const html = render("`@bob`\n\n```\n@bob\n```\n\n[@bob](https://x.example)", ["bob"]);
    expect(html).not.toContain("data-mention");
  });

  it("highlights nothing without handles", () => {
    expect(render("@bob")).not.toContain("data-mention");
  });
});
