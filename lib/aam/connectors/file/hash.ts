import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { ConnectorError } from "../types";

export type FileHash = { sha256: string; prefix?: { sha256: string; endsWithNewline: boolean } };

/**
 * The file's SHA-256 and, when `prefixBytes` is given (and within the file), that of its first
 * `prefixBytes` bytes and whether they end on a line break: one pass over the file.
 */
export async function hashFile(file: string, prefixBytes?: number): Promise<FileHash> {
  const hash = createHash("sha256");
  let seen = 0;
  let prefix: FileHash["prefix"];
  let lastByte = -1;
  try {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      const cut = prefixBytes !== undefined && !prefix && seen + chunk.length >= prefixBytes ? prefixBytes - seen : -1;
      if (cut >= 0) {
        hash.update(chunk.subarray(0, cut));
        prefix = { sha256: hash.copy().digest("hex"), endsWithNewline: (cut > 0 ? chunk[cut - 1] : lastByte) === 0x0a };
        hash.update(chunk.subarray(cut));
      } else {
        hash.update(chunk);
      }
      if (chunk.length) lastByte = chunk[chunk.length - 1]!;
      seen += chunk.length;
    }
  } catch {
    throw new ConnectorError("source", "The file disappeared or cannot be read");
  }
  return { sha256: hash.digest("hex"), prefix };
}
