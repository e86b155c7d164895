import { describe, expect, it } from "vitest";
import { describeFilter, filterKey, filtersOf, parseFilterKey } from "@/components/dcl/view-href";

describe("a unified view's filters in the URL", () => {
  it("reads a bare field as equals and field.op as that operator", () => {
    expect(parseFilterKey("currency")).toEqual({ field: "currency", op: "eq" });
    expect(parseFilterKey("amount.gte")).toEqual({ field: "amount", op: "gte" });
    expect(parseFilterKey("paid_at.null")).toEqual({ field: "paid_at", op: "null" });
    // Not an operator: the whole key is the field (the API answers 422 for an unknown one).
    expect(parseFilterKey("amount.between")).toEqual({ field: "amount.between", op: "eq" });
  });

  it("writes equals as the bare field, so existing links keep working", () => {
    expect(filterKey("currency", "eq")).toBe("currency");
    expect(filterKey("name", "contains")).toBe("name.contains");
    expect(filtersOf({ sort: "-amount", limit: "50", currency: "USD", "amount.gt": "10" })).toEqual([
      ["currency", "USD"],
      ["amount.gt", "10"],
    ]);
  });

  it("says each filter as a person reads it", () => {
    expect(describeFilter("currency", "USD")).toBe("currency = USD");
    expect(describeFilter("currency.ne", "USD")).toBe("currency ≠ USD");
    expect(describeFilter("name.contains", "acme")).toBe("name contains acme");
    expect(describeFilter("amount.lte", "5")).toBe("amount ≤ 5");
    expect(describeFilter("paid_at.null", "true")).toBe("paid_at is empty");
    expect(describeFilter("paid_at.null", "false")).toBe("paid_at is not empty");
  });
});
