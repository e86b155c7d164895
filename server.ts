/**
 * The app's HTTP server: Next.js for pages and the REST API, plus the tenant event stream over
 * WebSocket, which route handlers cannot serve (lib/events/websocket.ts). `npm run dev` and
 * `npm start` run it; `--dev` for development. PORT and HOSTNAME as for `next start`.
 */
import { createServer } from "node:http";
import next from "next";
import { serveEventSockets } from "@/lib/events/websocket";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? (dev ? "localhost" : "0.0.0.0");

const app = next({ dev, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((req, res) => void handle(req, res));
serveEventSockets(server, app.getUpgradeHandler());
server.listen(port, hostname, () =>
  console.log(`AutonomOS ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}${dev ? " (development)" : ""}`),
);
