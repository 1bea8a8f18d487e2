import { createHash, randomBytes } from "node:crypto";

export type TApiKeyKind = "write" | "secret";

// Write keys go into apps and browsers (ingestion only); secret keys stay on servers.
const PREFIXES: Record<TApiKeyKind, string> = { write: "pcw_", secret: "pcs_" };

export function generateApiKey(kind: TApiKeyKind): { key: string; prefix: string; hash: string } {
  const key = PREFIXES[kind] + randomBytes(24).toString("base64url");
  return { key, prefix: key.slice(0, 12), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function kindOfKey(key: string): TApiKeyKind | null {
  if (key.startsWith(PREFIXES.write)) return "write";
  if (key.startsWith(PREFIXES.secret)) return "secret";
  return null;
}
