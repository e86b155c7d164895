import { describe, expect, it } from "vitest";
import { textProblem } from "@/lib/aam/connectors/file/text";

const bytes = (text: string, encoding: BufferEncoding = "utf8") => Buffer.from(text, encoding);
const kind = (head: Buffer, encoding: Parameters<typeof textProblem>[1] = "auto") => textProblem(head, encoding)?.kind ?? null;

describe("textProblem", () => {
  it("takes CSV and JSON Lines text for text, whatever its encoding", () => {
    expect(kind(bytes("id,name\r\n1,Zoë\r\n"))).toBeNull();
    expect(kind(bytes('{"id":1,"tags":["a\\tb"]}\n'))).toBeNull();
    expect(kind(bytes("id\tname\n1\tM\u00fcller\n", "latin1"))).toBeNull();
    expect(kind(Buffer.concat([Buffer.from([0xff, 0xfe]), bytes("id,name\n1,a\n", "utf16le")]))).toBeNull();
    expect(kind(bytes("id,name\n1,a\n", "utf16le"), "utf-16le")).toBeNull();
    expect(kind(bytes("a,b\n1,2\n\u001a"))).toBeNull();
    expect(kind(Buffer.alloc(0))).toBeNull();
  });

  it("calls binary data binary: a NUL byte, or control characters in place of text", () => {
    expect(kind(Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"))).toBe("binary");
    expect(kind(Buffer.from("504b0304140006000800", "hex"))).toBe("binary");
    expect(kind(bytes("id,name\n1,a\u0000\n"), "windows-1252")).toBe("binary");
    expect(kind(Buffer.from([0x1b, 0x02, 0x03, 0x41, 0x04, 0x05, 0x06, 0x42]))).toBe("binary");
    // UTF-16 without its byte-order mark is only text when the connection says so.
    expect(kind(bytes("id,name\n1,a\n", "utf16le"))).toBe("binary");
  });

  it("holds a file declared UTF-8 to UTF-8, but not one under auto, and not a character cut at the end", () => {
    expect(textProblem(bytes("1,M\u00fcller\n", "latin1"), "utf-8")).toEqual({
      kind: "encoding",
      reason: "is not UTF-8 text, the encoding this connection is set to read",
    });
    expect(kind(bytes("1,M\u00fcller\n", "latin1"), "auto")).toBeNull();
    expect(kind(bytes("id,name\n1,Zoë").subarray(0, -1), "utf-8")).toBeNull();
  });
});
