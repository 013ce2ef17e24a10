import type { ElementContent, Root, RootContent } from "hast";
import { createElement, type ComponentProps, type JSX } from "react";
import ReactMarkdown, { type Components, type ExtraProps } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { cn } from "@/components/ui/cn";
import { rehypeMentions } from "@/lib/review/rehype-mentions";

// Comment bodies are written by workspace members and shown on share pages, so
// they are untrusted. Three layers, each enough on its own for the common attacks:
// raw HTML is never parsed (skipHtml, no rehype-raw), rehype-sanitize applies
// GitHub's allow-list, and every URL left is checked against a stricter
// protocol list. Images become links: loading them would tell a third party
// who read the comment.

// remark-rehype already prefixes the only ids markdown can produce (footnotes,
// "user-content-fn-1"); prefixing again would break the footnote links.
const SCHEMA = { ...defaultSchema, clobberPrefix: "" };
const MENTION_CLASS = "rounded bg-brand-50 px-0.5 font-medium text-brand-700";

export function Markdown({ source, className, handles = [] }: { source: string; className?: string; handles?: readonly string[] }) {
  return (
    <div className={cn("space-y-3 text-sm leading-6 break-words text-slate-700", className)}>
      <ReactMarkdown
        skipHtml
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeSanitize, SCHEMA], rehypeImagesAsLinks, [rehypeMentions, { handles, className: MENTION_CLASS }]]}
        urlTransform={safeUrl}
        components={COMPONENTS}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}

const SAFE_PROTOCOLS = new Set(["http", "https", "mailto"]);

// Browsers ignore ASCII whitespace and control characters in a URL (and around
// it), so "java\tscript:" must be judged as "javascript:". Entities were already
// decoded by the markdown parser. Anything before a first ":" that is not behind
// a "/", "?" or "#" counts as a scheme, even a malformed one; without one the
// URL is relative and stays on our origin.
function safeUrl(url: string): string {
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, "");
  const scheme = /^([^/?#:]*):/.exec(cleaned)?.[1];
  return scheme === undefined || SAFE_PROTOCOLS.has(scheme.toLowerCase()) ? cleaned : "";
}

type Parent = { children: (RootContent | ElementContent)[] };

function rehypeImagesAsLinks() {
  return (tree: Root) => swapImages(tree, false);
}

// An image inside a link keeps only its text: anchors must not nest.
function swapImages(parent: Parent, inLink: boolean) {
  parent.children = parent.children.map((child): RootContent => {
    if (child.type !== "element") return child;
    if (child.tagName !== "img") {
      swapImages(child, inLink || child.tagName === "a");
      return child;
    }
    const src = typeof child.properties.src === "string" ? child.properties.src : "";
    const alt = typeof child.properties.alt === "string" ? child.properties.alt : "";
    const label: ElementContent = { type: "text", value: alt || src || "image" };
    if (inLink || !src) return label;
    return { type: "element", tagName: "a", properties: { href: src, title: alt ? src : undefined }, children: [label] };
  });
}

type Tag = keyof JSX.IntrinsicElements;

// react-markdown passes the hast node along; it must not reach the DOM.
function styled<T extends Tag>(tag: T, classes: string) {
  function Styled({ node: _node, className, ...props }: ComponentProps<T> & ExtraProps & { className?: string }) {
    return createElement(tag, { ...props, className: cn(classes, className) });
  }
  Styled.displayName = `Markdown.${tag}`;
  return Styled;
}

function Link({ node: _node, href, className, children, ...props }: ComponentProps<"a"> & ExtraProps) {
  // An unsafe URL arrives as "" — render the text, not a link back to this page.
  if (!href) return <span className={className}>{children}</span>;
  const inPage = href.startsWith("#");
  return (
    <a
      {...props}
      href={href}
      className={cn("font-medium text-brand-600 underline underline-offset-2 hover:text-brand-700", className)}
      rel="noopener noreferrer nofollow"
      target={inPage ? undefined : "_blank"}
    >
      {children}
    </a>
  );
}

const HEADING = "text-sm font-semibold text-slate-900";

const COMPONENTS: Components = {
  a: Link,
  h1: styled("h1", HEADING),
  h2: styled("h2", HEADING),
  h3: styled("h3", HEADING),
  h4: styled("h4", HEADING),
  h5: styled("h5", HEADING),
  h6: styled("h6", HEADING),
  ul: styled("ul", "list-disc space-y-1 pl-5"),
  ol: styled("ol", "list-decimal space-y-1 pl-5"),
  code: styled("code", "rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800"),
  // The code inside a block drops its inline chip styling.
  pre: styled("pre", "overflow-x-auto rounded-md bg-slate-100 p-3 text-xs leading-5 [&>code]:bg-transparent [&>code]:p-0 [&>code]:text-xs"),
  blockquote: styled("blockquote", "border-l-4 border-slate-200 pl-3 text-slate-600"),
  hr: styled("hr", "border-slate-200"),
  del: styled("del", "text-slate-500"),
  table: styled("table", "block w-max max-w-full overflow-x-auto border-collapse text-left"),
  th: styled("th", "border-b border-slate-200 px-2 py-1 font-semibold text-slate-900"),
  td: styled("td", "border-b border-slate-100 px-2 py-1"),
};
