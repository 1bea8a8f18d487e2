import { describe, expect, it, vi } from "vitest";
import { createUser } from "@/test/fixtures";
import { checkPassword } from "./passwords";
import { FAILURE_WINDOW_MS, MAX_FAILURES, MAX_FAILURES_PER_IP, reserveAttempt, throttleKeys } from "./sign-in-throttle";
import { verifyCredentials } from "./verify-credentials";

vi.mock("./passwords", async (importOriginal) => {
  const real = await importOriginal<typeof import("./passwords")>();
  return { ...real, checkPassword: vi.fn(real.checkPassword) };
});

const compared = vi.mocked(checkPassword);
const reasons = (results: { ok: boolean; reason?: string }[]) => results.map((r) => (r.ok ? "ok" : r.reason));

describe("sign-in throttling, counted before the password is compared", () => {
  it("compares at most MAX_FAILURES of 40 parallel wrong passwords for one account", async () => {
    await createUser("par@example.com", "the real one");
    compared.mockClear();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => verifyCredentials("par@example.com", `guess ${i}`, { ip: `10.0.0.${i}` })));
    expect(compared.mock.calls.length).toBeLessThanOrEqual(MAX_FAILURES);
    expect(reasons(results).filter((r) => r === "invalid")).toHaveLength(MAX_FAILURES);
    expect(reasons(results).filter((r) => r === "rate-limited")).toHaveLength(40 - MAX_FAILURES);
  });

  it("refuses the right password sent among 99 wrong ones in parallel", async () => {
    await createUser("mix@example.com", "the real one");
    compared.mockClear();
    const attempts = Array.from({ length: 99 }, (_, i) => verifyCredentials("mix@example.com", `guess ${i}`, { ip: "10.1.0.1" }));
    const right = verifyCredentials("mix@example.com", "the real one", { ip: "10.1.0.2" });
    const results = await Promise.all([...attempts, right]);
    expect(results.at(-1)).toEqual({ ok: false, reason: "rate-limited" });
    expect(results.some((r) => r.ok)).toBe(false);
    expect(compared.mock.calls.length).toBeLessThanOrEqual(MAX_FAILURES);
  });

  it("limits one address across many accounts, and not other addresses", async () => {
    const victim = await createUser("spray-victim@example.com", "the real one");
    compared.mockClear();
    const sprayed = await Promise.all(
      Array.from({ length: 60 }, (_, i) => verifyCredentials(`spray${i}@example.com`, "Summer2026!", { ip: "203.0.113.9" })),
    );
    expect(compared.mock.calls.length).toBeLessThanOrEqual(MAX_FAILURES_PER_IP);
    expect(reasons(sprayed).filter((r) => r === "rate-limited")).toHaveLength(60 - MAX_FAILURES_PER_IP);
    expect(await verifyCredentials(victim.email, "the real one", { ip: "203.0.113.9" })).toEqual({ ok: false, reason: "rate-limited" });
    expect(await verifyCredentials(victim.email, "the real one", { ip: "198.51.100.7" })).toMatchObject({ ok: true });
  });

  it("does not count right passwords against an address", async () => {
    const user = await createUser("office@example.com", "the real one");
    for (let i = 0; i < MAX_FAILURES_PER_IP + 5; i++) {
      expect(await verifyCredentials(user.email, "the real one", { ip: "192.0.2.1" })).toMatchObject({ ok: true });
    }
  });

  it("opens a new window once the previous one has passed", async () => {
    const keys = throttleKeys("later@example.com", null);
    const start = new Date();
    for (let i = 0; i < MAX_FAILURES; i++) expect(await reserveAttempt(keys, start)).toBe(true);
    expect(await reserveAttempt(keys, new Date(start.getTime() + FAILURE_WINDOW_MS - 1000))).toBe(false);
    expect(await reserveAttempt(keys, new Date(start.getTime() + FAILURE_WINDOW_MS + 1000))).toBe(true);
  });
});
