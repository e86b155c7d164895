import http from "node:http";
import type { AddressInfo } from "node:net";
import Redis from "ioredis";

/**
 * A small Upstash-compatible REST endpoint in front of a real redis-server, for tests: `POST /` with a
 * JSON command array, `/pipeline`, `/multi-exec`, and `/subscribe/<channel>` as server-sent events.
 * Results are base64-encoded when the client asks with `Upstash-Encoding: base64`, as Upstash does.
 */
export async function startUpstashProxy(redisUrl: string, token: string) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const subscribers = new Set<Redis>();

  const server = http.createServer(async (req, res) => {
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { error: "Unauthorized" });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
    const url = new URL(req.url ?? "/", "http://proxy");

    if (url.pathname.startsWith("/subscribe/")) {
      const channel = decodeURIComponent(url.pathname.slice("/subscribe/".length));
      const sub = redis.duplicate();
      subscribers.add(sub);
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
      sub.on("message", (ch: string, message: string) => res.write(`data: message,${ch},${message}\n\n`));
      await sub.subscribe(channel);
      res.write(`data: subscribe,${channel},1\n\n`);
      res.on("close", () => {
        subscribers.delete(sub);
        sub.disconnect();
      });
      return;
    }

    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
    } catch {
      return send(res, 400, { error: "ERR malformed JSON" });
    }
    const run = async (cmd: unknown[]) => {
      try {
        const [name, ...args] = cmd as [string, ...(string | number)[]];
        return { result: encode(await redis.call(String(name).toUpperCase(), ...args.map(String)), base64) };
      } catch (error) {
        return { error: (error as Error).message };
      }
    };
    if (url.pathname === "/pipeline") return send(res, 200, await Promise.all((body as unknown[][]).map(run)));
    if (url.pathname === "/multi-exec") {
      const multi = redis.multi();
      for (const [name, ...args] of body as [string, ...unknown[]][]) multi.call(String(name).toUpperCase(), ...args.map(String));
      const results = (await multi.exec()) ?? [];
      return send(
        res,
        200,
        results.map(([err, value]) => (err ? { error: err.message } : { result: encode(value, base64) })),
      );
    }
    const single = await run(body as unknown[]);
    send(res, "error" in single ? 400 : 200, single);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const sub of subscribers) sub.disconnect();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.disconnect();
    },
  };
}

function encode(value: unknown, base64: boolean): unknown {
  if (!base64) return value;
  if (typeof value === "string") return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map((v) => encode(v, base64));
  return value;
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
