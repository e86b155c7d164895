import { describe, expect, it } from "vitest";
import { classifyIp, embeddedIpv4, formatIp, inCidr, parseCidr, parseIp } from "@/lib/net/address";
import { allowsHost, normalizeHostName, parseAllowList } from "@/lib/net/allow-list";
import { parseEnv } from "@/lib/env";

const classOf = (host: string) => {
  const ip = parseIp(host);
  if (!ip) throw new Error(`${host} did not parse`);
  return classifyIp(ip);
};

describe("IP literals", () => {
  it("reads every IPv4 form a resolver accepts as the same address", () => {
    for (const form of [
      "127.0.0.1",
      "127.1",
      "0x7f.1",
      "0x7f.0.0.1",
      "0177.0.0.1",
      "017700000001",
      "2130706433",
      "0x7f000001",
      "127.0.0.1.",
    ]) {
      expect(formatIp(parseIp(form)!), form).toBe("127.0.0.1");
    }
    expect(formatIp(parseIp("169.254.43518")!)).toBe("169.254.169.254");
  });

  it("reads IPv6 with brackets, zones, embedded IPv4 and compressed zeros", () => {
    expect(formatIp(parseIp("[::1]")!)).toBe("::1");
    expect(formatIp(parseIp("[::ffff:127.0.0.1]")!)).toBe("::ffff:7f00:1");
    expect(formatIp(parseIp("FE80::1%eth0")!)).toBe("fe80::1");
    expect(formatIp(parseIp("2001:db8:0:0:1:0:0:1")!)).toBe("2001:db8::1:0:0:1");
    expect(formatIp(parseIp("0:0:0:0:0:0:0:0")!)).toBe("::");
  });

  it("refuses what is not an IP literal, so it is resolved as a name instead or refused", () => {
    for (const text of [
      "example.com",
      "localhost",
      "1.2.3.4.5",
      "256.1.1.1",
      "0x1.0x100.1.1",
      "1.2.3.08",
      "::1::2",
      "1:2:3:4:5:6:7:8:9",
      "[::1",
      "12345:1::",
      "::ffff:1.2.3",
    ]) {
      expect(parseIp(text), text).toBeNull();
    }
  });
});

describe("address classes", () => {
  it("refuses loopback, private, shared, link-local, metadata, unspecified, multicast and broadcast", () => {
    const cases: [string, string][] = [
      ["127.0.0.1", "loopback"],
      ["127.255.255.254", "loopback"],
      ["0x7f.1", "loopback"],
      ["2130706433", "loopback"],
      ["::1", "loopback"],
      ["[::ffff:127.0.0.1]", "loopback"],
      ["::ffff:7f00:1", "loopback"],
      ["::127.0.0.1", "loopback"],
      ["64:ff9b::7f00:1", "loopback"],
      ["2002:7f00:1::", "loopback"],
      ["10.1.2.3", "private"],
      ["172.16.0.1", "private"],
      ["172.31.255.255", "private"],
      ["192.168.1.1", "private"],
      ["::ffff:10.0.0.1", "private"],
      ["fc00::1", "private"],
      ["fd12:3456::1", "private"],
      ["100.64.0.1", "shared"],
      ["100.100.100.200", "shared"],
      ["169.254.0.1", "link-local"],
      ["fe80::1", "link-local"],
      ["169.254.169.254", "metadata"],
      ["::ffff:169.254.169.254", "metadata"],
      ["fd00:ec2::254", "metadata"],
      ["0.0.0.0", "unspecified"],
      ["0", "unspecified"],
      ["::", "unspecified"],
      ["224.0.0.1", "multicast"],
      ["ff02::1", "multicast"],
      ["255.255.255.255", "broadcast"],
      ["240.0.0.1", "reserved"],
      ["198.18.0.1", "reserved"],
      ["2001:db8::1", "reserved"],
    ];
    for (const [host, kind] of cases) expect(classOf(host), host).toBe(kind);
  });

  it("passes public addresses, including the neighbours of refused ranges", () => {
    for (const host of [
      "8.8.8.8",
      "172.15.255.255",
      "172.32.0.1",
      "100.63.255.255",
      "100.128.0.1",
      "169.253.255.255",
      "11.0.0.1",
      "2606:4700::1111",
      "::ffff:8.8.8.8",
    ]) {
      expect(classOf(host), host).toBe("public");
    }
  });

  it("finds the IPv4 address inside mapped, NAT64 and 6to4 IPv6 addresses", () => {
    expect(formatIp(embeddedIpv4(parseIp("::ffff:192.168.0.1")!)!)).toBe("192.168.0.1");
    expect(formatIp(embeddedIpv4(parseIp("2002:c0a8:1::1")!)!)).toBe("192.168.0.1");
    expect(embeddedIpv4(parseIp("2606:4700::1111")!)).toBeNull();
  });
});

describe("CIDR ranges and the allow-list", () => {
  it("matches addresses inside a range of the same family only", () => {
    const range = parseCidr("10.1.0.0/16")!;
    expect(inCidr(parseIp("10.1.200.3")!, range)).toBe(true);
    expect(inCidr(parseIp("10.2.0.1")!, range)).toBe(false);
    expect(inCidr(parseIp("::ffff:10.1.0.1")!, range)).toBe(false);
    expect(inCidr(parseIp("fd00::5")!, parseCidr("fd00::/8")!)).toBe(true);
    for (const bad of ["10.0.0.0/33", "::/129", "10.0.0.0/8/1", "10.0.0.0/x", "host/8"]) expect(parseCidr(bad), bad).toBeNull();
  });

  it("parses hosts, wildcards, addresses and ranges, and names a bad entry", () => {
    const list = parseAllowList(" db.internal, *.corp.example ,10.0.0.0/8, ::1, 127.0.0.1 ,");
    expect(list.hosts).toEqual(["db.internal"]);
    expect(list.suffixes).toEqual(["corp.example"]);
    expect(list.cidrs).toHaveLength(3);
    expect(allowsHost(list, "a.b.corp.example")).toBe(true);
    expect(allowsHost(list, "corp.example")).toBe(false);
    expect(allowsHost(list, "evilcorp.example")).toBe(false);
    expect(() => parseAllowList("db.internal,http://x")).toThrow(/"http:\/\/x"/);
    expect(() => parseAllowList("300.1.1.1")).toThrow(/"300.1.1.1"/);
  });

  it("is read from AOS_OUTBOUND_ALLOW, empty by default, and a bad entry stops the start", () => {
    expect(parseEnv({}).outboundAllow).toEqual({ hosts: [], suffixes: [], cidrs: [] });
    expect(parseEnv({ AOS_OUTBOUND_ALLOW: "10.0.0.0/8,db.internal" }).outboundAllow.hosts).toEqual(["db.internal"]);
    expect(() => parseEnv({ AOS_OUTBOUND_ALLOW: "10.0.0.0/40" })).toThrow(/AOS_OUTBOUND_ALLOW/);
  });

  it("normalizes host names and refuses what is not one", () => {
    expect(normalizeHostName("LocalHost.")).toBe("localhost");
    for (const bad of ["", "-a.com", "a..b", "a b", "a/b", "127.0.0.1", "0x7f.1", "a%2fb"]) expect(normalizeHostName(bad), bad).toBeNull();
  });
});
