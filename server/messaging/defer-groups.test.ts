import { describe, expect, it } from "vitest";
import { dueMinute, groupDeferred, groupEventId } from "./defer-groups";

describe("deferred recipients grouped for their follow-up runs", () => {
  it("shares one run per due minute, rounded up, earliest first, never past the expiry", () => {
    const at = (iso: string) => new Date(iso);
    const groups = groupDeferred(
      [
        { until: at("2026-03-02T08:00:00Z"), target: "paris" },
        { until: at("2026-03-02T07:10:30Z"), target: "cap-1" },
        { until: at("2026-03-02T07:10:59Z"), target: "cap-2" },
        { until: at("2026-03-02T08:00:00Z"), target: "utc" },
        { until: at("2026-03-09T08:00:00Z"), target: "late" },
      ],
      at("2026-03-05T07:00:00Z"),
    );
    expect(groups).toEqual([
      { due: "2026-03-02T07:11:00.000Z", targets: ["cap-1", "cap-2"] },
      { due: "2026-03-02T08:00:00.000Z", targets: ["paris", "utc"] },
      { due: "2026-03-05T07:00:00.000Z", targets: ["late"] },
    ]);
    expect(dueMinute(at("2026-03-02T07:00:00Z")).toISOString()).toBe("2026-03-02T07:00:00.000Z");
  });

  it("cuts a large group into chunks of at most 5,000 targets and 200 KB", () => {
    const until = new Date("2026-03-02T08:00:00Z");
    const small = groupDeferred(Array.from({ length: 12_001 }, (_, i) => ({ until, target: { p: String(i) } })));
    expect(small.map((g) => g.targets.length)).toEqual([5000, 5000, 2001]);
    const big = groupDeferred(Array.from({ length: 30 }, (_, i) => ({ until, target: { p: String(i), c: { note: "x".repeat(20_000) } } })));
    expect(big.length).toBeGreaterThan(1);
    expect(big.every((g) => JSON.stringify(g.targets).length <= 200_000)).toBe(true);
    expect(big.flatMap((g) => g.targets)).toHaveLength(30);
  });

  it("names a group by what it holds: a retried step publishes the same event", () => {
    const g = { due: "2026-03-02T08:00:00.000Z", targets: [{ p: "a" }] };
    expect(groupEventId("x", g)).toBe(groupEventId("x", { ...g, targets: [{ p: "a" }] }));
    expect(groupEventId("x", g)).not.toBe(groupEventId("x", { ...g, targets: [{ p: "b" }] }));
    expect(groupEventId("x", g)).not.toBe(groupEventId("y", g));
  });
});
