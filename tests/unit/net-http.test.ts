import { describe, expect, it, vi } from "vitest";
import { outboundFetch } from "@/lib/net/http";
import { OutboundError, type Resolver } from "@/lib/net/policy";
import { localHttpServer as server } from "../support/local-http";
import { setOutboundAllow } from "../support/outbound-allow";

describe("outboundFetch", () => {
  it("refuses loopback unless allow-listed, without sending anything", async () => {
    const target = await server((_, res) => res.end("ok"));
    await expect(outboundFetch(`http://127.0.0.1:${target.port}/`)).rejects.toBeInstanceOf(OutboundError);
    await expect(outboundFetch(`http://localhost:${target.port}/`)).rejects.toBeInstanceOf(OutboundError);
    expect(target.hits).toEqual([]);
    setOutboundAllow("127.0.0.1");
    const res = await outboundFetch(`http://127.0.0.1:${target.port}/x?y=1`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hi",
    });
    expect([res.status, await res.text()]).toEqual([200, "ok"]);
    expect(target.hits).toEqual([`POST 127.0.0.1:${target.port} /x?y=1`]);
  });

  it("does not follow a redirect, even to an allowed place", async () => {
    setOutboundAllow("127.0.0.1");
    const inside = await server((_, res) => res.end("secret"));
    const redirecting = await server((_, res) => res.writeHead(302, { location: `http://127.0.0.1:${inside.port}/` }).end());
    const res = await outboundFetch(`http://127.0.0.1:${redirecting.port}/`);
    expect(res.status).toBe(302);
    expect(inside.hits).toEqual([]);
  });

  it("resolves a name once and connects to that answer: a second DNS answer is never used (rebinding)", async () => {
    setOutboundAllow("127.0.0.1");
    const target = await server((_, res) => res.end("ok"));
    const answers = ["127.0.0.1", "127.0.0.2"];
    const resolver: Resolver = vi.fn(async () => [{ address: answers.shift()!, family: 4 }]);
    const res = await outboundFetch(`http://rebind.example:${target.port}/`, { resolver });
    expect(res.status).toBe(200);
    expect(resolver).toHaveBeenCalledOnce();
    expect(target.hits).toEqual([`GET rebind.example:${target.port} /`]);
  });

  it("refuses other protocols", async () => {
    await expect(outboundFetch("file:///etc/passwd")).rejects.toBeInstanceOf(OutboundError);
  });
});
