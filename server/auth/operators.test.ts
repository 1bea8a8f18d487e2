import { afterEach, describe, expect, it, vi } from "vitest";
import { isOperator, operatorEmails } from "./operators";
import { signUpUser } from "./sign-up";

afterEach(() => vi.unstubAllEnvs());

describe("instance operators", () => {
  it("are the emails of PARCOURS_OPERATORS, in any case, and nobody when it is unset", () => {
    vi.stubEnv("PARCOURS_OPERATORS", " Ops@Example.com,, root@example.org ");
    expect([...operatorEmails()]).toEqual(["ops@example.com", "root@example.org"]);
    expect(isOperator({ email: "OPS@example.com" })).toBe(true);
    expect(isOperator({ email: "admin@example.com" })).toBe(false);
    expect(isOperator(null)).toBe(false);
    vi.stubEnv("PARCOURS_OPERATORS", "");
    expect(isOperator({ email: "ops@example.com" })).toBe(false);
  });

  it("cannot be claimed by signing up with an operator's address", async () => {
    vi.stubEnv("PARCOURS_OPERATORS", "ops@example.com");
    await expect(signUpUser({ name: "Mallory", email: "ops@example.com", password: "long enough pass" })).rejects.toMatchObject({ code: "FORBIDDEN", field: "email" });
    await expect(signUpUser({ name: "Ann", email: "ann@example.com", password: "long enough pass" })).resolves.toMatchObject({ email: "ann@example.com" });
  });
});
