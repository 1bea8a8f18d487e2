import { describe, expect, it } from "vitest";
import { batchPlan, nextBatchSize } from "./batch-plan";

describe("batchPlan", () => {
  it("starts unthrottled sends at 2,000 a step, more for audiences past 300 steps", () => {
    expect(batchPlan(50_000, null)).toEqual({ size: 2_000, windowMs: 0 });
    expect(batchPlan(3_000_000, null).size).toBe(10_000);
  });

  it("paces a throttled send in windows of about 5 s", () => {
    expect(batchPlan(50_000, 100)).toEqual({ size: 500, windowMs: 5_000 });
  });
});

describe("nextBatchSize", () => {
  const plan = batchPlan(1_000_000, null);

  it("aims at 3 s of sending at the speed the last batch reached, in whole groups", () => {
    expect(nextBatchSize(plan, 3_334, 1_000)).toBe(10_000); // 3,334 a second
    expect(nextBatchSize(plan, 2_000, 1_000)).toBe(6_000);
  });

  it("stays between the plan's size and 20,000", () => {
    expect(nextBatchSize(plan, 3_334, 10_000)).toBe(plan.size);
    expect(nextBatchSize(plan, 100_000, 1_000)).toBe(20_000);
  });

  it("keeps the plan's size when throttled or when the last batch sent nothing", () => {
    expect(nextBatchSize(batchPlan(50_000, 100), 500, 100)).toBe(500);
    expect(nextBatchSize(plan, 0, 1_000)).toBe(plan.size);
  });
});
