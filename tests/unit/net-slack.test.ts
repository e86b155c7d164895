import { describe, expect, it, vi } from "vitest";
import { log } from "@/lib/log";
import { postToSlack } from "@/lib/notify/slack";
import { localHttpServer as server } from "../support/local-http";
import { setOutboundAllow } from "../support/outbound-allow";

describe("Slack webhook delivery", () => {
  it("posts only to hooks.slack.com or an allow-listed host", async () => {
    const internal = await server((_, res) => res.end("ok"));
    expect(await postToSlack(`${internal.url}/services/T/B/X`, { text: "hi" }, { attempts: 1 })).toBe(false);
    // Refused by the host rule itself, before any lookup (these names would fail DNS here anyway).
    const warn = vi.spyOn(log, "warn");
    for (const url of ["https://hooks.slack.com.evil.example/services/T/B/X", "http://hooks.slack.com/services/T/B/X"]) {
      warn.mockClear();
      expect(await postToSlack(url, { text: "hi" }, { attempts: 1 })).toBe(false);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^slack webhook refused/));
    }
    warn.mockRestore();
    expect(internal.hits).toEqual([]);
    setOutboundAllow("127.0.0.1");
    expect(await postToSlack(`${internal.url}/services/T/B/X`, { text: "hi" }, { attempts: 1 })).toBe(true);
    expect(internal.hits).toEqual([`POST 127.0.0.1:${internal.port} /services/T/B/X`]);
  });

  it("does not follow a redirect", async () => {
    setOutboundAllow("127.0.0.1");
    const target = await server((_, res) => res.end("ok"));
    const redirecting = await server((_, res) => res.writeHead(307, { location: `${target.url}/services/T/B/X` }).end());
    expect(await postToSlack(`${redirecting.url}/services/T/B/X`, { text: "hi" }, { attempts: 1 })).toBe(false);
    expect(target.hits).toEqual([]);
  });
});
