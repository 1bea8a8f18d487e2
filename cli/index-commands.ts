import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { workspaces } from "@/db/schema";
import { requestIndexBuild } from "@/server/audiences/indexed-attributes/build-attribute-indexes";
import { indexAttribute, listIndexedAttributes, unindexAttribute, ZIndexedAttribute } from "@/server/audiences/indexed-attributes/manage-indexed-attributes";
import { cliActor } from "@/server/audit/actor";
import { CliError, print } from "./output";

// The instance operator's side of indexed attributes: columns and indexes on the profiles
// table every workspace shares. The build runs in this process unless a server is already
// building (it then takes this request up when it is done).

type TArgs = Record<string, string | boolean | undefined>;

function attributeOf(args: TArgs) {
  for (const name of ["key", "type"]) if (typeof args[name] !== "string") throw new CliError(`--${name} is required`, 2);
  return ZIndexedAttribute.parse({ key: args.key, type: args.type });
}

async function statusOf(key: string, type: string) {
  const { attributes } = await listIndexedAttributes();
  return attributes.find((a) => a.key === key && a.type === type) ?? null;
}

export async function indexAttributeCommand(args: TArgs, json: boolean) {
  const input = attributeOf(args);
  await indexAttribute(input, cliActor);
  await requestIndexBuild();
  const entry = await statusOf(input.key, input.type);
  if (entry?.status === "failed") throw new CliError(`Indexing "${input.key}" failed: ${entry.error}`);
  print(json, entry, () => `"${input.key}" (${input.type}) is ${entry?.status ?? "gone"}.`);
}

export async function unindexAttributeCommand(args: TArgs, json: boolean) {
  const input = attributeOf(args);
  await unindexAttribute(input, cliActor);
  await requestIndexBuild();
  const entry = await statusOf(input.key, input.type);
  print(json, { key: input.key, type: input.type, status: entry?.status ?? "removed" }, () => (entry ? `"${input.key}" (${input.type}) is ${entry.status}.` : `"${input.key}" (${input.type}) is no longer indexed.`));
}

export async function listIndexedAttributesCommand(args: TArgs, json: boolean) {
  let workspaceId: string | undefined;
  if (typeof args.workspace === "string") {
    const [workspace] = await (await getDb()).select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, args.workspace));
    if (!workspace) throw new CliError(`No workspace with slug "${args.workspace}" (see list-workspaces)`, 3);
    workspaceId = workspace.id;
  }
  const list = await listIndexedAttributes(workspaceId);
  print(json, list, () =>
    [
      list.attributes.length ? list.attributes.map((a) => `${a.key.padEnd(24)} ${a.type.padEnd(7)} ${a.status}${a.error ? `  ${a.error}` : ""}`).join("\n") : "No attribute is indexed.",
      ...(list.suggestions.length ? ["", "Used by saved audiences:", ...list.suggestions.map((s) => `  ${s.key} (${s.type}): ${s.audiences} audience(s)`)] : []),
    ].join("\n"),
  );
}
