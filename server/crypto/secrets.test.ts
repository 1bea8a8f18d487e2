import { describe, expect, it } from "vitest";
import { decryptFields, decryptSecret, encryptFields, encryptSecret, isEncrypted } from "./secrets";

describe("secrets at rest", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret("re_live_123");
    expect(sealed).not.toContain("re_live_123");
    expect(isEncrypted(sealed)).toBe(true);
    expect(decryptSecret(sealed)).toBe("re_live_123");
    expect(encryptSecret("same")).not.toBe(encryptSecret("same"));
  });

  it("detects tampering", () => {
    const sealed = encryptSecret("hello");
    // Flip one bit of the ciphertext itself (editing base64 text can land on padding bits and change nothing).
    const parts = sealed.split(".");
    const data = Buffer.from(parts.at(-1)!, "base64url");
    data[0]! ^= 1;
    const tampered = [...parts.slice(0, -1), data.toString("base64url")].join(".");
    expect(() => decryptSecret(tampered)).toThrow();
  });

  it("encrypts only the marked fields", () => {
    const sealed = encryptFields({ apiKey: "k", from: "a@b.c" }, ["apiKey"]);
    expect(sealed.from).toBe("a@b.c");
    expect(isEncrypted(sealed.apiKey)).toBe(true);
    expect(encryptFields(sealed, ["apiKey"]).apiKey).toBe(sealed.apiKey);
    expect(decryptFields(sealed, ["apiKey"])).toEqual({ apiKey: "k", from: "a@b.c" });
  });
});
