import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

export type LocalS3 = {
  /** `http://127.0.0.1:<port>`, for AWS_ENDPOINT_URL_S3 with path-style addressing. */
  endpoint: string;
  bucket: string;
  /** Every request the server has received, as `METHOD /path?query`, in order. */
  requests(): Promise<string[]>;
  close(): Promise<void>;
};

type FromServer = { port: number } | { requests: string[] } | { error: string };

// s3rver signs its ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 17+) only
// offers through its legacy provider; so the server runs in its own process with that flag.
const SERVER = `
const S3rver = require(process.env.S3RVER_MODULE);
const requests = [];
const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: process.env.S3RVER_DIRECTORY, configureBuckets: [{ name: process.env.S3RVER_BUCKET }] });
server.run().then(
  ({ port }) => {
    server.httpServer.on("request", (req) => requests.push(req.method + " " + req.url));
    process.send({ port });
  },
  (error) => process.send({ error: String(error) }),
);
process.on("message", (message) => {
  if (message === "requests") process.send({ requests });
  if (message === "close") server.close().finally(() => process.exit(0));
});
`;

/** A real S3-speaking server (s3rver) on loopback, with one empty bucket; it accepts the credentials S3RVER / S3RVER. */
export async function startS3rver(bucket = "aos-test"): Promise<LocalS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "aos-s3rver-"));
  const child = spawn(process.execPath, ["--openssl-legacy-provider", "-e", SERVER], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: {
      ...process.env,
      S3RVER_MODULE: createRequire(import.meta.url).resolve("s3rver"),
      S3RVER_DIRECTORY: directory,
      S3RVER_BUCKET: bucket,
    },
  });
  // Answers arrive in the order of the questions: one waiter per message, first in first out.
  const waiting: { resolve: (message: FromServer) => void; reject: (error: Error) => void }[] = [];
  child.on("message", (message: FromServer) => waiting.shift()?.resolve(message));
  child.on("exit", () => waiting.splice(0).forEach((w) => w.reject(new Error("s3rver exited"))));
  const next = async (): Promise<FromServer> => {
    const message = await new Promise<FromServer>((resolve, reject) => waiting.push({ resolve, reject }));
    if ("error" in message) throw new Error(`s3rver failed to start: ${message.error}`);
    return message;
  };

  const started = await next().catch(async (error) => {
    child.kill();
    await rm(directory, { recursive: true, force: true });
    throw error;
  });
  if (!("port" in started)) throw new Error("s3rver did not report its port");
  return {
    endpoint: `http://127.0.0.1:${started.port}`,
    bucket,
    async requests() {
      child.send("requests");
      const answer = await next();
      return "requests" in answer ? answer.requests : [];
    },
    async close() {
      if (child.exitCode === null) {
        const exited = once(child, "exit");
        child.send("close");
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
