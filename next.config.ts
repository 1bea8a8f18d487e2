import type { NextConfig } from "next";
import { securityHeaders } from "./server/http/security-headers";

const nextConfig: NextConfig = {
  // NEXT_DIST_DIR lets two builds of one checkout live side by side (parallel local e2e runs).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // The Docker image (Dockerfile) builds a standalone server; `next start` and CI stay unchanged.
  ...(process.env.PARCOURS_STANDALONE === "1" ? { output: "standalone" as const } : {}),
  // CI type-checks in its own step (tsc --noEmit); a local build may skip it while work is in progress.
  typescript: { ignoreBuildErrors: process.env.PARCOURS_SKIP_TYPECHECK === "1" },
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs", "twilio", "web-push", "nodemailer", "resend", "svix"],
  typedRoutes: false,
  devIndicators: false,
  // CSP, framing, HSTS and friends: server/http/security-headers.ts.
  async headers() {
    return securityHeaders();
  },
};

export default nextConfig;
