import { createReadStream } from "node:fs";
import { parse, CsvError } from "csv-parse";
import { AppError } from "@/server/errors";

export type TRecordBatch = {
  /** Byte offset of the batch's first record. */
  start: number;
  header: string[] | null;
  records: string[][];
  /** Byte offset just past the last record returned: where the next batch starts. */
  nextOffset: number;
  /** True when the file ends within this batch. */
  done: boolean;
};

/** The file is not readable CSV (an unclosed quote, say): the import stops with this message. */
export class CsvFormatError extends Error {
  constructor(
    readonly reason: string,
    /** Byte offset of the batch in which the bad record is, and records read before it there. */
    readonly batchStart: number,
    readonly recordsRead: number,
  ) {
    super(reason);
  }
}

/** The parser's reason without its line numbers, which count from where this read began. */
function describe(error: CsvError): string {
  if (error.code === "CSV_QUOTE_NOT_CLOSED") return "a quoted field is never closed";
  if (error.code === "CSV_MAX_RECORD_SIZE") return "a row is longer than 1 MB";
  return error.message.replace(/\s*(at|on) line \d+\.?/gi, "").replace(/[.:]\s*$/, "");
}

const newBatch = (start: number): TRecordBatch => ({ start, header: null, records: [], nextOffset: start, done: false });

/**
 * Batches of `size` records from byte `offset` to the end of the file, streamed through one
 * parser (memory stays flat for any file size). At offset 0 the first record is the
 * header, returned apart. Offsets come from the parser's byte count, so every batch
 * starts on a record boundary and an import can resume from any of them.
 */
export async function* recordBatches(file: string, offset: number, size: number): AsyncGenerator<TRecordBatch> {
  const stream = createReadStream(file, { start: offset, highWaterMark: 256 * 1024 });
  const parser = stream.pipe(
    parse({ bom: offset === 0, info: true, record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: 1_000_000 }),
  );
  let batch = newBatch(offset);
  let headerSeen = offset !== 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      if (!headerSeen) {
        headerSeen = true;
        batch.header = record;
      } else batch.records.push(record);
      batch.nextOffset = offset + info.bytes;
      if (batch.records.length >= size) {
        yield batch;
        batch = newBatch(batch.nextOffset);
      }
    }
    batch.done = true;
    yield batch;
  } catch (error) {
    if (error instanceof CsvError) {
      // The rows before the bad one are fine: they go in first.
      if (batch.records.length) {
        yield batch;
        batch = newBatch(batch.nextOffset);
      }
      throw new CsvFormatError(describe(error), batch.start, batch.header ? 1 : 0);
    }
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("NOT_FOUND", "The uploaded file is gone; upload it again");
    throw error;
  } finally {
    stream.destroy();
    parser.destroy();
  }
}

/** The first batch of `maxRecords` records from `offset` (with the header at offset 0). */
export async function readRecords(file: string, offset: number, maxRecords: number): Promise<TRecordBatch> {
  for await (const batch of recordBatches(file, offset, maxRecords)) return batch;
  return { ...newBatch(offset), done: true };
}
