import { describe, expect, it } from "vitest";
import { parseDuration, sleepTarget } from "./durations";

describe("durations", () => {
  it("parses Inngest duration strings", () => {
    expect(parseDuration("30s")).toBe(30_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("1d")).toBe(86_400_000);
    expect(parseDuration("2w")).toBe(1_209_600_000);
    expect(parseDuration("250ms")).toBe(250);
    expect(parseDuration(0)).toBe(0);
    expect(() => parseDuration("soon")).toThrow(/Invalid duration/);
    expect(() => parseDuration("1d extra")).toThrow(/Invalid duration/);
  });

  it("reads sleepUntil dates", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(sleepTarget("2026-01-02T09:00:00.000Z", now).toISOString()).toBe("2026-01-02T09:00:00.000Z");
    expect(sleepTarget("1h", now).toISOString()).toBe("2026-01-01T01:00:00.000Z");
    expect(sleepTarget("", now)).toEqual(now);
  });
});
