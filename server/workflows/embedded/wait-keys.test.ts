import { describe, expect, it } from "vitest";
import { matches } from "./expressions";
import { conjunctsOf, eventKeyOf, normalized, waitKeyOf } from "./wait-keys";

const runEvent = { name: "test/start", data: { userId: "u1", n: 1, flag: true, nested: { id: "x" }, list: [1], nothing: null } };
const asyncEvent = (data: Record<string, unknown>) => ({ name: "test/next", id: "e1", ts: 1, data });

describe("wait keys", () => {
  it("keys the equality conjuncts on async: event values and literals, in any order, not other conditions", () => {
    const c = conjunctsOf('async.data.amount > 100 && event.data.userId == async.data.userId && "n1" == async.data["nodeId"] || false');
    expect(c).toEqual([]); // a top-level || is not a conjunction
    expect(conjunctsOf('async.data.amount > 100 && event.data.userId == async.data.userId && "n1" == async.data["nodeId"]')).toEqual([
      { async: ["data", "nodeId"], other: { literal: "n1" } },
      { async: ["data", "userId"], other: { event: ["data", "userId"] } },
    ]);
    expect(conjunctsOf("async.data.a == async.data.b && !(async.data.c == 1)")).toEqual([]);
  });

  it("files a wait and an event matching it under the same key, and a different value under another", () => {
    const expression = 'event.data.userId == async.data.userId && async.data.nodeId == "n1"';
    const wait = waitKeyOf(expression, runEvent)!;
    expect(eventKeyOf(wait.shape, asyncEvent({ nodeId: "n1", userId: "u1", extra: 1 }))).toBe(wait.key);
    expect(eventKeyOf(wait.shape, asyncEvent({ nodeId: "n1", userId: "u2" }))).not.toBe(wait.key);
    expect(eventKeyOf(wait.shape, asyncEvent({ userId: "u1" }))).toBeNull();
  });

  it("scans what it cannot key: no expression, no equality on async, only unkeyable values", () => {
    expect(waitKeyOf(null, runEvent)).toBeNull();
    expect(waitKeyOf("async.data.amount > 100", runEvent)).toBeNull();
    expect(waitKeyOf("async.data.x == event.data.nested", runEvent)).toBeNull();
    expect(waitKeyOf("async.data.x == event.data.missing", runEvent)).toBeNull();
    // An unkeyable conjunct is dropped, the others still key the wait.
    expect(JSON.parse(waitKeyOf("async.data.x == event.data.list && async.data.y == 2", runEvent)!.shape)).toEqual([["data", "y"]]);
  });

  it("normalizes values as CEL compares them", () => {
    expect(normalized(1)).toBe(normalized(1n));
    expect(normalized(1)).toBe(normalized(1.0));
    expect(normalized(-0)).toBe(normalized(0));
    expect(normalized(1)).not.toBe(normalized("1"));
    expect(normalized(true)).not.toBe(normalized(1));
    expect(normalized(null)).not.toBe(normalized("null"));
    expect(normalized(2n ** 60n)).toBeNull();
    expect(normalized(Number.NaN)).toBeNull();
  });

  it("never misses a match: whenever CEL says equal, the keys agree", () => {
    const values: unknown[] = ["1", 1, 1.5, 0, -0, true, false, null, "", "a", 2 ** 60, 1e21, [1], { a: 1 }];
    const literals = ['"1"', "1", "1.0", "1.5", "0", "-0", "true", "false", "null", '""', '"a"', "1152921504606846976", "1u"];
    let compared = 0;
    for (const mine of values) {
      for (const theirs of values) {
        const run = { data: { v: mine } };
        const incoming = asyncEvent({ v: theirs });
        const expression = "event.data.v == async.data.v";
        const key = waitKeyOf(expression, run);
        if (!key || !matches(expression, { event: run, async: incoming })) continue;
        expect(eventKeyOf(key.shape, incoming), `${String(mine)} == ${String(theirs)}`).toBe(key.key);
        compared++;
      }
      for (const literal of literals) {
        const incoming = asyncEvent({ v: mine });
        const expression = `async.data.v == ${literal}`;
        const key = waitKeyOf(expression, {});
        if (!key || !matches(expression, { event: {}, async: incoming })) continue;
        expect(eventKeyOf(key.shape, incoming), `${literal} == ${String(mine)}`).toBe(key.key);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});
