import { describe, expect, it } from "vitest";
import { nextOccurrence, upcomingOccurrences } from "./schedule";
import { waveInstant } from "./local-time";
import { zonedToUtc } from "./zoned-time";

describe("campaign schedules", () => {
  it("reads a wall-clock time in a zone, across DST", () => {
    expect(zonedToUtc("2026-07-01T09:30", "Europe/Paris")!.toISOString()).toBe("2026-07-01T07:30:00.000Z");
    expect(zonedToUtc("2026-01-15T09:30", "Europe/Paris")!.toISOString()).toBe("2026-01-15T08:30:00.000Z");
    expect(zonedToUtc("2026-03-08T02:30", "America/New_York")!.toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("sends an 'at' schedule once, only in the future", () => {
    const s = { type: "at" as const, at: "2026-05-01T10:00", timezone: "UTC" };
    expect(nextOccurrence(s, new Date("2026-04-01T00:00:00Z"))!.toISOString()).toBe("2026-05-01T10:00:00.000Z");
    expect(nextOccurrence(s, new Date("2026-05-01T10:00:00Z"))).toBeNull();
  });

  it("recurs weekly in the zone from startsOn until the until day", () => {
    const s = { type: "recurring" as const, frequency: "weekly" as const, daysOfWeek: [1, 4], time: "09:00", timezone: "Europe/Paris", startsOn: "2026-03-05", until: "2026-03-12" };
    const dates = upcomingOccurrences(s, new Date("2026-03-01T00:00:00Z"), 10).map((d) => d.toISOString());
    expect(dates).toEqual(["2026-03-05T08:00:00.000Z", "2026-03-09T08:00:00.000Z", "2026-03-12T08:00:00.000Z"]);
  });

  it("recurs monthly on a day of the month", () => {
    const s = { type: "recurring" as const, frequency: "monthly" as const, dayOfMonth: 15, time: "18:30", timezone: "UTC", startsOn: "2026-01-01" };
    expect(upcomingOccurrences(s, new Date("2026-01-20T00:00:00Z"), 2).map((d) => d.toISOString())).toEqual(["2026-02-15T18:30:00.000Z", "2026-03-15T18:30:00.000Z"]);
  });
});

describe("local-time schedules", () => {
  const s = { type: "local" as const, date: "2026-12-10", time: "09:00" };

  it("starts when the first zone (UTC+14) reaches the time, or at once when activated later", () => {
    expect(upcomingOccurrences(s, new Date("2026-12-01T00:00:00Z")).map((d) => d.toISOString())).toEqual(["2026-12-09T19:00:00.000Z"]);
    expect(upcomingOccurrences(s, new Date("2026-12-10T10:00:00Z")).map((d) => d.toISOString())).toEqual(["2026-12-10T10:00:00.000Z"]);
    // Past 09:00 in UTC-12 too: no send left.
    expect(upcomingOccurrences(s, new Date("2026-12-10T21:00:00Z"))).toEqual([]);
  });

  it("sends each zone at its 09:00; a zone whose 09:00 passed before the start goes the next day", () => {
    const start = new Date("2026-12-09T19:00:00Z");
    expect(waveInstant(s, "Europe/Paris", start).toISOString()).toBe("2026-12-10T08:00:00.000Z");
    expect(waveInstant(s, "America/New_York", start).toISOString()).toBe("2026-12-10T14:00:00.000Z");
    const late = new Date("2026-12-10T10:00:00Z");
    expect(waveInstant(s, "Europe/Paris", late).toISOString()).toBe("2026-12-11T08:00:00.000Z");
    expect(waveInstant(s, "America/New_York", late).toISOString()).toBe("2026-12-10T14:00:00.000Z");
    expect(waveInstant({ ...s, date: "2026-12-31" }, "Europe/Paris", new Date("2027-01-01T00:00:00Z")).toISOString()).toBe("2027-01-01T08:00:00.000Z");
  });
});
