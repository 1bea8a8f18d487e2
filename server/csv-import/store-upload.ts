import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getDb } from "@/db/client";
import { csvImports } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { readRecords } from "./read-records";
import { absolutePathOf, maxUploadBytes, storedPathOf, tooLargeMessage } from "./upload-files";

export class UploadTooLargeError extends Error {}

/**
 * Streams an upload to `<data>/uploads/<id>.csv` (never held in memory), refusing files
 * over the limit as they arrive, checks that it has a header, and records the import.
 */
export async function storeUpload(workspaceId: string, fileName: string, body: ReadableStream<Uint8Array> | null, actor: TActor) {
  const name = fileName.trim().split(/[\\/]/).pop()?.slice(0, 200) || "upload.csv";
  if (!body) throw new AppError("BAD_REQUEST", "Send the CSV file as the request body", "file");
  const id = crypto.randomUUID();
  const storedPath = storedPathOf(id);
  const file = absolutePathOf(storedPath);
  await mkdir(path.dirname(file), { recursive: true });
  const limit = maxUploadBytes();
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > limit ? new UploadTooLargeError(tooLargeMessage(limit)) : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>), count, createWriteStream(`${file}.part`));
    if (bytes === 0) throw new AppError("BAD_REQUEST", "The file is empty", "file");
    await rename(`${file}.part`, file);
    const { header, records } = await readRecords(file, 0, 1).catch(() => ({ header: null, records: [] }));
    if (!header || header.every((h) => !h.trim())) throw new AppError("BAD_REQUEST", "The file has no header row: the first line must name the columns", "file");
    if (records.length === 0) throw new AppError("BAD_REQUEST", "The file has a header but no rows", "file");
  } catch (error) {
    await rm(`${file}.part`, { force: true });
    await rm(file, { force: true });
    throw error;
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(csvImports).values({ id, workspaceId, fileName: name, storedPath, bytesTotal: bytes, createdById: actor.userId }).returning();
    await recordAudit(tx, { workspaceId, actor, action: "csvImport.upload", entityType: "csv_import", entityId: id, diff: { fileName: { from: null, to: name }, bytes: { from: null, to: bytes } } });
    return row!;
  });
}
