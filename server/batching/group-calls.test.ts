import { describe, expect, it } from "vitest";
import { groupCalls } from "./group-calls";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("groupCalls", () => {
  it("runs a call at once when idle, and groups the calls that arrive while groups are in flight", async () => {
    const groups: number[][] = [];
    const call = groupCalls<number, number>({
      inFlight: () => 1,
      async run(_lane, items) {
        groups.push(items);
        await tick();
        return items.map((n) => ({ value: n * 10 }));
      },
    });
    const answers = await Promise.all([1, 2, 3, 4].map((n) => call("a", n)));
    expect(answers).toEqual([10, 20, 30, 40]);
    expect(groups).toEqual([[1], [2, 3, 4]]);
  });

  it("keeps lanes apart, caps a group, and never puts two items with one key in a group", async () => {
    const groups: string[][] = [];
    const call = groupCalls<string, string>({
      inFlight: () => 1,
      max: 2,
      distinctKey: (s) => s.split(":")[0],
      async run(lane, items) {
        groups.push(items.map((i) => `${lane}/${i}`));
        await tick();
        return items.map((i) => ({ value: i }));
      },
    });
    await Promise.all(["k0:a", "k1:a", "k1:b", "k2:a", "k3:a"].map((s) => call("x", s)).concat(call("y", "k1:c")));
    expect(groups).toEqual([["x/k0:a"], ["y/k1:c"], ["x/k1:a", "x/k2:a"], ["x/k1:b", "x/k3:a"]]);
  });

  it("holds an item back while another with its key is in flight, even with room for more groups", async () => {
    const log: string[] = [];
    const call = groupCalls<string, string>({
      inFlight: () => 3,
      distinctKey: (s) => s.split(":")[0],
      async run(_lane, items) {
        log.push(`start ${items.join(",")}`);
        await tick();
        log.push(`end ${items.join(",")}`);
        return items.map((i) => ({ value: i }));
      },
    });
    await Promise.all(["k:a", "k:b", "j:a"].map((s) => call("x", s)));
    expect(log).toEqual(["start k:a", "start j:a", "end k:a", "start k:b", "end j:a", "end k:b"]);
  });

  it("answers each caller with its own error, and runs each item alone when a whole group fails", async () => {
    const runs: number[][] = [];
    const call = groupCalls<number, number>({
      inFlight: () => 1,
      async run(_lane, items) {
        runs.push(items);
        await tick();
        if (items.length > 1 && items.includes(3)) throw new Error("the group failed");
        if (items[0] === 3) throw new Error("three is bad");
        return items.map((n) => (n === 4 ? { error: new Error("four is refused") } : { value: n }));
      },
    });
    const settled = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => call("a", n)));
    expect(settled.map((s) => (s.status === "fulfilled" ? s.value : (s.reason as Error).message))).toEqual([1, 2, "three is bad", "four is refused", 5]);
    expect(runs).toEqual([[1], [2, 3, 4, 5], [2], [3], [4], [5]]);
  });
});
