import { describe, expect, it } from "vitest";
import { localMinutes, quietHoursEnd } from "./quiet-hours";

const window = { start: "21:00", end: "08:00" };

describe("quiet hours in the profile's time zone", () => {
  it("defers a message due at night to 08:00 local time", () => {
    // 23:30 in New York (EST, UTC-5) is 04:30 UTC; 08:00 local is 13:00 UTC.
    expect(quietHoursEnd(new Date("2026-01-15T04:30:00Z"), window, "America/New_York")?.toISOString()).toBe("2026-01-15T13:00:00.000Z");
    // 02:10 in Paris (CET, UTC+1) is 01:10 UTC; 08:00 local is 07:00 UTC.
    expect(quietHoursEnd(new Date("2026-01-15T01:10:00Z"), window, "Europe/Paris")?.toISOString()).toBe("2026-01-15T07:00:00.000Z");
  });

  it("lets daytime messages through, and the same instant differs by zone", () => {
    const at = new Date("2026-01-15T14:00:00Z");
    expect(quietHoursEnd(at, window, "Europe/Paris")).toBeNull(); // 15:00 in Paris
    expect(quietHoursEnd(at, window, "Asia/Tokyo")?.toISOString()).toBe("2026-01-15T23:00:00.000Z"); // 23:00 in Tokyo -> 08:00 JST
  });

  it("handles a window that does not wrap midnight, and the end minute itself", () => {
    const lunch = { start: "12:00", end: "14:00" };
    expect(quietHoursEnd(new Date("2026-01-15T12:30:00Z"), lunch, "UTC")?.toISOString()).toBe("2026-01-15T14:00:00.000Z");
    expect(quietHoursEnd(new Date("2026-01-15T14:00:00Z"), lunch, "UTC")).toBeNull();
    expect(quietHoursEnd(new Date("2026-01-15T11:59:00Z"), lunch, "UTC")).toBeNull();
  });

  it("lands on local 08:00 across a DST change inside the window", () => {
    // Night of 8 March 2026: New York moves from EST (UTC-5) to EDT (UTC-4) at 02:00.
    const end = quietHoursEnd(new Date("2026-03-08T04:00:00Z"), window, "America/New_York")!; // 23:00 EST on 7 March
    expect(localMinutes(end, "America/New_York")).toBe(8 * 60);
    expect(end.toISOString()).toBe("2026-03-08T12:00:00.000Z");
  });
});
