import { BSON, type Document } from "mongodb";

/**
 * MongoDB wire-protocol framing for the fake server: OP_MSG in both directions, plus the legacy
 * OP_QUERY request / OP_REPLY answer that drivers still use for the very first `isMaster`.
 * https://www.mongodb.com/docs/manual/reference/mongodb-wire-protocol/
 */
export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;

const HEADER_BYTES = 16;
const MAX_MESSAGE_BYTES = 48_000_000;
const CHECKSUM_PRESENT = 1 << 0;
const MORE_TO_COME = 1 << 1;
/** Bits 0-15 are "required": a receiver must reject a message carrying one it does not know (exhaustAllowed, bit 16, is optional). */
const REQUIRED_BITS = 0xffff;

export type WireMessage = {
  requestId: number;
  responseTo: number;
  opCode: typeof OP_MSG | typeof OP_QUERY;
  /** The database the command runs against (`$db`, or the OP_QUERY namespace's first part). */
  db: string;
  /** The command body; each kind-1 document sequence is folded in as an array field, as the spec says it is equivalent to. */
  command: Document;
  /** The sender expects no answer (OP_MSG moreToCome). */
  moreToCome: boolean;
};

/** A framing error: the connection cannot continue and is closed. */
export class WireError extends Error {}

/** Cuts a TCP byte stream into whole messages: one chunk may hold several messages, or part of one. */
export class MessageFramer {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): WireMessage[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const messages: WireMessage[] = [];
    while (this.pending.length >= 4) {
      const length = this.pending.readInt32LE(0);
      if (length < HEADER_BYTES || length > MAX_MESSAGE_BYTES) throw new WireError(`message length ${length} out of range`);
      if (this.pending.length < length) break;
      messages.push(parseMessage(this.pending.subarray(0, length)));
      this.pending = this.pending.subarray(length);
    }
    return messages;
  }
}

function parseMessage(message: Buffer): WireMessage {
  const requestId = message.readInt32LE(4);
  const responseTo = message.readInt32LE(8);
  const opCode = message.readInt32LE(12);
  if (opCode === OP_MSG) return { requestId, responseTo, opCode, ...parseOpMsg(message) };
  if (opCode === OP_QUERY) return { requestId, responseTo, opCode, ...parseOpQuery(message) };
  throw new WireError(`unsupported opCode ${opCode}`);
}

function parseOpMsg(message: Buffer) {
  const flags = message.readUInt32LE(HEADER_BYTES);
  if (flags & REQUIRED_BITS & ~(CHECKSUM_PRESENT | MORE_TO_COME)) throw new WireError(`unknown required flag bits ${flags}`);
  let end = message.length;
  if (flags & CHECKSUM_PRESENT) {
    end -= 4;
    if (message.readUInt32LE(end) !== crc32c(message.subarray(0, end))) throw new WireError("OP_MSG checksum mismatch");
  }
  let body: Document | null = null;
  const sequences: Record<string, Document[]> = {};
  let offset = HEADER_BYTES + 4;
  while (offset < end) {
    const kind = message[offset++];
    const size = message.readInt32LE(offset);
    if (kind === 0) {
      if (body) throw new WireError("OP_MSG with two body sections");
      body = BSON.deserialize(message.subarray(offset, offset + size));
    } else if (kind === 1) {
      const nul = message.indexOf(0, offset + 4);
      const identifier = message.toString("utf8", offset + 4, nul);
      sequences[identifier] = readDocuments(message.subarray(nul + 1, offset + size));
    } else {
      throw new WireError(`unknown OP_MSG section kind ${kind}`);
    }
    offset += size;
  }
  if (!body) throw new WireError("OP_MSG without a body section");
  for (const [identifier, documents] of Object.entries(sequences)) body[identifier] = documents;
  return { db: String(body.$db ?? ""), command: body, moreToCome: (flags & MORE_TO_COME) !== 0 };
}

function parseOpQuery(message: Buffer) {
  const nul = message.indexOf(0, HEADER_BYTES + 4);
  const namespace = message.toString("utf8", HEADER_BYTES + 4, nul);
  if (!namespace.endsWith(".$cmd")) throw new WireError(`OP_QUERY is only answered for commands, not ${namespace}`);
  const [query] = readDocuments(message.subarray(nul + 1 + 8)); // skip numberToSkip, numberToReturn
  const command: Document = query.$query ?? query;
  return { db: namespace.slice(0, -".$cmd".length), command, moreToCome: false };
}

function readDocuments(bytes: Buffer): Document[] {
  const documents: Document[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const size = bytes.readInt32LE(offset);
    documents.push(BSON.deserialize(bytes.subarray(offset, offset + size)));
    offset += size;
  }
  return documents;
}

let nextRequestId = 1;

/** An OP_MSG with one body section and optional document sequences; used for answers and by tests to build requests. */
export function encodeOpMsg(
  responseTo: number,
  body: Document,
  options: { sequences?: Record<string, Document[]>; checksum?: boolean } = {},
): Buffer {
  const sections: Uint8Array[] = [Buffer.from([0]), BSON.serialize(body)];
  for (const [identifier, documents] of Object.entries(options.sequences ?? {})) {
    const payload = Buffer.concat([Buffer.from(`${identifier}\0`, "utf8"), ...documents.map((d) => BSON.serialize(d))]);
    sections.push(Buffer.from([1]), int32(payload.length + 4), payload);
  }
  const flags = Buffer.alloc(4);
  flags.writeUInt32LE(options.checksum ? CHECKSUM_PRESENT : 0);
  return frame(OP_MSG, responseTo, Buffer.concat([flags, ...sections]), options.checksum ?? false);
}

/** The legacy answer to an OP_QUERY command: one document, no cursor. */
export function encodeOpReply(responseTo: number, document: Document): Buffer {
  const fields = Buffer.alloc(20); // responseFlags, cursorID (int64), startingFrom, numberReturned
  fields.writeInt32LE(1, 16);
  return frame(OP_REPLY, responseTo, Buffer.concat([fields, BSON.serialize(document)]), false);
}

function frame(opCode: number, responseTo: number, payload: Buffer, checksum: boolean): Buffer {
  const length = HEADER_BYTES + payload.length + (checksum ? 4 : 0);
  const message = Buffer.alloc(length);
  message.writeInt32LE(length, 0);
  message.writeInt32LE(nextRequestId++, 4);
  message.writeInt32LE(responseTo, 8);
  message.writeInt32LE(opCode, 12);
  payload.copy(message, HEADER_BYTES);
  if (checksum) message.writeUInt32LE(crc32c(message.subarray(0, length - 4)), length - 4);
  return message;
}

function int32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32LE(value);
  return bytes;
}

const CRC32C_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32C (Castagnoli), the OP_MSG checksum. */
function crc32c(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC32C_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
