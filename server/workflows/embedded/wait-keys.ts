import { createHash } from "node:crypto";
import type { ASTNode } from "@marcbachmann/cel-js";
import { boundedMemo } from "@/server/messaging/bounded-memo";
import { syntaxTreeOf } from "./expressions";

/**
 * Waits and cancellations are found by key, as Inngest's server aggregates expressions: the
 * equality conjuncts of an `if` between `async.<path>` and a value fixed when the wait is
 * registered (`event.<path>` of the run's event, or a literal) are necessary conditions, so
 * an incoming event can only match a wait whose key equals the key of its own values at the
 * same paths (the wait's "shape"). The full expression is then evaluated on those candidates.
 * A wait with no such conjunct is matched by scan, under SCAN_KEY.
 */
export const SCAN_KEY = "*";

type TPath = string[];
type TConjunct = { async: TPath; other: { event: TPath } | { literal: unknown } };

/** The usable equality conjuncts of an expression, one per async path, in a stable order. */
export const conjunctsOf = boundedMemo<TConjunct[]>(10_000, (expression) => {
  const found = new Map<string, TConjunct>();
  for (const node of topLevelConjuncts(syntaxTreeOf(expression))) {
    if (node.op !== "==") continue;
    const [left, right] = node.args;
    const conjunct = equalityOf(left, right) ?? equalityOf(right, left);
    if (conjunct && !found.has(JSON.stringify(conjunct.async))) found.set(JSON.stringify(conjunct.async), conjunct);
  }
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
});

/** The shape and key a wait (or a run's cancelOn) is filed under, or null to match it by scan. */
export function waitKeyOf(expression: string | null | undefined, runEvent: unknown): { shape: string; key: string } | null {
  if (!expression) return null;
  const paths: TPath[] = [];
  const values: string[] = [];
  for (const { async, other } of conjunctsOf(expression)) {
    const value = normalized("literal" in other ? other.literal : valueAt(runEvent, other.event));
    // A value that cannot be keyed drops its conjunct only: the others still narrow the search.
    if (value === null) continue;
    paths.push(async);
    values.push(value);
  }
  if (paths.length === 0) return null;
  const shape = JSON.stringify(paths);
  return { shape, key: keyOf(shape, values) };
}

/** The key an incoming event has under `shape`, or null when it cannot match any wait of that shape. */
export function eventKeyOf(shape: string, event: unknown): string | null {
  const values: string[] = [];
  for (const path of pathsOf(shape)) {
    const value = normalized(valueAt(event, path));
    if (value === null) return null;
    values.push(value);
  }
  return keyOf(shape, values);
}

const pathsOf = boundedMemo<TPath[]>(1_000, (shape) => JSON.parse(shape) as TPath[]);

// Hashed: index entries stay small whatever the values' size.
function keyOf(shape: string, values: string[]): string {
  return createHash("sha256").update(JSON.stringify([shape, values])).digest("base64url").slice(0, 32);
}

/**
 * A value as CEL's `==` sees it, so that equal values (1, 1.0, the int literal 1) share a
 * key and unequal ones ("1" and 1) do not; null for values that are not keyed (maps, lists,
 * unsigned or out-of-range integers, missing keys, which make `==` fail anyway or compare in
 * ways a key cannot follow).
 */
export function normalized(value: unknown): string | null {
  switch (typeof value) {
    case "string":
      return `s${value}`;
    case "boolean":
      return value ? "b1" : "b0";
    case "number":
      if (!Number.isFinite(value)) return null;
      return `n${Number.isInteger(value) ? BigInt(value).toString() : String(value)}`;
    case "bigint":
      return value >= -BigInt(Number.MAX_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? `n${value}` : null;
    case "object":
      return value === null ? "z" : null;
    default:
      return null;
  }
}

function topLevelConjuncts(node: ASTNode): ASTNode[] {
  return node.op === "&&" ? node.args.flatMap(topLevelConjuncts) : [node];
}

function equalityOf(side: ASTNode, other: ASTNode): TConjunct | null {
  const asyncPath = pathFrom(side, "async");
  if (!asyncPath) return null;
  if (other.op === "value") return { async: asyncPath, other: { literal: other.args } };
  const eventPath = pathFrom(other, "event");
  return eventPath ? { async: asyncPath, other: { event: eventPath } } : null;
}

/** `root.a.b` or `root["a"]["b"]` as ["a", "b"]; null for anything else. */
function pathFrom(node: ASTNode, root: string): TPath | null {
  if (node.op === "id") return node.args === root ? [] : null;
  if (node.op === ".") {
    const parent = pathFrom(node.args[0], root);
    return parent && [...parent, node.args[1]];
  }
  if (node.op === "[]" && node.args[1].op === "value" && typeof node.args[1].args === "string") {
    const parent = pathFrom(node.args[0], root);
    return parent && [...parent, node.args[1].args];
  }
  return null;
}

function valueAt(root: unknown, path: TPath): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== "object" || current === null || Array.isArray(current) || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
