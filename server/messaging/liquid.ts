import type { Template } from "liquidjs";
import { AppError } from "@/server/errors";
import { compileFast, renderFast } from "./fast-liquid";
import { boundedMemo } from "./bounded-memo";
import { liquidEngines as engines } from "./liquid-engine";

// Personalization with Liquid. Templates are parsed once (cached by source) and rendered per
// recipient; HTML output escapes every value, text output does not. Only the roots below
// exist in a template, so a typo such as {{ profil.name }} is refused when content is saved.

export const MERGE_ROOTS = ["profile", "context", "event", "message", "workspace", "unsubscribe_url"] as const;

const parsed = new Map<string, Template[]>();
const MAX_CACHED = 2_000;

function parse(source: string, mode: keyof typeof engines): Template[] {
  const key = `${mode}\u0000${source}`;
  let templates = parsed.get(key);
  if (!templates) {
    templates = engines[mode].parse(source);
    if (parsed.size >= MAX_CACHED) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, templates);
  }
  return templates;
}

export type TMergeScope = Partial<Record<(typeof MERGE_ROOTS)[number], unknown>>;

const compileOnce = boundedMemo(MAX_CACHED, compileFast);

/** Renders a parsed-once template for one recipient (simple merge tags skip liquidjs: fast-liquid.ts). */
export function renderLiquid(source: string, scope: TMergeScope, mode: "html" | "text" = "text"): string {
  if (!source.includes("{{") && !source.includes("{%")) return source;
  const parts = compileOnce(source);
  const quick = parts ? renderFast(parts, scope, mode === "html") : null;
  if (quick !== null) return quick;
  try {
    return engines[mode].renderSync(parse(source, mode), scope) as string;
  } catch (error) {
    throw new AppError("BAD_REQUEST", `Liquid error: ${firstLine(error)}`);
  }
}

/**
 * Checks a template at save time: it parses, uses known filters and only the merge roots.
 * Throws a 400 naming `field`, with Liquid's own explanation.
 */
export function validateLiquid(source: string, field: string): { variables: string[] } {
  let templates: Template[];
  try {
    templates = parse(source, "text");
  } catch (error) {
    throw new AppError("BAD_REQUEST", `Liquid error: ${firstLine(error)}`, field);
  }
  const variables = engines.text.fullVariablesSync(templates);
  const unknown = engines.text.globalVariablesSync(templates).filter((root) => !(MERGE_ROOTS as readonly string[]).includes(root));
  if (unknown.length) {
    throw new AppError("BAD_REQUEST", `Unknown merge tag root "${unknown[0]}": use ${MERGE_ROOTS.slice(0, 3).map((r) => `{{ ${r}.… }}`).join(", ")}`, field);
  }
  try {
    engines.text.renderSync(templates, {});
  } catch (error) {
    throw new AppError("BAD_REQUEST", `Liquid error: ${firstLine(error)}`, field);
  }
  return { variables };
}

/** Merge roots whose stored values a template may read: a root maps to the top-level keys read, or "all". */
export type TReads = Partial<Record<"profile" | "context" | "event", Set<string> | "all">>;

/** What these templates read of profile, context and event (static analysis; "all" when a root is read whole or by a computed key). */
export function readsOf(sources: string[]): TReads {
  const reads: TReads = {};
  for (const source of sources) {
    let segments: unknown[][];
    try {
      segments = engines.text.globalVariableSegmentsSync(parse(source, "text")) as unknown[][];
    } catch {
      return { profile: "all", context: "all", event: "all" };
    }
    for (const [root, key] of segments) {
      if (root !== "profile" && root !== "context" && root !== "event") continue;
      const known = reads[root];
      if (known === "all") continue;
      if (typeof key !== "string") reads[root] = "all";
      else reads[root] = (known ?? new Set<string>()).add(key);
    }
  }
  return reads;
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split("\n")[0]!;
}
