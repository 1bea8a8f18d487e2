import { rm } from "node:fs/promises";
import path from "node:path";
import { dataDir } from "@/server/config/data-dir";

/** Largest upload accepted (413 above); PARCOURS_CSV_MAX_BYTES overrides, for tests. */
export function maxUploadBytes(): number {
  return Number(process.env.PARCOURS_CSV_MAX_BYTES ?? 1024 ** 3);
}

/** "The file is larger than 1 GB", for the 413 answers. */
export function tooLargeMessage(limit = maxUploadBytes()): string {
  const size = limit >= 1024 ** 3 ? `${+(limit / 1024 ** 3).toFixed(1)} GB` : limit >= 1024 ** 2 ? `${+(limit / 1024 ** 2).toFixed(1)} MB` : `${limit} bytes`;
  return `The file is larger than ${size}`;
}

/** Where an import's file is kept, relative to the data folder (as csv_imports.stored_path). */
export function storedPathOf(importId: string): string {
  return path.join("uploads", `${importId}.csv`);
}

export function absolutePathOf(storedPath: string): string {
  return path.join(dataDir(), storedPath);
}

export async function removeUpload(storedPath: string): Promise<void> {
  await rm(absolutePathOf(storedPath), { force: true });
}
