import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Two free failures per account and address (ten per account and per address), and one trusted proxy range.
process.env.LOGIN_FAILURES_BEFORE_DELAY = "2";
process.env.LOGIN_MAX_DELAY_SECONDS = "60";
process.env.AOS_TRUSTED_PROXIES = "10.9.0.0/16";

const { POST: token } = await import("@/app/api/v1/auth/token/route");
const { getAuthOptions } = await import("@/lib/auth/next-auth");
const { createAccount } = await import("../support/accounts");
const { call, fromClient: from, newClientAddress: newAddress, uniqueEmail } = await import("../support/http");

const randomOctet = () => Math.floor(Math.random() * 250) + 1;
const signIn = (email: string, password: string, headers: Record<string, string>) =>
  call(token, "POST", "/api/v1/auth/token", { body: { email, password }, headers });
const wait = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

describe("sign-in limits", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date"] }));
  afterEach(() => vi.useRealTimers());

  it("counts only failures, doubling the wait after each further one", async () => {
    const a = await createAccount({ label: "grow" });
    const address = from(newAddress());
    expect((await signIn(a.email, "wrong", address)).status).toBe(401);
    expect((await signIn(a.email, "wrong", address)).status).toBe(401);
    const retryAfter: number[] = [];
    for (let i = 0; i < 3; i++) {
      const delayed = await signIn(a.email, "wrong", address);
      expect(delayed.status).toBe(429);
      retryAfter.push(Number(delayed.headers.get("retry-after")));
      wait(retryAfter[i]);
      expect((await signIn(a.email, "wrong", address)).status).toBe(401);
    }
    expect(retryAfter).toEqual([1, 2, 4]);
  });

  it("refuses even the right password during the wait, accepts it after, and starts counting again", async () => {
    const a = await createAccount({ label: "owner" });
    const address = from(newAddress());
    for (let i = 0; i < 2; i++) await signIn(a.email, "wrong", address);
    const early = await signIn(a.email, a.password, address);
    expect(early.status).toBe(429);
    expect(early.json.error.message).toMatch(/^Too many failed sign-ins; try again in 1 s$/);
    wait(1);
    expect((await signIn(a.email, a.password, address)).status).toBe(200);
    expect((await signIn(a.email, "wrong", address)).status).toBe(401);
    expect((await signIn(a.email, "wrong", address)).status).toBe(401);
    expect((await signIn(a.email, "wrong", address)).status).toBe(429);
  });

  it("delays an account attacked from many addresses, for everyone, until the wait passes", async () => {
    const a = await createAccount({ label: "spread" });
    for (let i = 0; i < 10; i++) expect((await signIn(a.email, "wrong", from(newAddress()))).status).toBe(401);
    const owner = from(newAddress());
    const delayed = await signIn(a.email, a.password, owner);
    expect(delayed.status).toBe(429);
    wait(Number(delayed.headers.get("retry-after")));
    expect((await signIn(a.email, a.password, owner)).status).toBe(200);
  });

  it("counts one address over all accounts, whatever hops the client writes in front", async () => {
    const address = newAddress();
    // A forged first hop changes every time; the hop our proxy appended (and a trusted proxy's hop after it) do not.
    const spoofed = () =>
      from(`${randomOctet()}.${randomOctet()}.${randomOctet()}.${randomOctet()}, ${address}, 10.9.${randomOctet()}.${randomOctet()}`);
    for (let i = 0; i < 10; i++) expect((await signIn(uniqueEmail("spray"), "guess", spoofed())).status).toBe(401);
    const limited = await signIn(uniqueEmail("spray"), "guess", spoofed());
    expect(limited.status).toBe(429);
    expect((await signIn(uniqueEmail("spray"), "guess", from(newAddress()))).status).toBe(401);
  });

  it("checks one password at a time per account, so a burst cannot spend several guesses at once", async () => {
    const a = await createAccount({ label: "burst" });
    const results = await Promise.all(Array.from({ length: 8 }, () => signIn(a.email, "wrong", from(newAddress()))));
    const checked = results.filter((r) => r.status === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(2);
    expect(results.every((r) => r.status === 401 || r.status === 429)).toBe(true);
  });

  it("shows the wait on the login form (next-auth's authorize), using the same client address rule", async () => {
    const a = await createAccount({ label: "form" });
    const provider = (await getAuthOptions()).providers[0] as unknown as {
      options: { authorize: (raw: unknown, req: unknown) => Promise<unknown> };
    };
    const address = newAddress();
    const authorize = (password: string, forged: string) =>
      provider.options.authorize(
        { email: a.email, password },
        { headers: { "x-forwarded-for": `${forged}, ${address}` }, body: {}, query: {}, method: "POST" },
      );
    await expect(authorize("wrong", "1.1.1.1")).rejects.toThrow(/^Invalid email or password$/);
    await expect(authorize("wrong", "2.2.2.2")).rejects.toThrow(/^Invalid email or password$/);
    await expect(authorize(a.password, "3.3.3.3")).rejects.toThrow(/^Too many failed sign-ins; try again in 1 s$/);
    wait(1);
    expect(await authorize(a.password, "4.4.4.4")).toMatchObject({ id: a.userId, email: a.email });
  });
});
