import { describe, expect, it } from "vitest";
import { canRedo, canUndo, historyOf, historyReducer as reduce } from "./graph-history";

describe("graph history", () => {
  it("undoes and redoes committed changes", () => {
    let h = historyOf("a");
    h = reduce(h, { type: "set", value: "b" });
    h = reduce(h, { type: "set", value: "c" });
    expect(h.past).toEqual(["a", "b"]);
    h = reduce(h, { type: "undo" });
    expect(h.present).toBe("b");
    expect(canRedo(h)).toBe(true);
    h = reduce(h, { type: "redo" });
    expect(h.present).toBe("c");
    h = reduce(reduce(h, { type: "undo" }), { type: "set", value: "d" });
    expect(h.future).toEqual([]);
    expect(h.past).toEqual(["a", "b"]);
  });

  it("records a run of transient changes (a drag) as one step", () => {
    let h = historyOf("start");
    for (const p of ["p1", "p2", "p3"]) h = reduce(h, { type: "set", value: p, transient: true });
    expect(h.past).toEqual([]);
    expect(canUndo(h)).toBe(true);
    h = reduce(h, { type: "set", value: "dropped" });
    expect(h.past).toEqual(["start"]);
    expect(reduce(h, { type: "undo" }).present).toBe("start");
  });

  it("makes one entry of typing in the same field", () => {
    let h = historyOf("");
    h = reduce(h, { type: "set", value: "H", key: "m.subject", at: 1000 });
    h = reduce(h, { type: "set", value: "Hi", key: "m.subject", at: 1400 });
    h = reduce(h, { type: "set", value: "Hi!", key: "m.subject", at: 2000 });
    expect(h.past).toEqual([""]);
    h = reduce(h, { type: "set", value: "Hi! x", key: "m.subject", at: 9000 });
    h = reduce(h, { type: "set", value: "other", key: "m.title", at: 9100 });
    expect(h.past).toEqual(["", "Hi!", "Hi! x"]);
  });

  it("commits a drag that ended where nothing else changed", () => {
    let h = reduce(historyOf("a"), { type: "set", value: "b", transient: true });
    h = reduce(h, { type: "commit" });
    expect(h).toEqual({ past: ["a"], present: "b", future: [], base: null });
    expect(reduce(h, { type: "commit" })).toBe(h);
  });

  it("undoes an unfinished drag back to where it started", () => {
    let h = reduce(historyOf("x"), { type: "set", value: "moving", transient: true });
    h = reduce(h, { type: "undo" });
    expect(h.present).toBe("x");
    expect(h.future).toEqual(["moving"]);
  });

  it("does nothing with nothing to undo or redo, and resets", () => {
    const h = historyOf(1);
    expect(reduce(h, { type: "undo" })).toBe(h);
    expect(reduce(h, { type: "redo" })).toBe(h);
    expect(reduce(reduce(h, { type: "set", value: 2 }), { type: "reset", value: 9 })).toEqual(historyOf(9));
  });
});
