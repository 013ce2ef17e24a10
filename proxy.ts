import { NextResponse, type NextRequest } from "next/server";

// Content-Security-Policy for pages, with a fresh nonce per request. Next.js
// reads the nonce from the request's CSP header and puts it on its own
// framework and page scripts; 'strict-dynamic' lets those load the chunks they
// import. Nothing else runs: no inline script without the nonce, no eval
// (except in `next dev`, where React uses it to rebuild server error stacks).
//
// The proxy runs for pages only. Not for /api/**: Next.js buffers the body of
// every request a proxy sees (up to 10 MB), which would defeat the route
// wrapper's capped body reading; API responses get their own fixed CSP from
// next.config.mjs. Not for static assets either (no HTML, nothing to protect).
//
// Headers that do not change per request (nosniff, Referrer-Policy,
// X-Frame-Options, no-referrer on /s/…) are set in next.config.mjs for every
// response, API included.

function pageCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // 'unsafe-inline' for styles only: recharts sets inline style attributes on its
    // SVG and React renders `style={…}` props as attributes; neither can carry a
    // nonce. Styles cannot run code, and scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // No upgrade-insecure-requests: the studio is served over plain http on
    // localhost or a LAN address by default, and upgrading would break it.
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = pageCsp(nonce, process.env.NODE_ENV === "development");
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything except /api/**, Next's static files and image optimiser, and public files.
      source: "/((?!api/|api$|_next/static|_next/image|favicon\\.ico|icon\\.svg|robots\\.txt|sitemap\\.xml).*)",
      // Prefetches fetch RSC data, not HTML: no scripts to allow.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
