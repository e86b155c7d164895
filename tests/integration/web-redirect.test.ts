import { describe, expect, it } from "vitest";
import { getAuthOptions } from "@/lib/auth/next-auth";

const baseUrl = "http://localhost:3000";

/** next-auth asks this callback where to send the browser after sign-in and sign-out (callbackUrl). */
async function redirectFor(url: string) {
  const { callbacks } = await getAuthOptions();
  return callbacks!.redirect!({ url, baseUrl });
}

describe("next-auth redirects", () => {
  it("keeps paths and same-origin URLs", async () => {
    expect(await redirectFor("/login")).toBe(`${baseUrl}/login`);
    expect(await redirectFor(`${baseUrl}/connections?tab=files`)).toBe(`${baseUrl}/connections?tab=files`);
  });

  it.each([
    "/\\evil.example",
    "/%5Cevil.example",
    "//evil.example",
    "https://evil.example/",
    "http://localhost:3000.evil.example/",
    "/\t/evil.example",
  ])("sends %j to the control center on this site", async (url) => {
    expect(await redirectFor(url)).toBe(`${baseUrl}/control-center`);
  });
});
