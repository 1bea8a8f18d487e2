import { Liquid } from "liquidjs";

type TTagImpl = Parameters<Liquid["registerTag"]>[1];

// The app's only Liquid engines. Templates are written by workspace members, so an engine
// reads no file and cannot run for long: liquidjs's default file system is the app's
// working folder (build manifests, .git, the master key), hence an empty in-memory one, and
// the tags that load other templates refuse to parse at all, so saving such a template fails
// with a message instead of a lookup error.

/** Longest template source parsed, in characters (an email's HTML is well under 1 MB). */
export const LIQUID_PARSE_LIMIT = 1_000_000;
/**
 * Wall-clock budget of one render, in ms. Rendering is synchronous: a template running longer
 * would hold every other request of the process. Real emails render in well under 5 ms.
 */
export const LIQUID_RENDER_LIMIT_MS = 200;
/** Characters and array elements one render may allocate (ranges, string filters, joins). */
export const LIQUID_MEMORY_LIMIT = 2_000_000;

const NO_FILES = ["include", "render", "layout"] as const;

function refusedTag(name: string): TTagImpl {
  return {
    parse() {
      throw new Error(`{% ${name} %} is not available: templates cannot load other files`);
    },
    render() {
      return "";
    },
  };
}

function createEngine(outputEscape: "escape" | undefined): Liquid {
  const engine = new Liquid({
    strictFilters: true,
    outputEscape,
    cache: false,
    templates: {},
    dynamicPartials: false,
    parseLimit: LIQUID_PARSE_LIMIT,
    renderLimit: LIQUID_RENDER_LIMIT_MS,
    memoryLimit: LIQUID_MEMORY_LIMIT,
  });
  for (const name of NO_FILES) engine.registerTag(name, refusedTag(name));
  return engine;
}

export const liquidEngines = {
  /** Every output escaped for HTML. */
  html: createEngine("escape"),
  /** Output as is: subjects, text bodies, SMS, push, webhook bodies. */
  text: createEngine(undefined),
};
