import { AppError } from "@/server/errors";

/** Objects and arrays nested deeper than this are refused (JSON.stringify and zod recurse). */
export const MAX_JSON_DEPTH = 64;

// What PostgreSQL cannot store in text or jsonb: U+0000, and UTF-16 surrogates without their pair.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, "g");

/** Why PostgreSQL would refuse this string, or null when it can store it. */
export function unstorableIn(text: string): string | null {
  const found = UNSTORABLE.exec(text)?.[0];
  if (found === undefined) return null;
  return found === "\u0000" ? "must not contain the NUL character (U+0000)" : `must not contain an unpaired UTF-16 surrogate (${codeOf(found)})`;
}

const codeOf = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
const printable = (key: string) => key.replace(UNSTORABLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

type TNode = { value: unknown; depth: number; key: string | number | null; up: TNode | null };

/** `context.lines.1`, as zod paths are written in errors. */
function pathOf(node: TNode | null): string {
  const keys: string[] = [];
  for (let n = node; n && n.key !== null; n = n.up) keys.push(typeof n.key === "number" ? String(n.key) : printable(n.key));
  return keys.reverse().join(".");
}

const isPlainObject = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * Walks a parsed JSON value without recursion: nesting deeper than MAX_JSON_DEPTH is a 400,
 * and, when `strings` is set, so is the first string or key PostgreSQL cannot store, naming
 * its path (`name` when it is the value itself). Only plain objects and arrays are entered
 * (a Date or a stream is left alone).
 */
export function checkJsonValue(root: unknown, { strings, name = "body" }: { strings: boolean; name?: string }): void {
  const fail = (node: TNode, message: string): never => {
    const path = pathOf(node) || name;
    throw new AppError("BAD_REQUEST", `${path}: ${message}`, path);
  };
  const stack: TNode[] = [{ value: root, depth: 0, key: null, up: null }];
  const enters = (item: unknown) => (item !== null && typeof item === "object") || (strings && typeof item === "string");
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value, depth } = node;
    if (typeof value === "string") {
      const problem = strings ? unstorableIn(value) : null;
      if (problem) fail(node, problem);
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) fail(node, `nested deeper than ${MAX_JSON_DEPTH} levels`);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) if (enters(value[i])) stack.push({ value: value[i], depth: depth + 1, key: i, up: node });
    } else if (isPlainObject(value)) {
      const keys = Object.keys(value);
      if (strings) {
        for (const key of keys) {
          const problem = unstorableIn(key);
          if (problem) fail({ value: null, depth, key, up: node }, `the key ${problem}`);
        }
      }
      for (let i = keys.length - 1; i >= 0; i--) {
        const item: unknown = (value as Record<string, unknown>)[keys[i]!];
        if (enters(item)) stack.push({ value: item, depth: depth + 1, key: keys[i]!, up: node });
      }
    }
  }
}

// The escapes through which JSON text can carry U+0000 or a lone surrogate; valid UTF-8 cannot.
const SUSPECT_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/**
 * Checks a value parsed from `text`: nesting always; strings only when the text holds an
 * escape that could encode an unstorable character (one regex test instead of a walk over
 * every string on the hot path).
 */
export function checkParsedJson(value: unknown, text: string): void {
  checkJsonValue(value, { strings: SUSPECT_ESCAPE.test(text) });
}
