import type { TJourneyNode } from "@/server/journeys/graph/model";
import { NODE_META } from "./node-catalog";

// The one line a node shows under its title ("Email · Subject: Welcome"), and its title.

export interface TNameLookups {
  audience: (id: string) => string | undefined;
  definition: (id: string) => string | undefined;
  kind: (id: string) => string | undefined;
  node: (id: string) => TJourneyNode | undefined;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");
const clip = (s: string, n = 48) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function durationText(d: unknown): string {
  const v = d as { amount?: unknown; unit?: unknown } | undefined;
  return typeof v?.amount === "number" && typeof v.unit === "string" ? plural(v.amount, v.unit.replace(/s$/, ""), v.unit) : "?";
}

export function titleOf(node: TJourneyNode, names: Pick<TNameLookups, "kind">): string {
  if (node.label) return node.label;
  if (node.type === "message") return `${names.kind(str(node.data.kind)) ?? "Message"} message`;
  return NODE_META[node.type].title;
}

function messageSummary(data: Record<string, unknown>, names: TNameLookups): string {
  const kind = names.kind(str(data.kind)) ?? (str(data.kind) || "Message");
  const c = (data.content ?? {}) as Record<string, unknown>;
  const line = data.kind === "email" ? (str(c.subject) && `Subject: ${str(c.subject)}`) : data.kind === "push" ? (str(c.title) && `Title: ${str(c.title)}`) : str(c.text);
  return line ? `${kind} · ${line}` : kind;
}

export function summaryOf(node: TJourneyNode, names: TNameLookups): string {
  const d = node.data;
  const choose = (what: string) => `Choose ${what}`;
  switch (node.type) {
    case "entry_audience":
      return str(d.audienceId) ? `Audience · ${names.audience(str(d.audienceId)) ?? "unknown"}` : choose("an audience");
    case "entry_event":
      return str(d.definitionId) ? `When ${names.definition(str(d.definitionId)) ?? "unknown event"} happens` : choose("a business event");
    case "message":
      return clip(messageSummary(d, names), 60);
    case "update_attribute":
      return str(d.key) ? clip(`Set ${str(d.key)} = ${String(d.value ?? "")}`) : "Name the attribute";
    case "list":
      return str(d.listId) ? `${d.action === "remove" ? "Remove from" : "Add to"} ${names.audience(str(d.listId)) ?? "a list"}` : choose("a list");
    case "webhook":
      return str(d.url) ? clip(`${str(d.method) || "POST"} ${str(d.url).replace(/^https?:\/\//, "")}`) : "Give a URL";
    case "wait":
      if (d.mode === "until") return str(d.at) ? `Until ${new Date(str(d.at)).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" })}` : "Pick a date";
      if (d.mode === "time_of_day") return `Until ${str(d.time) || "?"} in the profile's zone`;
      return `For ${durationText(d.duration)}`;
    case "reaction": {
      const target = names.node(str(d.messageNodeId));
      const what = target ? `“${titleOf(target, names)}”` : "a message";
      return `${str(d.reaction) || "opened"} ${what} within ${durationText(d.timeout)}`.replace(/^./, (c) => c.toUpperCase());
    }
    case "wait_event":
      return str(d.definitionId) ? `${names.definition(str(d.definitionId)) ?? "unknown event"} within ${durationText(d.timeout)}` : choose("a business event");
    case "condition": {
      const n = Array.isArray(d.branches) ? d.branches.length : 0;
      return `${plural(n, "branch", "branches")} + all others`;
    }
    case "random": {
      const branches = (Array.isArray(d.branches) ? d.branches : []) as { percent?: unknown }[];
      return branches.map((b) => `${typeof b.percent === "number" ? b.percent : "?"}%`).join(" / ") || "Add branches";
    }
    case "exit":
      return "Leaves the journey";
  }
}
