import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { deriveKey } from "./secret-key";

const PREFIX = "enc:v1:";

/** AES-256-GCM; the output is self-describing so plain values can be told apart. */
export function encryptSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey("settings"), iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return PREFIX + [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(".");
}

export function isEncrypted(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function decryptSecret(value: string): string {
  if (!isEncrypted(value)) throw new Error("Value is not an encrypted secret");
  const [iv, tag, data] = value.slice(PREFIX.length).split(".").map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !data) throw new Error("Encrypted secret is malformed");
  const decipher = createDecipheriv("aes-256-gcm", deriveKey("settings"), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}

/** Encrypt the named fields of a settings object, leaving the others as they are. */
export function encryptFields<T extends Record<string, unknown>>(settings: T, fields: readonly (keyof T)[]): T {
  const out = { ...settings };
  for (const field of fields) {
    const value = out[field];
    if (typeof value === "string" && !isEncrypted(value)) out[field] = encryptSecret(value) as T[keyof T];
  }
  return out;
}

export function decryptFields<T extends Record<string, unknown>>(settings: T, fields: readonly (keyof T)[]): T {
  const out = { ...settings };
  for (const field of fields) {
    const value = out[field];
    if (typeof value === "string" && isEncrypted(value)) out[field] = decryptSecret(value) as T[keyof T];
  }
  return out;
}
