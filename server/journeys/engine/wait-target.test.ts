import { describe, expect, it } from "vitest";
import { nextTimeOfDay, waitTarget } from "./wait-target";

describe("wait targets", () => {
  const now = new Date("2026-03-28T20:00:00Z");

  it("finds the next time of day in the profile's zone, tomorrow when it has passed", () => {
    expect(nextTimeOfDay("09:00", "Europe/Paris", now).toISOString()).toBe("2026-03-29T07:00:00.000Z"); // after the DST change: UTC+2
    expect(nextTimeOfDay("22:30", "Europe/Paris", now).toISOString()).toBe("2026-03-28T21:30:00.000Z"); // still today, UTC+1
    expect(nextTimeOfDay("09:00", "America/Los_Angeles", now).toISOString()).toBe("2026-03-29T16:00:00.000Z");
  });

  it("uses UTC for a profile without a (valid) zone", () => {
    expect(nextTimeOfDay("21:00", null, now).toISOString()).toBe("2026-03-28T21:00:00.000Z");
    expect(nextTimeOfDay("08:00", "Mars/Olympus", now).toISOString()).toBe("2026-03-29T08:00:00.000Z");
  });

  it("ends a wait on a date in the past at once, and adds durations", () => {
    expect(waitTarget({ mode: "until", at: "2026-03-01T00:00:00Z" }, null, now)).toBeNull();
    expect(waitTarget({ mode: "until", at: "2026-04-01T00:00:00+02:00" }, null, now)?.toISOString()).toBe("2026-03-31T22:00:00.000Z");
    expect(waitTarget({ mode: "duration", duration: { amount: 90, unit: "minutes" } }, null, now)?.toISOString()).toBe("2026-03-28T21:30:00.000Z");
  });
});
