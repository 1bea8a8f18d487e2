import { parse } from "@marcbachmann/cel-js";

type TCompiled = (context: Record<string, unknown>) => unknown;
const cache = new Map<string, TCompiled>();

/**
 * Evaluates a CEL condition as the Inngest SDK emits them (`event.data.k == async.data.k`).
 * A missing key or a type error counts as no match rather than an error, as on Inngest.
 */
export function matches(expression: string | null | undefined, context: Record<string, unknown>): boolean {
  if (!expression) return true;
  let compiled = cache.get(expression);
  if (!compiled) {
    compiled = parse(expression) as unknown as TCompiled;
    cache.set(expression, compiled);
  }
  try {
    return compiled(context) === true;
  } catch {
    return false;
  }
}

/** Checks an expression compiles, for configuration time. */
export function assertExpression(expression: string): void {
  if (!cache.has(expression)) cache.set(expression, parse(expression) as unknown as TCompiled);
}

/** Evaluates a key expression (`event.data.workspaceId`) to a string, for concurrency keys. */
export function evaluateKey(expression: string | undefined, context: Record<string, unknown>): string | null {
  if (!expression) return null;
  let compiled = cache.get(expression);
  if (!compiled) {
    compiled = parse(expression) as unknown as TCompiled;
    cache.set(expression, compiled);
  }
  try {
    const value = compiled(context);
    return value === undefined || value === null ? null : String(value);
  } catch {
    return null;
  }
}
