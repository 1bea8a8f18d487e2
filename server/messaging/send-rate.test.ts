import { describe, expect, it } from "vitest";
import { waitForSendSlot } from "./send-rate";

describe("per-configuration send rate", () => {
  it("spaces sends evenly at the configured rate and leaves unlimited configurations alone", async () => {
    const started = performance.now();
    await Promise.all(Array.from({ length: 11 }, () => waitForSendSlot("cfg-a", 50)));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(195); // 10 gaps of 20 ms
    expect(elapsed).toBeLessThan(1500);
    const free = performance.now();
    await Promise.all(Array.from({ length: 100 }, () => waitForSendSlot("cfg-b", null)));
    expect(performance.now() - free).toBeLessThan(50);
  });
});
