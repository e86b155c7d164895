import type { FileDelimiter, FileEncoding } from "@/lib/aam/connectors/file/config";
import type { ConnectionType } from "@/lib/aam/schemas";
import type { z } from "zod";

type Delimiter = z.infer<typeof FileDelimiter>;
type Encoding = z.infer<typeof FileEncoding>;

/** Option labels of the file settings: the form's choices and the summary's values. */
export const DELIMITER_LABELS = { auto: "Detect", ",": "Comma (,)", ";": "Semicolon (;)", "\t": "Tab", "|": "Pipe (|)" } satisfies Record<
  Delimiter,
  string
>;
export const ENCODING_LABELS = {
  auto: "Detect",
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Windows-1252",
  latin1: "Latin-1",
} satisfies Record<Encoding, string>;
export const FILE_SOURCE_LABELS = { upload: "Files uploaded here", directory: "A folder on the server" } as const;

/**
 * Each config key of each source type as people read it (lib/aam/connectors holds the schemas).
 * A key not listed here (a newer one) is still shown, in words made from its name.
 */
const LABELS: Record<ConnectionType, Record<string, string>> = {
  file: {
    source: "Files come from",
    directory: "Folder on the server",
    delimiter: "Delimiter",
    encoding: "Encoding",
    header: "First row holds column names",
  },
  postgres: { url: "Connection URL", schema: "Schema", tables: "Tables", cursors: "Columns read incrementally" },
  salesforce: {
    loginUrl: "Login URL",
    clientId: "Client ID",
    clientSecret: "Client secret",
    refreshToken: "Refresh token",
    apiVersion: "API version",
    objects: "Objects",
  },
  mongodb: { url: "Connection URL", database: "Database", collections: "Collections", sampleSize: "Documents sampled per collection" },
};

/** "Folder on the server" for `directory`; "Host" for an unknown `host`, "Read timeout" for `readTimeout`. */
export function configLabel(type: ConnectionType, key: string): string {
  const known = LABELS[type][key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What the summary shows when a key is absent because its default applies. */
export const ABSENT_MEANS: Partial<Record<ConnectionType, Record<string, string>>> = {
  postgres: { tables: "All tables and views of the schema" },
  mongodb: { collections: "All collections of the database" },
};

/** A config value in words: lists joined, yes/no, the file settings' own labels, nested maps as "a: b". */
export function configValue(type: ConnectionType, key: string, value: unknown): string {
  if (type === "file") {
    if (key === "delimiter" && typeof value === "string" && value in DELIMITER_LABELS) return DELIMITER_LABELS[value as Delimiter];
    if (key === "encoding" && typeof value === "string" && value in ENCODING_LABELS) return ENCODING_LABELS[value as Encoding];
    if (key === "source" && (value === "upload" || value === "directory")) return FILE_SOURCE_LABELS[value];
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
  if (value && typeof value === "object")
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
      .join(", ");
  if (value === null || value === undefined || value === "") return "–";
  return String(value);
}
