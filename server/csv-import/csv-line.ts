import { quoteCsvField } from "@/server/csv-export/csv-cell";

/** Fields as one CSV line (RFC 4180 quoting), as an error row's cells are stored; downloads use csvRow. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map((field) => quoteCsvField(field == null ? "" : String(field))).join(",");
}
