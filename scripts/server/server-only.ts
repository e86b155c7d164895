// The custom server (server.ts) loads lib/ outside Next.js's bundler, where the `server-only`
// package would throw; tsconfig.server.json maps it here. It is on the server by construction.
export {};
