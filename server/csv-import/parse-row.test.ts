import { describe, expect, it } from "vitest";
import type { TCsvColumnMapping } from "@/db/schema";
import { csvLine } from "./csv-line";
import { guessMapping, guessType, keyOf } from "./guess-columns";
import { validateMapping } from "./mapping";
import { normalizeIdentity, parseRow, parseValue } from "./parse-row";

const mapping: TCsvColumnMapping[] = [
  { column: 0, header: "Email", role: "identity", namespace: "email" },
  { column: 1, header: "Age", role: "attribute", key: "age", type: "number" },
  { column: 2, header: "VIP", role: "attribute", key: "vip", type: "boolean" },
  { column: 3, header: "Signed up", role: "attribute", key: "signed_up", type: "date" },
  { column: 4, header: "Notes", role: "skip" },
];

describe("parseValue", () => {
  it("reads each type and refuses what does not fit", () => {
    expect(parseValue("number", " 42.5 ")).toBe(42.5);
    expect(parseValue("number", "1e3")).toBe(1000);
    expect(parseValue("number", "12abc")).toBeUndefined();
    for (const t of ["true", "Yes", "1", "y"]) expect(parseValue("boolean", t)).toBe(true);
    for (const f of ["false", "NO", "0", "n"]) expect(parseValue("boolean", f)).toBe(false);
    expect(parseValue("boolean", "maybe")).toBeUndefined();
    expect(parseValue("date", "2024-02-29")).toBe("2024-02-29");
    expect(parseValue("date", "2023-02-29")).toBeUndefined();
    expect(parseValue("date", "2024-03-01T10:00:00Z")).toBe("2024-03-01T10:00:00.000Z");
    expect(parseValue("date", "03/01/2024")).toBeUndefined();
    expect(parseValue("string", " keep spaces ")).toBe(" keep spaces ");
  });

  it("normalizes identities", () => {
    expect(normalizeIdentity("email", " Ada@Example.COM ")).toBe("ada@example.com");
    expect(normalizeIdentity("email", "not-an-email")).toBeNull();
    expect(normalizeIdentity("phone", "+1 (555) 010-9999")).toBe("+15550109999");
    expect(normalizeIdentity("external_id", "  ")).toBeNull();
  });
});

describe("parseRow", () => {
  it("builds the identity and typed attributes; empty cells are left out", () => {
    expect(parseRow(["ADA@x.io", "36", "yes", "", "n/a"], mapping, 5)).toEqual({
      ok: true,
      identity: { namespace: "email", value: "ada@x.io" },
      attributes: { email: "ada@x.io", age: 36, vip: true },
    });
  });

  it("names the column and value of an error, and keeps the row as CSV", () => {
    expect(parseRow(["ada@x.io", "old", "yes", "", ""], mapping, 5)).toMatchObject({ ok: false, message: '"Age" is not a number: old' });
    expect(parseRow(["", "1", "", "", "a, b"], mapping, 5)).toEqual({ ok: false, message: '"Email" is empty', raw: ',1,,,"a, b"' });
    expect(parseRow(["ada@x.io"], mapping, 5)).toMatchObject({ ok: false, message: "Has 1 columns; the header has 5" });
  });

  it("stores phone numbers in E.164, with the workspace's country for those without a country code", () => {
    expect(normalizeIdentity("phone", "(555) 060-0099")).toBe("+15550600099");
    expect(normalizeIdentity("phone", "06 12 34 56 78", "FR")).toBe("+33612345678");
    expect(normalizeIdentity("phone", "12")).toBeNull();
    const phones: TCsvColumnMapping[] = [
      { column: 0, header: "Mobile", role: "identity", namespace: "phone" },
      { column: 1, header: "Work phone", role: "attribute", key: "phone", type: "string" },
    ];
    expect(parseRow(["+1 555-060-0099", ""], phones, 2)).toEqual({ ok: true, identity: { namespace: "phone", value: "+15550600099" }, attributes: { phone: "+15550600099" } });
    expect(parseRow(["0612345678", "01 23 45 67 89"], phones, 2, "FR")).toMatchObject({ identity: { value: "+33612345678" }, attributes: { phone: "+33123456789" } });
    expect(parseRow(["555", ""], phones, 2)).toMatchObject({ ok: false, message: '"Mobile" is not a valid phone: 555' });
  });

  it("encodes CSV lines with RFC 4180 quoting", () => {
    expect(csvLine(['say "hi"', "a,b", "line\nbreak", 3, null])).toBe('"say ""hi""","a,b","line\nbreak",3,');
  });
});

describe("guesses and mapping checks", () => {
  it("guesses types and the identity column", () => {
    expect(guessType(["1", "2.5", ""])).toBe("number");
    expect(guessType(["yes", "no"])).toBe("boolean");
    expect(guessType(["2024-01-01", "2024-02-03T10:00:00Z"])).toBe("date");
    expect(guessType(["a", "1"])).toBe("string");
    // One typo in twenty keeps the column a number (that row becomes an error row).
    expect(guessType([...Array.from({ length: 19 }, (_, i) => String(i)), "thirty"])).toBe("number");
    expect(guessType([...Array.from({ length: 18 }, (_, i) => String(i)), "x", "y"])).toBe("string");
    expect(keyOf("First Name")).toBe("first_name");
    expect(keyOf("lastLogin")).toBe("last_login");
    const guessed = guessMapping(["user_id", "Email", "Plan"], [["u1", "a@x.io", "pro"]]);
    expect(guessed[1]).toMatchObject({ role: "identity", namespace: "email" });
    expect(guessed[0]).toMatchObject({ role: "attribute", key: "user_id" });
  });

  it("refuses a mapping without exactly one identity column, on the mapping field", () => {
    const header = ["email", "id"];
    expect(() => validateMapping([{ column: 1, header: "id", role: "attribute", key: "id", type: "string" }], header)).toThrow(/identifies the profile/);
    expect(() =>
      validateMapping(
        [
          { column: 0, header: "email", role: "identity", namespace: "email" },
          { column: 1, header: "id", role: "identity", namespace: "external_id" },
        ],
        header,
      ),
    ).toThrow(expect.objectContaining({ field: "mapping" }));
    expect(validateMapping([{ column: 0, header: "email", role: "identity", namespace: "email" }], header)).toEqual([
      { column: 0, header: "email", role: "identity", namespace: "email" },
      { column: 1, header: "id", role: "skip" },
    ]);
  });
});
