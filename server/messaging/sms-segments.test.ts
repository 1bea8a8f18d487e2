import { describe, expect, it } from "vitest";
import { smsSegments } from "./sms-segments";

describe("smsSegments", () => {
  it("counts plain ASCII as GSM-7, one septet each", () => {
    expect(smsSegments("Your code is 1234")).toEqual({ encoding: "GSM-7", characters: 17, segments: 1, perSegment: 160, remaining: 143 });
  });

  it("fits exactly 160 GSM-7 characters in one SMS, and splits 161 into two parts of 153", () => {
    expect(smsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", characters: 160, segments: 1, perSegment: 160, remaining: 0 });
    expect(smsSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", characters: 161, segments: 2, perSegment: 153, remaining: 145 });
    expect(smsSegments("a".repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(smsSegments("a".repeat(307))).toMatchObject({ segments: 3, remaining: 152 });
  });

  it("counts extension characters (€ [ ] { } ~ ^ | \\) as two septets, still GSM-7", () => {
    expect(smsSegments("Price: 5€ [promo]")).toEqual({ encoding: "GSM-7", characters: 20, segments: 1, perSegment: 160, remaining: 140 });
    expect(smsSegments("€".repeat(80))).toMatchObject({ characters: 160, segments: 1 });
    expect(smsSegments("€".repeat(81))).toMatchObject({ characters: 162, segments: 2 });
  });

  it("never splits an extension character across parts", () => {
    // 152 septets, then € (2): it opens part two instead of straddling 152/153.
    expect(smsSegments(`${"a".repeat(152)}€${"a".repeat(10)}`)).toEqual({ encoding: "GSM-7", characters: 164, segments: 2, perSegment: 153, remaining: 141 });
  });

  it("switches to UCS-2 for characters outside GSM-7, counting UTF-16 units", () => {
    expect(smsSegments("Привет")).toEqual({ encoding: "UCS-2", characters: 6, segments: 1, perSegment: 70, remaining: 64 });
    expect(smsSegments("Ça coûte 5€")).toMatchObject({ encoding: "UCS-2", characters: 11 }); // û is not GSM-7
    expect(smsSegments("x".repeat(70) + "é")).toMatchObject({ encoding: "GSM-7", segments: 1 }); // é is
  });

  it("counts an emoji as two UCS-2 units and never splits it", () => {
    expect(smsSegments("Hi 👋")).toEqual({ encoding: "UCS-2", characters: 5, segments: 1, perSegment: 70, remaining: 65 });
    expect(smsSegments("👋".repeat(35))).toMatchObject({ characters: 70, segments: 1, remaining: 0 });
    expect(smsSegments("👋".repeat(36))).toEqual({ encoding: "UCS-2", characters: 72, segments: 2, perSegment: 67, remaining: 61 });
    // 66 units, then an emoji: it cannot fill the 67th unit, so it opens part two.
    expect(smsSegments(`${"ж".repeat(66)}👋жжж`)).toMatchObject({ characters: 71, segments: 2, remaining: 62 });
  });

  it("counts an empty text as no part", () => {
    expect(smsSegments("")).toEqual({ encoding: "GSM-7", characters: 0, segments: 0, perSegment: 160, remaining: 160 });
  });
});
