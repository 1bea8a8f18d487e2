import { brandKit } from "./brand-kit";

interface TBrandable {
  workspaceId: string;
  kind: string;
  content: Record<string, unknown>;
  cacheKey?: string | null;
}

/**
 * An email send (or preview) with the workspace's brand kit in its content, and the kit's
 * version in its compile-cache key: a new brand is a new compile, kept with the messages'
 * content so a message re-rendered later looks as it was sent. Until a kit is saved, emails
 * use the editor's basic theme.
 */
export async function withBrand<T extends TBrandable>(batch: T): Promise<T> {
  if (batch.kind !== "email" || typeof batch.content.document !== "object" || batch.content.document === null) return batch;
  const kit = await brandKit(batch.workspaceId);
  if (kit.version === "default") return batch;
  return { ...batch, content: { ...batch.content, brand: kit.brand }, cacheKey: batch.cacheKey ? `${batch.cacheKey}~brand:${kit.version}` : batch.cacheKey };
}
