import { withWorkspace } from "@/server/api-keys/with-workspace";

/** Which workspace a key belongs to: a quick check that a key works. */
export const GET = withWorkspace(
  async (_req, { workspace, key }) => Response.json({ workspace, key: { kind: key.kind, prefix: key.prefix } }),
  { keys: ["write", "secret"] },
);
