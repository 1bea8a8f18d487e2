import type { TNodeType } from "@/server/journeys/graph/nodes";
import { STARTER_CONTENT } from "@/server/templates/starter-content";

// What a node holds when it is dropped on the canvas: enough to show what is left to fill
// (validation names it), with sensible defaults where there is one.

const DAY = { amount: 1, unit: "days" } as const;

/** The data of a new node; `kind` is the channel of a message node. */
export function defaultData(type: TNodeType, kind?: string): Record<string, unknown> {
  switch (type) {
    case "message": {
      const k = kind ?? "email";
      const content = k in STARTER_CONTENT ? structuredClone(STARTER_CONTENT[k as keyof typeof STARTER_CONTENT]) : k === "webhook" ? { payload: {} } : { text: "" };
      return { kind: k, configurationId: null, templateId: null, content };
    }
    case "update_attribute":
      return { key: "", value: "" };
    case "list":
      return { action: "add", listId: "" };
    case "webhook":
      return { url: "", method: "POST", body: "" };
    case "wait":
      return { mode: "duration", duration: { ...DAY } };
    case "reaction":
      return { messageNodeId: "", reaction: "opened", timeout: { ...DAY } };
    case "wait_event":
      return { definitionId: "", where: [], timeout: { ...DAY } };
    case "condition":
      return { branches: [{ id: "b1", label: "Branch 1", condition: { type: "audience", audienceId: "" } }] };
    case "random":
      return { branches: [{ id: "a", label: "A", percent: 50 }, { id: "b", label: "B", percent: 50 }] };
    case "entry_audience":
      return { audienceId: "" };
    case "entry_event":
      return { definitionId: "" };
    case "exit":
      return {};
  }
}

/** A branch id not used yet among `ids`: b1, b2, ... (or a, b, c ... for random splits). */
export function nextBranchId(ids: string[], style: "numbered" | "letters" = "numbered"): string {
  for (let i = 0; i < 1000; i++) {
    const id = style === "letters" && i < 26 ? String.fromCharCode(97 + i) : `b${i + 1}`;
    if (!ids.includes(id)) return id;
  }
  return `b${Date.now().toString(36)}`;
}
