import { describe, expect, it } from "vitest";
import { GET as healthz } from "@/app/api/v1/healthz/route";
import { call } from "../support/http";

describe("GET /api/v1/healthz", () => {
  it("reports database, redis and job engine status without authentication", async () => {
    const res = await call(healthz, "GET", "/api/v1/healthz");
    expect(res.status).toBe(200);
    expect(res.json.database).toMatchObject({ status: "ok", mode: process.env.DATABASE_URL ? "server" : "embedded" });
    expect(res.json.redis).toMatchObject({ status: "ok", mode: process.env.UPSTASH_REDIS_REST_URL ? "upstash" : "memory" });
    // The embedded engine starts with the app server, not in this test process: that is visible.
    expect(res.json.jobs).toMatchObject({ status: "down", mode: "embedded" });
    expect(res.json.status).toBe("degraded");
  });
});
