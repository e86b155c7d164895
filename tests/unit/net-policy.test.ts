import { describe, expect, it, vi } from "vitest";
import { parseAllowList } from "@/lib/net/allow-list";
import { checkOutbound, isAllowListed, OutboundError, type Resolver } from "@/lib/net/policy";

const none = parseAllowList("");
const answering = (...addresses: string[]): Resolver =>
  vi.fn(async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe("outbound policy", () => {
  it("connects to the address it checked, and keeps the name for TLS", async () => {
    const resolver = answering("93.184.216.34");
    await expect(checkOutbound("Example.COM.", { resolver, allow: none })).resolves.toEqual({
      host: "example.com",
      address: "93.184.216.34",
      family: 4,
      servername: "example.com",
    });
    expect(resolver).toHaveBeenCalledOnce();
  });

  it("refuses a name that resolves to loopback: localhost itself, and any name a DNS answer points there", async () => {
    for (const host of ["localhost", "localhost.", "LOCALHOST"])
      expect(await refusal(checkOutbound(host, { allow: none })), host).toBeInstanceOf(OutboundError);
    expect(await refusal(checkOutbound("rebind.example", { resolver: answering("127.0.0.1"), allow: none }))).toBeInstanceOf(OutboundError);
    expect(await refusal(checkOutbound("v6.example", { resolver: answering("::ffff:7f00:1"), allow: none }))).toBeInstanceOf(OutboundError);
  });

  it("refuses a name when any one of its addresses is refused", async () => {
    const error = await refusal(checkOutbound("mixed.example", { resolver: answering("93.184.216.34", "10.0.0.5"), allow: none }));
    expect(error).toMatchObject({ reason: expect.stringContaining("10.0.0.5 is private") });
  });

  it("refuses IP literals in every spelling without asking DNS", async () => {
    const resolver = answering("93.184.216.34");
    for (const host of [
      "127.0.0.1",
      "0x7f.1",
      "2130706433",
      "[::1]",
      "[::ffff:127.0.0.1]",
      "169.254.169.254",
      "[fd00:ec2::254]",
      "10.0.0.1",
      "0.0.0.0",
      "100.64.1.1",
      "[fe80::1]",
      "224.0.0.1",
      "255.255.255.255",
    ]) {
      expect(await refusal(checkOutbound(host, { resolver, allow: none })), host).toBeInstanceOf(OutboundError);
    }
    expect(resolver).not.toHaveBeenCalled();
  });

  it("refuses cloud metadata names before any lookup, and malformed hosts", async () => {
    const resolver = answering("93.184.216.34");
    for (const host of [
      "metadata.google.internal",
      "metadata.google.internal.",
      "metadata",
      "bad host",
      "/var/run/postgresql",
      "a%2Fb",
      "",
    ]) {
      expect(await refusal(checkOutbound(host, { resolver, allow: none })), host).toBeInstanceOf(OutboundError);
    }
    expect(resolver).not.toHaveBeenCalled();
  });

  it("answers a name that does not resolve as refused too (the caller's message is the same)", async () => {
    const resolver: Resolver = async () => Promise.reject(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }));
    expect(await refusal(checkOutbound("nowhere.invalid", { resolver, allow: none }))).toMatchObject({
      reason: "lookup failed: ENOTFOUND",
    });
  });

  it("admits what AOS_OUTBOUND_ALLOW names: a host whatever it resolves to, an address inside a listed range", async () => {
    const allow = parseAllowList("db.internal,*.corp.example,127.0.0.1,10.1.0.0/16");
    await expect(checkOutbound("db.internal", { resolver: answering("10.9.9.9"), allow })).resolves.toMatchObject({ address: "10.9.9.9" });
    await expect(checkOutbound("pg.corp.example", { resolver: answering("192.168.0.4"), allow })).resolves.toMatchObject({
      address: "192.168.0.4",
    });
    await expect(checkOutbound("127.0.0.1", { allow })).resolves.toMatchObject({ address: "127.0.0.1", servername: undefined });
    await expect(checkOutbound("anything.example", { resolver: answering("10.1.2.3"), allow })).resolves.toMatchObject({
      address: "10.1.2.3",
    });
    expect(await refusal(checkOutbound("127.0.0.2", { allow }))).toBeInstanceOf(OutboundError);
    expect(await refusal(checkOutbound("10.2.0.1", { allow }))).toBeInstanceOf(OutboundError);
    expect(isAllowListed("DB.internal.", allow)).toBe(true);
    expect(isAllowListed("10.1.0.7", allow)).toBe(true);
    expect(isAllowListed("example.com", allow)).toBe(false);
  });
});
