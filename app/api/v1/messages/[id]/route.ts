import { withWorkspace } from "@/server/api-keys/with-workspace";
import { AppError } from "@/server/errors";
import { isUuid } from "@/server/ids";
import { getMessage } from "@/server/messaging/list-messages";

/** A message's status and its history (queued -> sent -> delivered -> opened ...). */
export const GET = withWorkspace(
  async (_req, { workspace, params }) => {
    if (!isUuid(params.id)) throw new AppError("NOT_FOUND", "Message not found", "id");
    const m = await getMessage(workspace.id, params.id!);
    return Response.json({
      id: m.id,
      status: m.status,
      kind: m.kind,
      recipient: m.recipient,
      profileId: m.profileId,
      source: { type: m.sourceType, id: m.sourceId },
      error: m.error,
      createdAt: m.createdAt,
      sentAt: m.sentAt,
      history: m.history.map((h) => ({ type: h.type, at: h.at, ...(h.data && Object.keys(h.data).length ? { data: h.data } : {}) })),
    });
  },
  { keys: ["secret"] },
);
