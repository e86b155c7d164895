import { z } from "zod";

export const FileEncoding = z.enum(["auto", "utf-8", "utf-16le", "utf-16be", "windows-1252", "latin1"]);
export type FileEncoding = z.infer<typeof FileEncoding>;

export const FileDelimiter = z.enum(["auto", ",", ";", "\t", "|"]);

/**
 * A directory of CSV / JSON Lines files on the server (inside AOS_FILE_SOURCE_ROOTS), or files
 * uploaded through the API or UI. Every file is a stream named after the file.
 */
export const FileConfig = z
  .object({
    source: z.enum(["directory", "upload"]).default("upload"),
    directory: z.string().trim().min(1).max(1000).optional(),
    delimiter: FileDelimiter.default("auto"),
    encoding: FileEncoding.default("auto"),
    /** When false, columns are named column_1, column_2, ... and the first row is data. */
    header: z.boolean().default(true),
  })
  .refine((c) => c.source !== "directory" || c.directory, {
    message: 'a directory is required when source is "directory"',
    path: ["directory"],
  });
export type FileConfig = z.infer<typeof FileConfig>;

/** The one answer for a directory that may not be read, whatever the reason (no oracle for the server's files). */
export const DIRECTORY_UNAVAILABLE =
  "The directory is missing, unreadable, or outside the folders file connections may read (AOS_FILE_SOURCE_ROOTS)";

export const FILE_EXTENSIONS = [".csv", ".tsv", ".txt", ".jsonl", ".ndjson"] as const;
export const MAX_COLUMNS = 2_000;

export function isReadableFileName(fileName: string): boolean {
  return FILE_EXTENSIONS.some((ext) => fileName.toLowerCase().endsWith(ext));
}

export function isJsonLines(fileName: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(fileName);
}

/** How to parse one delimited file of the connection: a `.tsv` under "auto" is tab-separated. */
export function csvOptionsFor(config: FileConfig, fileName: string) {
  const delimiter = config.delimiter === "auto" && /\.tsv$/i.test(fileName) ? "\t" : config.delimiter;
  return { encoding: config.encoding, delimiter, header: config.header };
}
