import { createECDH } from "node:crypto";

// VAPID keys are base64url: the public key an uncompressed P-256 point (65 bytes), the
// private key its 32-byte scalar; `npx web-push generate-vapid-keys` prints both.

const BASE64URL = /^[A-Za-z0-9_-]+$/;

const decode = (value: string): Buffer | null => (BASE64URL.test(value) ? Buffer.from(value, "base64url") : null);

export function isVapidPublicKey(value: string): boolean {
  const bytes = decode(value);
  return bytes?.length === 65 && bytes[0] === 0x04;
}

export function isVapidPrivateKey(value: string): boolean {
  return decode(value)?.length === 32;
}

/** Whether the private key is the one the public key was made from. */
export function vapidKeysMatch(publicKey: string, privateKey: string): boolean {
  const ecdh = createECDH("prime256v1");
  try {
    ecdh.setPrivateKey(Buffer.from(privateKey, "base64url"));
  } catch {
    return false;
  }
  return ecdh.getPublicKey("base64url") === publicKey;
}
