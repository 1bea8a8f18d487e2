/** Fields as one CSV line (RFC 4180 quoting), for stored raw rows and downloads. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return fields
    .map((field) => {
      const text = field == null ? "" : String(field);
      return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(",");
}
