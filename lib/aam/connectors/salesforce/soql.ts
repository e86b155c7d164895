import { z } from "zod";
import { ConnectorError } from "../types";

/** API names of sObjects and fields (`Account`, `Amount__c`); anything else never reaches a query. */
export const SALESFORCE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Where a read resumes (the saved stream state): the cursor value and Id of the last record already delivered. */
export const ReadPosition = z.object({ cursor: z.string().optional(), lastId: z.string().optional() });
export type ReadPosition = z.infer<typeof ReadPosition>;

export function soqlName(name: string): string {
  if (!SALESFORCE_NAME.test(name)) throw new ConnectorError("config", `"${name}" is not a Salesforce API name.`);
  return name;
}

const ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "'": "\\'",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

/** A quoted SOQL string literal; the reserved characters are backslash-escaped as SOQL documents. */
export function soqlString(value: string): string {
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (c) => ESCAPES[c])}'`;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An unquoted SOQL dateTime literal in UTC. Salesforce answers `2024-05-01T10:00:00.000+0000`;
 * SOQL documents `2024-05-01T10:00:00Z`, so milliseconds are written only when not zero.
 */
export function soqlDateTime(value: string): string {
  const ms = DATETIME.test(value) ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")) : NaN;
  if (Number.isNaN(ms))
    throw new ConnectorError(
      "config",
      `The saved position "${value.slice(0, 40)}" is not a date and time; reset the stream to read it again.`,
    );
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

/**
 * The read query: records after `position` in (cursor, Id) order, or in Id order for objects
 * without a cursor field. A position with a cursor but no Id resumes inclusively (no loss).
 */
export function buildReadQuery(object: string, fields: string[], cursorField: string | null, position: ReadPosition): string {
  const from = `SELECT ${fields.map(soqlName).join(", ")} FROM ${soqlName(object)}`;
  if (cursorField === null) {
    const where = position.lastId === undefined ? "" : ` WHERE Id > ${soqlString(position.lastId)}`;
    return `${from}${where} ORDER BY Id`;
  }
  const cursor = soqlName(cursorField);
  let where = "";
  if (position.cursor !== undefined) {
    const ts = soqlDateTime(position.cursor);
    where =
      position.lastId === undefined
        ? ` WHERE ${cursor} >= ${ts}`
        : ` WHERE ${cursor} > ${ts} OR (${cursor} = ${ts} AND Id > ${soqlString(position.lastId)})`;
  }
  return `${from}${where} ORDER BY ${cursor}, Id`;
}
