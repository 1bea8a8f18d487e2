import { describe, expect, it } from "vitest";
import { signInviteToken, verifyInviteToken } from "./invite-token";

describe("invite tokens", () => {
  const id = "6b0c6f1e-7c55-4d8e-9d55-2f7c9a0d8b11";
  const inAWeek = new Date(Date.now() + 7 * 86_400_000);

  it("verifies its own signature and carries the invite id", () => {
    expect(verifyInviteToken(signInviteToken(id, inAWeek))).toMatchObject({ ok: true, inviteId: id });
  });

  it("refuses an expired link", () => {
    const token = signInviteToken(id, new Date(Date.now() - 1000));
    expect(verifyInviteToken(token)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a tampered link", () => {
    const token = signInviteToken(id, inAWeek);
    const [, signature] = token.split(".");
    const forged = `${Buffer.from(`${id}.9999999999`).toString("base64url")}.${signature}`;
    expect(verifyInviteToken(forged)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyInviteToken("garbage")).toEqual({ ok: false, reason: "malformed" });
  });
});
