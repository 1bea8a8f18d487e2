import { AppError } from "@/server/errors";
import { isUuid } from "@/server/ids";

/** A path id that is not a UUID names nothing: 404, as an unknown or another workspace's id. */
export function uuidOr404(id: string, what: string): string {
  if (!isUuid(id)) throw new AppError("NOT_FOUND", `${what} not found`, "id");
  return id;
}
