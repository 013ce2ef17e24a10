/** @type {import('next').NextConfig} */
const nextConfig = {
  // Prisma's generated client and better-sqlite3 stay outside the bundle (native module).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
};

export default nextConfig;
