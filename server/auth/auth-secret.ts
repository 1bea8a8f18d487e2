import { deriveKey } from "@/server/crypto/secret-key";

/** AUTH_SECRET when set; otherwise derived from the Parcours master key. */
export function authSecret(): string {
  return process.env.AUTH_SECRET ?? deriveKey("auth-session").toString("base64url");
}
