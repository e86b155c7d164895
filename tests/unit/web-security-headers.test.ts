import { afterEach, describe, expect, it, vi } from "vitest";
import type { NextConfig } from "next";
import { NextRequest } from "next/server";

async function loadProxy(env: Record<string, string> = {}) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return (await import("@/proxy")).proxy;
}

function page(path: string, headers: Record<string, string> = {}) {
  return new NextRequest(new URL(path, "http://aos.test:3000"), { headers: { host: "aos.test:3000", ...headers } });
}

/** The request headers proxy.ts hands to the page (NextResponse.next({ request: { headers } })). */
const forwardedToPage = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

describe("page security headers (proxy.ts)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("sends a CSP whose script nonce is the one the page renders with, fresh per request", async () => {
    const proxy = await loadProxy();
    const first = proxy(page("/login"));
    const second = proxy(page("/login"));
    const csp = first.headers.get("content-security-policy")!;
    const nonce = forwardedToPage(first, "x-nonce")!;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(forwardedToPage(first, "content-security-policy")).toBe(csp);
    expect(forwardedToPage(second, "x-nonce")).not.toBe(nonce);
    for (const directive of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "style-src 'self' 'unsafe-inline'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("adds 'unsafe-eval' only in development, and upgrade-insecure-requests behind an https public URL", async () => {
    const dev = await loadProxy({ NODE_ENV: "development" });
    expect(dev(page("/")).headers.get("content-security-policy")).toContain("'unsafe-eval'");
    const prod = await loadProxy({ NODE_ENV: "production", NEXTAUTH_URL: "https://aos.example.com" });
    const csp = prod(page("/")).headers.get("content-security-policy")!;
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("upgrade-insecure-requests");
  });

  it("replaces a client's X-Forwarded-Host with the Host header, or with NEXTAUTH_URL's host when set", async () => {
    const spoofed = { "x-forwarded-host": "evil.example" };
    const dev = await loadProxy();
    expect(forwardedToPage(dev(page("/api/auth/signin", spoofed)), "x-forwarded-host")).toBe("aos.test:3000");
    expect(forwardedToPage(dev(page("/login", spoofed)), "x-forwarded-host")).toBe("aos.test:3000");
    const prod = await loadProxy({ NODE_ENV: "production", NEXTAUTH_URL: "https://aos.example.com" });
    expect(forwardedToPage(prod(page("/api/auth/session", spoofed)), "x-forwarded-host")).toBe("aos.example.com");
  });

  it("runs on pages and next-auth, but not on the REST API (Proxy would buffer uploads)", async () => {
    vi.resetModules();
    const { config } = await import("@/proxy");
    const { unstable_doesMiddlewareMatch } = await import("next/experimental/testing/server");
    const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });
    expect(matches("/login")).toBe(true);
    expect(matches("/connections/abc")).toBe(true);
    expect(matches("/api/auth/callback/credentials")).toBe(true);
    expect(matches("/api/v1/aam/connections/abc/files")).toBe(false);
    expect(matches("/_next/static/chunks/app.js")).toBe(false);
  });
});

describe("headers on every response (next.config.mjs)", () => {
  afterEach(() => vi.unstubAllEnvs());

  async function headersFor(nodeEnv: string) {
    vi.resetModules();
    vi.stubEnv("NODE_ENV", nodeEnv);
    // A plain .mjs file, untyped for the compiler: read it as Next.js does.
    const config: NextConfig = (await import("@/next.config.mjs" as string)).default;
    const rules = await config.headers!();
    return (source: string) =>
      Object.fromEntries(rules.filter((r) => r.source === source).flatMap((r) => r.headers.map((h) => [h.key.toLowerCase(), h.value])));
  }

  it("sends nosniff, a referrer policy, a permissions policy and no framing everywhere; HSTS in production only", async () => {
    const prod = await headersFor("production");
    expect(prod("/:path*")).toMatchObject({
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "x-frame-options": "DENY",
      "strict-transport-security": expect.stringMatching(/^max-age=\d{8,}/),
    });
    expect(prod("/:path*")["permissions-policy"]).toContain("camera=()");
    expect(prod("/api/:path((?!docs(?:/|$)|redoc(?:/|$)).*)")["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    const dev = await headersFor("development");
    expect(dev("/:path*")["strict-transport-security"]).toBeUndefined();
  });
});
