import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs"],
  typedRoutes: false,
  devIndicators: false,
};

export default nextConfig;
