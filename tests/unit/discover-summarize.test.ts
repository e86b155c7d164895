import { describe, expect, it } from "vitest";
import { summarizeField, summarizeStream, type MappingVersion } from "@/lib/discover/summarize";

const approved = (target: string | null, confidence = 0.95): MappingVersion => ({
  target,
  confidence,
  method: "alias",
  status: "approved",
});
const proposed = (target: string | null, confidence = 0.6): MappingVersion => ({
  target,
  confidence,
  method: "tokens",
  status: "proposed",
});
const rejected = (target: string | null): MappingVersion => ({ target, confidence: 0.6, method: "tokens", status: "rejected" });
const field = (name: string) => ({ name, type: "string" });

describe("summarizeField", () => {
  it("shows the target in force even while a newer proposal for the field waits", () => {
    expect(summarizeField(field("Id"), proposed("account.name"), approved("account.account_id", 0.97))).toEqual({
      name: "Id",
      type: "string",
      state: "mapped",
      target: "account.account_id",
      confidence: 0.97,
      waiting: true,
    });
  });

  it("counts a waiting proposal with a target as proposed, and one without a target as unmapped but waiting", () => {
    expect(summarizeField(field("acct"), proposed("cost.cloud_account_id", 0.72), undefined)).toMatchObject({
      state: "proposed",
      target: "cost.cloud_account_id",
      confidence: 0.72,
      waiting: true,
    });
    expect(summarizeField(field("tags"), proposed(null), undefined)).toMatchObject({
      state: "unmapped",
      target: null,
      confidence: null,
      waiting: true,
    });
  });

  it("treats an approved 'no target', a rejection and a field never proposed as unmapped and not waiting", () => {
    expect(summarizeField(field("a"), approved(null), approved(null))).toMatchObject({ state: "unmapped", target: null, waiting: false });
    expect(summarizeField(field("b"), rejected("account.name"), undefined)).toMatchObject({
      state: "unmapped",
      target: null,
      waiting: false,
    });
    expect(summarizeField(field("c"), undefined, undefined)).toMatchObject({ state: "unmapped", target: null, waiting: false });
  });
});

describe("summarizeStream", () => {
  it("proposes the entity most fields point to, with the mean confidence of those fields only", () => {
    const summary = summarizeStream({
      fields: [field("Id"), field("Name"), field("Owner"), field("Notes")],
      newest: new Map([["Owner", proposed("contact.name", 0.55)]]),
      inForce: new Map([
        ["Id", approved("account.account_id", 0.9)],
        ["Name", approved("account.name", 0.8)],
      ]),
      heldChanges: 0,
    });
    expect(summary).toMatchObject({ entity: "account", confidence: 0.85, entityFields: 2, state: "mapped" });
    expect(summary.counts).toEqual({ fields: 4, mapped: 2, proposed: 1, unmapped: 1, waiting: 1 });
  });

  it("is waiting for review when nothing is in force but a proposal or a held schema change waits", () => {
    const onlyProposed = summarizeStream({
      fields: [field("Id")],
      newest: new Map([["Id", proposed("invoice.invoice_id", 0.7)]]),
      inForce: new Map(),
      heldChanges: 0,
    });
    expect(onlyProposed).toMatchObject({ entity: "invoice", confidence: 0.7, state: "review" });
    const held = summarizeStream({ fields: [field("x")], newest: new Map(), inForce: new Map(), heldChanges: 2 });
    expect(held).toMatchObject({ entity: null, confidence: null, state: "review", counts: { waiting: 2, unmapped: 1 } });
  });

  it("is unmapped, with no entity, when no field maps and nothing waits", () => {
    const summary = summarizeStream({
      fields: [field("x"), field("y")],
      newest: new Map([["x", approved(null)]]),
      inForce: new Map([["x", approved(null)]]),
      heldChanges: 0,
    });
    expect(summary).toMatchObject({
      entity: null,
      confidence: null,
      entityFields: 0,
      state: "unmapped",
      counts: { fields: 2, unmapped: 2, waiting: 0 },
    });
  });

  it("breaks a tie between entities by name, so the answer never depends on field order", () => {
    const inForce = new Map([
      ["a", approved("opportunity.name")],
      ["b", approved("account.name")],
    ]);
    const one = summarizeStream({ fields: [field("a"), field("b")], newest: new Map(), inForce, heldChanges: 0 });
    const other = summarizeStream({ fields: [field("b"), field("a")], newest: new Map(), inForce, heldChanges: 0 });
    expect(one.entity).toBe("account");
    expect(other.entity).toBe("account");
  });
});
