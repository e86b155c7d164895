import { afterAll, describe, expect, it } from "vitest";
import type { OntologyField } from "@/lib/dcl/ontology/definition";
import { DUCKDB_TYPES, projectField } from "@/lib/dcl/views/normalize";
import { closeDuckDb, withDuckDb } from "@/lib/duckdb/engine";
import { quoteLiteral } from "@/lib/duckdb/sql";

const field = (type: OntologyField["type"]): OntologyField =>
  ({ name: "f", type, description: "", aliases: [] }) as unknown as OntologyField;

/** Each value projected as a view projects it (source text in, the ontology type out), as text. */
async function project(type: OntologyField["type"], values: (string | null)[]): Promise<(string | null)[]> {
  const rows = values.map((v) => `(${v === null ? "NULL" : quoteLiteral(v)})`).join(", ");
  const sql = `SELECT CAST(CAST(${projectField(field(type), "v", null, null)} AS ${DUCKDB_TYPES[type]}) AS VARCHAR) AS out FROM (VALUES ${rows}) t(v)`;
  return withDuckDb(async (duck) => (await duck.runAndReadAll(sql)).getRowObjectsJS().map((r) => r.out as string | null));
}

describe("projectField", () => {
  afterAll(() => closeDuckDb());

  it("reads compact, European and US dates, deciding day or month order per value", async () => {
    const dates = [
      "2024-01-31",
      "20240131",
      "00000000",
      "20240231",
      "31.01.2024",
      "05.02.2024",
      "5.2.2024",
      "31-01-2024",
      "31/01/2024",
      "01/31/2024",
      "02/05/2024",
      "13/13/2024",
      "2024-01-31T10:00:00Z",
      "",
      null,
    ];
    expect(await project("date", dates)).toEqual([
      "2024-01-31",
      "2024-01-31",
      null,
      null,
      "2024-01-31",
      "2024-02-05",
      "2024-02-05",
      "2024-01-31",
      "2024-01-31",
      "2024-01-31",
      "2024-02-05",
      null,
      "2024-01-31",
      null,
      null,
    ]);
  });

  it("reads the same shapes as timestamps, with a time when one is written", async () => {
    await withDuckDb((duck) => duck.run("SET TimeZone = 'UTC'"));
    expect(await project("timestamp", ["20240131", "31.01.2024 14:30", "01/31/2024 14:30:15", "2024-01-31T14:30:00Z"])).toEqual([
      "2024-01-31 00:00:00+00",
      "2024-01-31 14:30:00+00",
      "2024-01-31 14:30:15+00",
      "2024-01-31 14:30:00+00",
    ]);
  });

  it("reads flags in English, other languages and one-letter ERP forms; empty is unknown, not false", async () => {
    const yes = ["X", "x", "J", "S", "O", "ja", "sim", "sí", "si", "oui", "yes", "Y", "1", "true", "TRUE"];
    const no = ["N", "nein", "não", "nao", "non", "no", "n", "0", "false"];
    expect(await project("boolean", yes)).toEqual(yes.map(() => "true"));
    expect(await project("boolean", no)).toEqual(no.map(() => "false"));
    expect(await project("boolean", ["", " ", null, "maybe"])).toEqual([null, null, null, null]);
  });

  it("reads decimal commas, comma thousands and SAP's trailing minus", async () => {
    const written = [
      "1234.56",
      "1,234.56",
      "1,234,567.5",
      "1.234,56",
      "1234,56",
      "1.234.567",
      "1,234",
      "1.5",
      "100,00-",
      "12.50-",
      "-1.234,56",
      "1e3",
      "abc",
      "",
      "1,2,3",
    ];
    expect((await project("number", written)).map((v) => (v === null ? null : Number(v)))).toEqual([
      1234.56,
      1234.56,
      1234567.5,
      1234.56,
      1234.56,
      1234567,
      1234,
      1.5,
      -100,
      -12.5,
      -1234.56,
      1000,
      null,
      null,
      null,
    ]);
    expect(await project("integer", ["1.234", "1.234,6", "7-"])).toEqual(["1", "1235", "-7"]);
  });
});
