import { describe, expect, it } from "vitest";
import { clientAddressOf } from "@/lib/http/client-address";
import { parseCidr } from "@/lib/net/address";

const forwarded = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });
const proxies = (...entries: string[]) => entries.map((entry) => parseCidr(entry)!);

describe("client address for sign-in limits", () => {
  it("is the peer Next.js records when the client sent no X-Forwarded-For", () => {
    expect(clientAddressOf(forwarded("203.0.113.7"), [])).toBe("203.0.113.7");
    expect(clientAddressOf(forwarded("::ffff:203.0.113.7"), [])).toBe("203.0.113.7");
    expect(clientAddressOf(forwarded(), [])).toBe("unknown");
  });

  it("ignores hops a client wrote in front of the one a proxy appended", () => {
    // A client rotating a forged first hop stays one address.
    for (const forged of ["1.1.1.1", "8.8.8.8", "10.0.0.1", "not-an-ip"]) {
      expect(clientAddressOf(forwarded(`${forged}, 203.0.113.7`), [])).toBe("203.0.113.7");
    }
  });

  it("skips hops from trusted proxies (AOS_TRUSTED_PROXIES), and only those", () => {
    const chain = forwarded("198.51.100.1, 203.0.113.7, 10.0.0.5");
    expect(clientAddressOf(chain, [])).toBe("10.0.0.5");
    expect(clientAddressOf(chain, proxies("10.0.0.0/8"))).toBe("203.0.113.7");
    expect(clientAddressOf(chain, proxies("10.0.0.0/8", "203.0.113.7"))).toBe("198.51.100.1");
    expect(clientAddressOf(forwarded("[2001:db8::1]:443, 10.0.0.5:8080"), proxies("10.0.0.0/8"))).toBe("2001:db8::1");
  });

  it("falls back to the leftmost hop when every hop is a trusted proxy", () => {
    expect(clientAddressOf(forwarded("10.0.0.9, 10.0.0.5"), proxies("10.0.0.0/8"))).toBe("10.0.0.9");
  });
});
