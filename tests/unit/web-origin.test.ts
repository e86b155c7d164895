import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { assertSameOriginMutation } from "@/lib/http/origin";

const request = (method: string, headers: Record<string, string>) => new Request("http://internal/api/v1/x", { method, headers });
const cookie = { cookie: "next-auth.session-token=abc" };

describe("cross-site check on cookie-authenticated changes", () => {
  it("refuses another site's Origin, the opaque null Origin, and a change with neither Origin nor Sec-Fetch-Site", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(() =>
        assertSameOriginMutation(request(method, { ...cookie, host: "aos.test", origin: "https://evil.example" }), undefined),
      ).toThrow(ForbiddenError);
    }
    expect(() => assertSameOriginMutation(request("POST", { ...cookie, host: "aos.test", origin: "null" }), undefined)).toThrow(
      /Cross-site request refused/,
    );
    expect(() => assertSameOriginMutation(request("POST", { ...cookie, host: "aos.test" }), undefined)).toThrow(ForbiddenError);
    expect(() =>
      assertSameOriginMutation(request("POST", { ...cookie, host: "aos.test", "sec-fetch-site": "cross-site" }), undefined),
    ).toThrow(ForbiddenError);
    expect(() =>
      assertSameOriginMutation(request("POST", { ...cookie, host: "aos.test", "sec-fetch-site": "same-site" }), undefined),
    ).toThrow(ForbiddenError);
  });

  it("without NEXTAUTH_URL compares with the Host header, never X-Forwarded-Host", () => {
    expect(() =>
      assertSameOriginMutation(request("POST", { ...cookie, host: "aos.test:3000", origin: "http://aos.test:3000" }), undefined),
    ).not.toThrow();
    expect(() =>
      assertSameOriginMutation(request("POST", { ...cookie, host: "aos.test", origin: "https://aos.test:443" }), undefined),
    ).not.toThrow();
    expect(() =>
      assertSameOriginMutation(
        request("POST", { ...cookie, host: "aos.test", "x-forwarded-host": "evil.example", origin: "https://evil.example" }),
        undefined,
      ),
    ).toThrow(ForbiddenError);
  });

  it("with NEXTAUTH_URL requires exactly its origin", () => {
    const publicUrl = "https://aos.example.com";
    expect(() =>
      assertSameOriginMutation(request("DELETE", { ...cookie, host: "internal:3000", origin: "https://aos.example.com" }), publicUrl),
    ).not.toThrow();
    expect(() =>
      assertSameOriginMutation(request("DELETE", { ...cookie, host: "aos.example.com", origin: "http://aos.example.com" }), publicUrl),
    ).toThrow(ForbiddenError);
  });

  it("accepts Sec-Fetch-Site: same-origin when there is no Origin", () => {
    expect(() =>
      assertSameOriginMutation(request("POST", { ...cookie, host: "aos.test", "sec-fetch-site": "same-origin" }), undefined),
    ).not.toThrow();
  });

  it("lets reads and bearer-token calls through", () => {
    expect(() =>
      assertSameOriginMutation(request("GET", { ...cookie, host: "aos.test", origin: "https://evil.example" }), undefined),
    ).not.toThrow();
    expect(() =>
      assertSameOriginMutation(request("POST", { authorization: "Bearer x", host: "aos.test", origin: "https://evil.example" }), undefined),
    ).not.toThrow();
  });
});
