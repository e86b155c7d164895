import { describe, expect, it } from "vitest";
import { groupDriftEvents, type DriftTimelineEvent } from "@/lib/aam/drift/timeline-words";

let n = 0;
function event(e: Partial<DriftTimelineEvent> & Pick<DriftTimelineEvent, "kind">): DriftTimelineEvent {
  n += 1;
  return {
    id: `e${n}`,
    stream: "accounts.csv",
    severity: "non_breaking",
    field: null,
    previousField: null,
    previousType: null,
    currentType: null,
    confidence: null,
    details: {},
    status: "applied",
    taskId: "sync-2",
    createdAt: new Date("2026-03-02T10:00:00Z"),
    ...e,
  };
}

describe("the drift timeline", () => {
  it("says what one sync changed in words, fields added together on one line", () => {
    const [group] = groupDriftEvents([
      event({ kind: "field_added", field: "website" }),
      event({ kind: "field_added", field: "fax" }),
      event({ kind: "field_added", field: "phone" }),
      event({
        kind: "field_renamed",
        stream: "people.csv",
        field: "email_address",
        previousField: "email",
        confidence: 0.92,
        severity: "breaking",
      }),
      event({ kind: "field_removed", stream: "people.csv", field: "phone", severity: "breaking", status: "pending" }),
      event({ kind: "type_changed", stream: "people.csv", field: "age", previousType: "string", currentType: "integer" }),
      event({ kind: "nullability_changed", stream: "people.csv", field: "city", details: { nullable: true } }),
      event({ kind: "stream_added", stream: "orders.csv", details: { fields: 5 } }),
    ]);
    expect(group!.waiting).toBe(1);
    expect(group!.bySync).toBe(true);
    expect(group!.changes.map((c) => [c.words, c.detail, c.status])).toEqual([
      ["3 fields added to accounts.csv", "fax, phone, website", "applied"],
      ["orders.csv appeared", "5 fields", "applied"],
      ["email renamed to email_address in people.csv", "92% sure it is the same field", "applied"],
      ["1 field removed from people.csv", "phone", "pending"],
      ["age in people.csv changed from text to whole number", null, "applied"],
      ["city in people.csv can now be empty", null, "applied"],
    ]);
  });

  it("keeps fields of one stream apart when their status differs", () => {
    const [group] = groupDriftEvents([
      event({ kind: "field_added", field: "a", status: "accepted" }),
      event({ kind: "field_added", field: "b", status: "rejected" }),
    ]);
    expect(group!.changes.map((c) => [c.words, c.detail, c.status])).toEqual([
      ["1 field added to accounts.csv", "a", "accepted"],
      ["1 field added to accounts.csv", "b", "rejected"],
    ]);
  });

  it("groups by sync, or by day for changes seen outside one, newest first", () => {
    const groups = groupDriftEvents([
      event({ kind: "field_added", field: "late", taskId: null, createdAt: new Date("2026-03-03T09:00:00Z") }),
      event({ kind: "field_added", field: "b", taskId: "sync-2", createdAt: new Date("2026-03-02T10:00:01Z") }),
      event({ kind: "field_added", field: "early", taskId: null, createdAt: new Date("2026-03-03T08:00:00Z") }),
      event({ kind: "field_added", field: "a", taskId: "sync-1", createdAt: new Date("2026-03-01T10:00:00Z") }),
    ]);
    expect(groups.map((g) => [g.key, g.at.toISOString(), g.changes[0]!.detail])).toEqual([
      ["day:2026-03-03", "2026-03-03T09:00:00.000Z", "early, late"],
      ["sync-2", "2026-03-02T10:00:01.000Z", "b"],
      ["sync-1", "2026-03-01T10:00:00.000Z", "a"],
    ]);
    expect(groups[0]!.bySync).toBe(false);
  });

  it("lists at most six fields by name", () => {
    const [group] = groupDriftEvents(Array.from({ length: 9 }, (_, i) => event({ kind: "field_added", field: `f${i + 1}` })));
    expect(group!.changes[0]).toMatchObject({ words: "9 fields added to accounts.csv", detail: "f1, f2, f3, f4, f5, f6 and 3 more" });
  });
});
