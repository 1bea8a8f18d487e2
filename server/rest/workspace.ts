import { z } from "zod";
import { defineOperation } from "./operation";

export const workspaceOp = defineOperation({
  method: "GET",
  path: "/api/v1/workspace",
  tag: "Keys",
  summary: "The key's workspace: a quick check that a key works",
  keys: ["write", "secret"],
  responseName: "WorkspaceOfKey",
  response: z.object({
    workspace: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
    key: z.object({ kind: z.enum(["write", "secret"]), prefix: z.string().describe("The key's first characters, as listed in Settings -> API keys") }),
  }),
  errors: [],
  example: { workspace: { id: "0193f0c2-5a1e-7c3b-9a4e-2f1d3c4b5a69", name: "Acme", slug: "acme" }, key: { kind: "secret", prefix: "pcs_3kd9" } },
  handler: async ({ workspace, key }) => ({ workspace, key: { kind: key.kind, prefix: key.prefix } }),
});
