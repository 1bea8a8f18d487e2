// Documents written before merge-tag chips (or by API clients) hold merge tags as Liquid text;
// on load the editor shows each simple output tag as a chip, which renders back to the same
// Liquid. Anything else ({% if %}, filters other than default) stays text. Client-safe.

type TNode = { type?: string; text?: string; marks?: unknown[]; attrs?: Record<string, unknown>; content?: TNode[] };

const TAG = /\{\{-?\s*((?:profile|context|event|message|workspace)(?:\.[A-Za-z_][\w-]*)+|unsubscribe_url)\s*(?:\|\s*default:\s*(?:"([^"{}%\\]*)"|'([^'{}%\\]*)')\s*)?-?\}\}/g;
// Nodes whose text must stay text (no inline nodes allowed inside).
const TEXT_ONLY = new Set(["codeBlock"]);

/** The text split into text pieces and merge-tag chips (same marks on each). */
export function splitMergeTags(node: TNode): TNode[] {
  const value = node.text ?? "";
  const out: TNode[] = [];
  let last = 0;
  for (const m of value.matchAll(TAG)) {
    if (m.index > last) out.push({ ...node, text: value.slice(last, m.index) });
    const chip: TNode = { type: "mergeTag", attrs: { path: m[1], fallback: m[2] ?? m[3] ?? "" } };
    out.push(node.marks?.length ? { ...chip, marks: node.marks } : chip);
    last = m.index + m[0].length;
  }
  if (last === 0) return [node];
  if (last < value.length) out.push({ ...node, text: value.slice(last) });
  return out;
}

/** A copy of the document with Liquid merge tags in text turned into chips. */
export function chipifyDocument<T>(document: T): T {
  const walk = (node: TNode): TNode => {
    if (!node.content || TEXT_ONLY.has(node.type ?? "")) return node;
    return { ...node, content: node.content.flatMap((child) => (child.type === "text" ? splitMergeTags(child) : [walk(child)])) };
  };
  return document && typeof document === "object" ? (walk(document as TNode) as T) : document;
}
