import { describe, expect, it } from "vitest";
import { DEFAULT_CALLBACK_PATH, safeCallbackPath } from "@/lib/http/callback-path";

describe("sign-in callback paths", () => {
  it("keeps a path on this site, with its query and hash", () => {
    expect(safeCallbackPath("/connections")).toBe("/connections");
    expect(safeCallbackPath("/ontology?entity=account#graph")).toBe("/ontology?entity=account#graph");
    expect(safeCallbackPath("/a%20b")).toBe("/a%20b");
  });

  it.each([
    ["backslash host (/login?callbackUrl=/%5Cevil.example, decoded)", "/\\evil.example"],
    ["percent-encoded backslash", "/%5Cevil.example"],
    ["double-encoded backslash", "/%255Cevil.example"],
    ["protocol-relative", "//evil.example"],
    ["percent-encoded slash", "/%2Fevil.example"],
    ["slash then backslash", "/\\/evil.example"],
    ["tab between slashes", "/\t/evil.example"],
    ["newline between slashes", "/\n/evil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["scheme", "https://evil.example/"],
    ["javascript scheme", "javascript:alert(1)"],
    ["relative without slash", "evil.example"],
    ["empty", ""],
    ["malformed escape", "/%E0%A4%A"],
    ["too long", `/${"a".repeat(5000)}`],
  ])("refuses %s", (_label, raw) => {
    expect(safeCallbackPath(raw)).toBe(DEFAULT_CALLBACK_PATH);
  });

  it("refuses anything that is not a string", () => {
    expect(safeCallbackPath(null)).toBe(DEFAULT_CALLBACK_PATH);
    expect(safeCallbackPath(["/x"])).toBe(DEFAULT_CALLBACK_PATH);
  });

  it("with an origin, accepts an absolute URL on exactly that origin as its path", () => {
    const origin = "https://aos.example.com";
    expect(safeCallbackPath("https://aos.example.com/team?x=1", origin)).toBe("/team?x=1");
    expect(safeCallbackPath("https://aos.example.com.evil.example/team", origin)).toBe(DEFAULT_CALLBACK_PATH);
    expect(safeCallbackPath("http://aos.example.com/team", origin)).toBe(DEFAULT_CALLBACK_PATH);
    expect(safeCallbackPath("https://evil.example/", origin)).toBe(DEFAULT_CALLBACK_PATH);
    expect(safeCallbackPath("https://aos.example.com//evil.example", origin)).toBe(DEFAULT_CALLBACK_PATH);
    // Without an origin (the browser side), absolute URLs never pass.
    expect(safeCallbackPath("https://aos.example.com/team")).toBe(DEFAULT_CALLBACK_PATH);
  });
});
