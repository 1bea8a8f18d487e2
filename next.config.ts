import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // NEXT_DIST_DIR lets two builds of one checkout live side by side (parallel local e2e runs).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs"],
  typedRoutes: false,
  devIndicators: false,
};

export default nextConfig;
