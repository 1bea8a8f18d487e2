// A node's inline `style` attribute as a map and back: the block settings edit one property
// (background, colour, radius, padding) without losing the others. Client-safe.

export function parseStyle(style: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof style !== "string") return out;
  for (const part of style.split(";")) {
    const i = part.indexOf(":");
    if (i > 0) out[part.slice(0, i).trim().toLowerCase()] = part.slice(i + 1).trim();
  }
  return out;
}

/** The style with `property` set (or removed when value is empty); values cannot close the attribute. */
export function withStyle(style: unknown, property: string, value: string): string {
  const map = parseStyle(style);
  const clean = value.replace(/[;"<>{}]/g, "").trim();
  if (clean) map[property] = clean;
  else delete map[property];
  return Object.entries(map).map(([k, v]) => `${k}:${v}`).join(";");
}
