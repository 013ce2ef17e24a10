// Headers on every response, API included. The page CSP (with its per-request
// nonce) is set by proxy.ts; API responses are JSON or downloads, never a
// document that should run or embed anything, so they get a CSP that allows nothing.
const everywhere = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Prisma's generated client and better-sqlite3 stay outside the bundle (native module).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // A second build beside the first (parallel e2e runs in one checkout): NEXT_DIST_DIR=.next-b.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    // For the same key, a later entry wins over an earlier one.
    return [
      { source: "/:path*", headers: everywhere },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
      // A share page's URL is its credential: never send it on as a Referer (the 404 too).
      { source: "/s/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/api/share/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default nextConfig;
