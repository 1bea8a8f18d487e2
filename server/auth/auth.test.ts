import { describe, expect, it } from "vitest";
import { createUser } from "@/test/fixtures";
import { signUpUser } from "./sign-up";
import { MAX_FAILURES, verifyCredentials } from "./verify-credentials";

describe("sign-up and sign-in", () => {
  it("creates a user with a hashed password and refuses a second account on the same email", async () => {
    const user = await signUpUser({ name: "Ada", email: "ada@example.com", password: "correct horse" });
    expect(user.email).toBe("ada@example.com");
    expect(await verifyCredentials("ADA@example.com ", "correct horse")).toMatchObject({ ok: true, user: { id: user.id } });
    await expect(signUpUser({ name: "Ada", email: "ada@example.com", password: "another one" })).rejects.toThrow(/already exists/);
  });

  it("refuses a wrong password and an unknown email the same way", async () => {
    await createUser("bob@example.com", "right password");
    expect(await verifyCredentials("bob@example.com", "wrong password")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials("nobody@example.com", "whatever")).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles repeated failures, even when the right password finally comes", async () => {
    await createUser("eve@example.com", "the real one");
    for (let i = 0; i < MAX_FAILURES; i++) await verifyCredentials("eve@example.com", `guess ${i}`);
    expect(await verifyCredentials("eve@example.com", "the real one")).toEqual({ ok: false, reason: "rate-limited" });
    expect(await verifyCredentials("other@example.com", "x")).toEqual({ ok: false, reason: "invalid" });
  });
});
