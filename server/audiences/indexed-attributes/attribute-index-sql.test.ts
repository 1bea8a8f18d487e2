import { describe, expect, it } from "vitest";
import { backfillStatement, dropColumnsStatement, expressionOf, structureStatement, wantedIndexes } from "./attribute-index-sql";

const city = { id: 1, key: "city", type: "string" as const };
const year = { id: 2, key: "birth'Year", type: "number" as const };

describe("indexed attribute DDL", () => {
  it("quotes keys as literals, inside the trigger body quoted again by DO", () => {
    expect(expressionOf(year)).toBe("parcours_attribute_number(attributes, 'birth''Year')");
    const ddl = structureStatement([city, year]);
    expect(ddl.startsWith("DO 'BEGIN")).toBe(true);
    expect(ddl).toContain("ADD COLUMN IF NOT EXISTS indexed_attr_1 text, ADD COLUMN IF NOT EXISTS indexed_attr_2 numeric");
    // key quote doubled for the literal, then twice more for the function body and the DO body
    expect(ddl).toContain("NEW.indexed_attr_2 := parcours_attribute_number(NEW.attributes, ''''birth''''''''Year'''');");
    expect(ddl).toContain("BEFORE INSERT OR UPDATE ON profiles FOR EACH ROW");
    expect(ddl).toContain("ENABLE ALWAYS TRIGGER profiles_indexed_attributes");
    expect(structureStatement([])).toBe("DROP TRIGGER IF EXISTS profiles_indexed_attributes ON profiles");
    expect(dropColumnsStatement([city])).toContain("DROP COLUMN IF EXISTS indexed_attr_1");
  });

  it("backfills a page range, skipping rows already right", () => {
    expect(backfillStatement([city], 1000, 2000)).toBe(
      "UPDATE profiles SET indexed_attr_1 = parcours_attribute_text(attributes, 'city') WHERE ctid >= '(1000,0)'::tid AND ctid < '(2000,0)'::tid AND (indexed_attr_1 IS DISTINCT FROM parcours_attribute_text(attributes, 'city'))",
    );
  });

  it("wants one index per attribute including the others, renamed when the set changes", () => {
    const two = wantedIndexes([city, year]);
    expect(two.map((i) => i.create)).toEqual([
      expect.stringMatching(/^CREATE INDEX CONCURRENTLY profiles_ia_1_[0-9a-f]{8} ON profiles \(workspace_id, indexed_attr_1\) INCLUDE \(indexed_attr_2\)$/),
      expect.stringMatching(/^CREATE INDEX CONCURRENTLY profiles_ia_2_[0-9a-f]{8} ON profiles \(workspace_id, indexed_attr_2\) INCLUDE \(indexed_attr_1\)$/),
    ]);
    const one = wantedIndexes([city]);
    expect(one[0]!.create).toMatch(/ON profiles \(workspace_id, indexed_attr_1\)$/);
    expect(one[0]!.name).not.toBe(two[0]!.name);
    expect(wantedIndexes([city, year])[0]!.name).toBe(two[0]!.name);
  });
});
