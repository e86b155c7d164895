import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/inngest/route";
import { call } from "../support/http";

describe("the Inngest serve endpoint without Inngest configured", () => {
  it("answers 404, so nothing can invoke functions behind the embedded engine's back", async () => {
    expect((await call(GET as never, "GET", "/api/inngest")).status).toBe(404);
    expect((await call(POST as never, "POST", "/api/inngest?fnId=autonomos-connector-sync", { body: {} })).status).toBe(404);
  });
});
