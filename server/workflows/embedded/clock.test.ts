import { afterEach, describe, expect, it, vi } from "vitest";
import { ShiftableClock } from "./clock";

afterEach(() => vi.useRealTimers());

describe("the shiftable clock's history", () => {
  it("reads a real time with the offset in effect then", () => {
    vi.useFakeTimers({ now: new Date("2026-01-01T10:00:00Z") });
    const clock = new ShiftableClock();
    const before = new Date();
    vi.setSystemTime(new Date("2026-01-01T10:01:00Z"));
    clock.shift("1d");
    const after = new Date("2026-01-01T10:02:00Z");
    vi.setSystemTime(new Date("2026-01-01T10:03:00Z"));
    clock.shift("1h");
    expect(clock.offsetAt(before)).toBe(0);
    expect(clock.offsetAt(after)).toBe(86_400_000);
    expect(clock.offsetAt(new Date("2026-01-01T10:04:00Z"))).toBe(90_000_000);
    expect(clock.now().toISOString()).toBe("2026-01-02T11:03:00.000Z");
  });
});
