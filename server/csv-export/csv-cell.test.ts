import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv-cell";

describe("csvCell", () => {
  it("neutralizes every cell a spreadsheet would run as a formula", () => {
    for (const formula of ["=cmd|' /C calc'!A0", "+SUM(A1)", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")"]) {
      const rows = parse(csvCell(formula)) as string[][];
      expect(rows[0]?.[0], JSON.stringify(formula)).toBe(`'${formula}`);
    }
  });

  it("leaves plain values and numbers as they are, quoting as RFC 4180 asks", () => {
    expect(csvRow(["ada@example.com", -5, "+15551234567", "-1.5e3", 3, null, undefined, new Date("2026-01-02T03:04:05Z")])).toBe("ada@example.com,-5,+15551234567,-1.5e3,3,,,2026-01-02T03:04:05.000Z");
    expect(csvRow(['say "hi"', "a,b", "line\nbreak", " edge"])).toBe('"say ""hi""","a,b","line\nbreak"," edge"');
    expect(parse(csvRow(["=1,2", "x"]))).toEqual([["'=1,2", "x"]]);
  });
});
