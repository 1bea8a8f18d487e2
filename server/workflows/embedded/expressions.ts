import { parse, type ASTNode } from "@marcbachmann/cel-js";
import { boundedMemo } from "@/server/messaging/bounded-memo";

type TCompiled = ReturnType<typeof parse>;
// Bounded: a wait's `if` may embed a literal per run, so distinct expressions are unbounded.
const compiled = boundedMemo<TCompiled>(10_000, (expression) => parse(expression));

/**
 * Evaluates a CEL condition as the Inngest SDK emits them (`event.data.k == async.data.k`).
 * A missing key or a type error counts as no match rather than an error, as on Inngest.
 */
export function matches(expression: string | null | undefined, context: Record<string, unknown>): boolean {
  if (!expression) return true;
  const evaluate = compiled(expression);
  try {
    return evaluate(context) === true;
  } catch {
    return false;
  }
}

/** Checks an expression compiles, for configuration time. */
export function assertExpression(expression: string): void {
  compiled(expression);
}

/** The parsed tree of an expression (throws on a syntax error). */
export function syntaxTreeOf(expression: string): ASTNode {
  return compiled(expression).ast;
}

/** Evaluates a key expression (`event.data.workspaceId`) to a string, for concurrency keys. */
export function evaluateKey(expression: string | undefined, context: Record<string, unknown>): string | null {
  if (!expression) return null;
  const evaluate = compiled(expression);
  try {
    const value = evaluate(context);
    return value === undefined || value === null ? null : String(value);
  } catch {
    return null;
  }
}
