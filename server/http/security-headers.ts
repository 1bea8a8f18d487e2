// Imported by next.config.ts: relative imports only, no "@/" paths.

export interface THeaderRule {
  source: string;
  has?: { type: "header"; key: string; value?: string }[];
  headers: { key: string; value: string }[];
}

const HSTS = { key: "Strict-Transport-Security", value: "max-age=31536000" };

/**
 * Content-Security-Policy. Scripts: 'self' plus 'unsafe-inline', because Next.js streams
 * inline scripts into every page and nonces would need a proxy that makes every page dynamic;
 * what it still stops is script from any other origin, plugins, <base> and form hijacking, and
 * framing. Email previews are sandboxed srcdoc frames that inherit this policy, so images and
 * fonts may come from anywhere, as an email's do.
 */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline' https:",
    "img-src * data: blob:",
    "font-src 'self' data: https:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The headers every response carries (next.config.ts `headers()`). HSTS goes out when the
 * public URL is https (decided when the app is built), and on any request a TLS-terminating
 * proxy marks as https; browsers ignore it over plain http.
 */
export function securityHeaders(env: Record<string, string | undefined> = process.env): THeaderRule[] {
  const headers = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(env.NODE_ENV === "development") },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  const publicUrl = env.PARCOURS_PUBLIC_URL || env.AUTH_URL || "";
  if (publicUrl.startsWith("https://")) return [{ source: "/:path*", headers: [...headers, HSTS] }];
  return [
    { source: "/:path*", headers },
    { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [HSTS] },
  ];
}
