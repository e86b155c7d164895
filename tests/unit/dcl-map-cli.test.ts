import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapSchema } from "@/lib/cli/map";
import { SuggestInput } from "@/lib/dcl/mappings/suggest-for-tenant";
import { OntologyExtension } from "@/lib/dcl/ontology/tenant-ontology";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "aos-map-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function schemaFile(name: string, body: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(body));
  return file;
}

/** Exports as SAP, Odoo, OData and Snowflake describe them, each with its own type names. */
const tables = {
  sap: {
    source: "sap",
    table: "KNA1",
    fields: [
      { name: "KUNNR", type: "CHAR(10)", samples: ["0000100042", "0000100043"] },
      { name: "NAME1", type: "CHAR(35)", samples: ["Müller GmbH", "Alpenblick AG"] },
      { name: "LAND1", type: "CHAR(3)", samples: ["DE", "AT"] },
      { name: "ERDAT", type: "DATS", samples: ["20150312", "20180701"] },
      { name: "UMSAT", type: "CURR(15,2)", samples: ["48500000.00", "12300000.00"] },
    ],
  },
  odoo: {
    source: "odoo",
    table: "crm.lead",
    fields: [
      { name: "id", type: "integer", samples: [3, 9] },
      { name: "name", type: "char", samples: ["Office Design", "150 carpets"] },
      {
        name: "partner_id",
        type: "many2one",
        samples: [
          [7, "Azure Interior"],
          [14, "Deco Addict"],
        ],
      },
      { name: "expected_revenue", type: "monetary", samples: [24000, 40000] },
      {
        name: "stage_id",
        type: "many2one",
        samples: [
          [2, "Qualified"],
          [3, "Proposition"],
        ],
      },
      { name: "tag_ids", type: "many2many", samples: [[1, 2], []] },
    ],
  },
  odata: {
    source: "dynamics365",
    table: "contacts",
    fields: [
      { name: "contactid", type: "Edm.Guid", samples: ["25a17064-1ae7-e611-80f4-e0071b661f01"] },
      { name: "firstname", type: "Edm.String", samples: ["Yvonne"] },
      { name: "lastname", type: "Edm.String", samples: ["McKay"] },
      { name: "emailaddress1", type: "Edm.String", samples: ["someone_a@example.com"] },
      { name: "createdon", type: "Edm.DateTimeOffset", samples: ["2024-02-14T10:22:05Z"] },
    ],
  },
  snowflake: {
    source: "snowflake",
    table: "DIM_ACCOUNT",
    fields: [
      { name: "ACCOUNT_ID", type: "VARCHAR(16777216)", samples: ["001Dn00000Kx2AbIAJ"] },
      { name: "ACCOUNT_NAME", type: "VARCHAR(255)", samples: ["Brightline Solar"] },
      { name: "ANNUAL_REVENUE", type: "NUMBER(18,2)", samples: [12500000] },
      { name: "EMPLOYEES", type: "NUMBER(38,0)", samples: [85] },
      { name: "CREATED_TS", type: "TIMESTAMP_NTZ(9)", samples: ["2019-04-02 10:11:12.000"] },
      { name: "RAW", type: "VARIANT", samples: [{ a: 1 }] },
      { name: "NOTE", type: "some vendor type nobody knows", samples: ["x"] },
    ],
  },
};

describe("aos map with any vendor's type names", () => {
  it.each([
    [
      "sap",
      "account",
      {
        KUNNR: "account.account_id",
        NAME1: "account.name",
        LAND1: "account.country",
        ERDAT: "account.created_at",
        UMSAT: "account.annual_revenue",
      },
    ],
    [
      "odoo",
      "opportunity",
      {
        id: "opportunity.opportunity_id",
        name: "opportunity.name",
        partner_id: "opportunity.account_id",
        expected_revenue: "opportunity.amount",
        stage_id: "opportunity.stage",
        tag_ids: null,
      },
    ],
    [
      "odata",
      "contact",
      {
        contactid: "contact.contact_id",
        firstname: "contact.first_name",
        lastname: "contact.last_name",
        emailaddress1: "contact.email",
        createdon: "contact.created_at",
      },
    ],
    [
      "snowflake",
      "account",
      {
        ACCOUNT_ID: "account.account_id",
        ACCOUNT_NAME: "account.name",
        ANNUAL_REVENUE: "account.annual_revenue",
        EMPLOYEES: "account.employee_count",
        CREATED_TS: "account.created_at",
        RAW: null,
        NOTE: null,
      },
    ],
  ] as const)("maps a %s table instead of refusing its types", async (key, entity, mappings) => {
    const result = await mapSchema([await schemaFile(`${key}.json`, tables[key])]);
    expect(result.entity).toBe(entity);
    expect(Object.fromEntries(result.mappings.map((m) => [m.field, m.target]))).toEqual(mappings);
  });

  it("accepts a type name that is empty, null or longer than 200 characters (a BigQuery STRUCT) as no refusal", async () => {
    const odd = {
      ...tables.sap,
      fields: [
        { name: "KUNNR", type: `STRUCT<${"f INT64, ".repeat(40)}g STRING>` },
        { name: "NAME1", type: "" },
        { name: "LAND1", type: null },
      ],
    };
    const result = await mapSchema([await schemaFile("odd.json", odd)]);
    expect(result.mappings.map((m) => m.field)).toEqual(["KUNNR", "NAME1", "LAND1"]);
  });
});

describe("any type name at the other edges", () => {
  it("is accepted by the suggest API body and kept as given", () => {
    const input = SuggestInput.parse(tables.sap);
    expect(input.fields.map((f) => f.type)).toEqual(["CHAR(10)", "CHAR(35)", "CHAR(3)", "DATS", "CURR(15,2)"]);
  });

  it("is accepted for a tenant's custom fields and stored as the ontology's type", () => {
    const extension = OntologyExtension.parse({
      fields: [
        {
          entity: "account",
          fields: [
            { name: "credit_limit", type: "CURR(15,2)", semantic: "money", vocabulary: { de: ["Kreditlimit"], sap: ["KLIMK"] } },
            { name: "tax_number", type: "nvarchar(20)", vocabulary: { fr: ["numéro de TVA"] } },
          ],
        },
      ],
    });
    expect(extension.fields[0]!.fields.map((f) => f.type)).toEqual(["number", "string"]);
  });
});
