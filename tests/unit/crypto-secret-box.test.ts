import { describe, expect, it } from "vitest";
import { createSecretBox, isSealed, SecretBoxError } from "@/lib/crypto/secret-box";
import { parseEnv } from "@/lib/env";
import { sealV1 } from "../support/crypto";

const A = "key-a-0123456789-0123456789-0123456789";
const B = "key-b-0123456789-0123456789-0123456789";
const context = "connection:t1:c1";

describe("secret box", () => {
  it("seals under the current key's id and opens only with the same context", () => {
    const box = createSecretBox({ current: A });
    const sealed = box.seal("s3cret", context);
    expect(sealed.startsWith(`v2.${box.keyId}.`)).toBe(true);
    expect(sealed).not.toContain("s3cret");
    expect(box.keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(A).not.toContain(box.keyId);
    expect(box.open(sealed, context)).toBe("s3cret");
    expect(() => box.open(sealed, "connection:t2:c1")).toThrow(SecretBoxError);
    // A tag cut to 4 bytes would make a forgery 2^96 times easier: refused like any tampering.
    const parts = sealed.split(".");
    parts[3] = Buffer.from(parts[3]!, "base64url").subarray(0, 4).toString("base64url");
    expect(() => box.open(parts.join("."), context)).toThrow(SecretBoxError);
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed("https://hooks.slack.com/services/T/B/X")).toBe(false);
  });

  it("opens what a previous key sealed while it is listed as old, and names the missing key once it is not", () => {
    const sealedA = createSecretBox({ current: A }).seal("s3cret", context);
    const rotated = createSecretBox({ current: B, old: [A] });
    expect(rotated.open(sealedA, context)).toBe("s3cret");
    expect(rotated.isCurrent(sealedA)).toBe(false);
    const sealedB = rotated.seal(rotated.open(sealedA, context), context);
    expect(rotated.isCurrent(sealedB)).toBe(true);

    const withoutA = createSecretBox({ current: B });
    expect(withoutA.open(sealedB, context)).toBe("s3cret");
    const keyA = createSecretBox({ current: A }).keyId;
    expect(() => withoutA.open(sealedA, context)).toThrow(new RegExp(`key ${keyA}.*AOS_ENCRYPTION_KEYS_OLD`));
  });

  it("still opens v1 ciphertexts (no key id) with the current key or an old one", () => {
    expect(createSecretBox({ current: A }).open(sealV1("legacy", A, context), context)).toBe("legacy");
    expect(createSecretBox({ current: B, old: [A] }).open(sealV1("legacy", A, context), context)).toBe("legacy");
    expect(() => createSecretBox({ current: B }).open(sealV1("legacy", A, context), context)).toThrow(SecretBoxError);
    expect(createSecretBox({ current: A }).isCurrent(sealV1("legacy", A, context))).toBe(false);
  });

  it("refuses tampered and unknown formats", () => {
    const box = createSecretBox({ current: A });
    const parts = box.seal("s3cret", context).split(".");
    parts[4] = Buffer.from("tampered").toString("base64url");
    expect(() => box.open(parts.join("."), context)).toThrow(SecretBoxError);
    expect(() => box.open("plain text", context)).toThrow("Unknown ciphertext format");
  });

  it("reads previous keys from AOS_ENCRYPTION_KEYS_OLD (comma-separated, each at least 32 characters)", () => {
    expect(parseEnv({ AOS_ENCRYPTION_KEYS_OLD: ` ${A} , ${B} ` }).encryptionKeysOld).toEqual([A, B]);
    expect(parseEnv({}).encryptionKeysOld).toEqual([]);
    expect(() => parseEnv({ AOS_ENCRYPTION_KEYS_OLD: `${A},short` })).toThrow(/AOS_ENCRYPTION_KEYS_OLD/);
  });
});
