import { describe, expect, it } from "vitest";
import { POST as sync } from "@/app/api/v1/aam/connections/[id]/sync/route";
import { DELETE as remove, GET as read } from "@/app/api/v1/aam/connections/[id]/route";
import { GET as listFiles, POST as upload } from "@/app/api/v1/aam/connections/[id]/files/route";
import { createAccount, sessionCookie } from "../support/accounts";
import { createConnectionVia } from "../support/aam";
import { call } from "../support/http";

const ownSite = { host: "localhost:3000", origin: "http://localhost:3000" };
const evilSite = { host: "localhost:3000", origin: "https://evil.example" };

describe("cross-site requests with the session cookie", () => {
  it("refuses a bodyless POST, a DELETE and a raw upload from another site, and changes nothing", async () => {
    const owner = await createAccount({ label: "csrf" });
    const conn = await createConnectionVia(owner.token, { name: "Uploads", type: "file", config: { source: "upload" } });
    const cookie = await sessionCookie(owner.email, owner.password);
    const params = { id: conn.id };

    const synced = await call(sync, "POST", `/api/v1/aam/connections/${conn.id}/sync`, { params, headers: { cookie, ...evilSite } });
    expect(synced.status).toBe(403);
    expect(synced.json.error.message).toMatch(/^Cross-site request refused/);
    // A form post or navigation without Origin or Sec-Fetch-Site is refused too.
    expect(
      (await call(sync, "POST", `/api/v1/aam/connections/${conn.id}/sync`, { params, headers: { cookie, host: ownSite.host } })).status,
    ).toBe(403);

    const uploaded = await call(upload, "POST", `/api/v1/aam/connections/${conn.id}/files?name=evil.csv`, {
      params,
      rawBody: "a,b\n1,2\n",
      headers: { cookie, "content-type": "text/csv", ...evilSite },
    });
    expect(uploaded.status).toBe(403);
    expect((await call(remove, "DELETE", `/api/v1/aam/connections/${conn.id}`, { params, headers: { cookie, ...evilSite } })).status).toBe(
      403,
    );

    expect((await call(read, "GET", `/api/v1/aam/connections/${conn.id}`, { params, headers: { cookie, ...evilSite } })).status).toBe(200);
    expect((await call(listFiles, "GET", `/api/v1/aam/connections/${conn.id}/files`, { params, token: owner.token })).json.files).toEqual(
      [],
    );
  });

  it("lets the same request through from this site, or with a bearer token from anywhere", async () => {
    const owner = await createAccount({ label: "csrf-ok" });
    const conn = await createConnectionVia(owner.token, { name: "Uploads", type: "file", config: { source: "upload" } });
    const cookie = await sessionCookie(owner.email, owner.password);
    const params = { id: conn.id };

    const sameSite = await call(upload, "POST", `/api/v1/aam/connections/${conn.id}/files?name=a.csv`, {
      params,
      rawBody: "a,b\n1,2\n",
      headers: { cookie, "content-type": "text/csv", ...ownSite },
    });
    expect(sameSite.status).toBe(201);
    const fetchMetadata = await call(sync, "POST", `/api/v1/aam/connections/${conn.id}/sync`, {
      params,
      headers: { cookie, host: ownSite.host, "sec-fetch-site": "same-origin" },
    });
    expect(fetchMetadata.status).toBe(202);
    const bearer = await call(remove, "DELETE", `/api/v1/aam/connections/${conn.id}`, { params, token: owner.token, headers: evilSite });
    expect(bearer.status).toBeLessThan(300);
  });
});
