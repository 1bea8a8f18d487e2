import { createHash, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@/server/config/data-dir";

let cached: Buffer | undefined;

/**
 * The 32-byte master key: PARCOURS_SECRET_KEY (base64 of 32 bytes, or any passphrase,
 * hashed), or in embedded mode a key generated once into the data folder.
 */
export function masterKey(): Buffer {
  if (cached) return cached;
  const fromEnv = process.env.PARCOURS_SECRET_KEY;
  if (fromEnv) {
    const decoded = Buffer.from(fromEnv, "base64");
    cached = decoded.length === 32 ? decoded : createHash("sha256").update(fromEnv).digest();
    return cached;
  }
  if (process.env.DATABASE_URL && process.env.NODE_ENV === "production") {
    throw new Error("PARCOURS_SECRET_KEY must be set when DATABASE_URL points at a shared database.");
  }
  const file = path.join(dataDir(), "secret.key");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  cached = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  return cached;
}

/** A key for one purpose, so the master key itself is never used twice. */
export function deriveKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey(), Buffer.alloc(0), `parcours:${purpose}`, 32));
}
