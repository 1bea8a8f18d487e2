const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path or payload value is a UUID, before it reaches a uuid column. */
export const isUuid = (value: unknown): boolean => typeof value === "string" && UUID.test(value);

/** An ILIKE pattern matching `text` anywhere, with its own % and _ taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[%_\\]/g, "\\$&")}%`;

/** The value when it is a UUID, else null (for optional ids read from payloads). */
export const uuidOrNull = (value: unknown): string | null => (typeof value === "string" && UUID.test(value) ? value : null);
