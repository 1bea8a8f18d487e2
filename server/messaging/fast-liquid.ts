// A fast path for the merge tags most content uses: `{{ a.b }}` and `{{ a.b | default: "x" }}`
// over plain objects and scalar values. It renders exactly what liquidjs renders for them
// (fast-liquid.test.ts compares both on random templates and data) at a fraction of the cost,
// and declines (returns null) for anything else, which then goes through liquidjs.

type TPart = string | { path: string[]; fallback: string | null };

const OUTPUT = /\{\{([\s\S]*?)\}\}/g;
const EXPRESSION = /^\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*(?:\|\s*default\s*:\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*)?$/;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };
const DECLINE = Symbol("decline");

/** The template as literal text and simple outputs, or null when it needs real Liquid. */
export function compileFast(source: string): TPart[] | null {
  if (source.includes("{%") || source.includes("{{-") || source.includes("-}}")) return null;
  const parts: TPart[] = [];
  let last = 0;
  for (const match of source.matchAll(OUTPUT)) {
    const expression = EXPRESSION.exec(match[1]!);
    if (!expression) return null;
    parts.push(source.slice(last, match.index), { path: expression[1]!.split("."), fallback: expression[2] ?? expression[3] ?? null });
    last = match.index! + match[0].length;
  }
  parts.push(source.slice(last));
  return parts;
}

/** Renders compiled parts, or null when a value is not a scalar reached through plain objects. */
export function renderFast(parts: TPart[], scope: Record<string, unknown>, escape: boolean): string | null {
  let out = "";
  for (const part of parts) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    let value = lookup(scope, part.path);
    if (value === DECLINE) return null;
    if (part.fallback !== null && (value === undefined || value === null || value === false || value === "")) value = part.fallback;
    const text = value === undefined || value === null ? "" : String(value);
    out += escape ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text;
  }
  return out;
}

function lookup(scope: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = scope;
  for (const key of path) {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "object" || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return DECLINE;
    value = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  const type = typeof value;
  if (value === undefined || value === null || type === "string" || type === "boolean" || (type === "number" && Number.isFinite(value))) return value;
  return DECLINE;
}
