import { describe, expect, it } from "vitest";
import { normalizeType, readVendorType, VendorTypeName } from "@/lib/aam/schema/vendor-types";
import { toSourceFields } from "@/lib/aam/connectors/salesforce/describe";
import { OntologyField } from "@/lib/dcl/ontology/definition";

const read = (names: string[]) => Object.fromEntries(names.map((n) => [n, readVendorType(n)]));

describe("vendor type names", () => {
  it.each<[string, string[], string]>([
    ["SQL", ["varchar(255)", "character varying(80)", "nvarchar(max)", "VARCHAR2(100 BYTE)", "text", "uuid"], "string"],
    ["SQL", ["decimal(18,2)", "numeric(10,4)", "double precision", "money", "real"], "number"],
    ["SQL", ["int(11) unsigned", "bigint", "NUMBER(38,0)", "NUMBER(10)", "smallserial"], "integer"],
    ["SQL", ["timestamp with time zone", "timestamp(6) with local time zone", "datetime2", "timestamptz"], "timestamp"],
    ["SQL", ["bit", "tinyint(1)", "boolean"], "boolean"],
    ["Salesforce", ["id", "reference", "picklist", "multipicklist", "textarea", "email", "phone", "url", "encryptedstring"], "string"],
    ["Salesforce", ["currency", "percent", "double"], "number"],
    ["Salesforce", ["datetime"], "timestamp"],
    ["SAP", ["CHAR", "CHAR(10)", "NUMC(10)", "CUKY", "UNIT", "LANG", "CLNT", "ACCP", "TIMS", "STRING", "RAW"], "string"],
    ["SAP", ["CURR", "CURR(15,2)", "QUAN(13,3)", "DEC(15,2)", "FLTP"], "number"],
    ["SAP", ["INT1", "INT2", "INT4", "DEC(15,0)"], "integer"],
    ["SAP", ["DATS", "DATS(8)"], "date"],
    ["OData", ["Edm.Guid", "Edm.String", "Edm.Binary"], "string"],
    ["OData", ["Edm.Int16", "Edm.Int32", "Edm.Int64"], "integer"],
    ["OData", ["Edm.Decimal", "Edm.Double"], "number"],
    ["OData", ["Edm.DateTimeOffset", "Edm.DateTime"], "timestamp"],
    ["OData", ["Edm.Date"], "date"],
    ["OData", ["Edm.Boolean"], "boolean"],
    ["OData", ["Collection(Edm.String)"], "json"],
    ["JSON Schema", ["string", '["string", "null"]', "string|null"], "string"],
    ["JSON Schema", ["string/date-time", "string (date-time)"], "timestamp"],
    ["JSON Schema", ["object", "array"], "json"],
    ["BigQuery", ["INT64"], "integer"],
    ["BigQuery", ["FLOAT64", "NUMERIC", "BIGNUMERIC"], "number"],
    ["BigQuery", ["STRING", "BYTES"], "string"],
    ["BigQuery", ["DATETIME", "TIMESTAMP"], "timestamp"],
    ["BigQuery", ["ARRAY<STRING>", "STRUCT<a INT64>", "RECORD"], "json"],
    ["Snowflake", ["NUMBER(38,0)", "BYTEINT"], "integer"],
    ["Snowflake", ["TIMESTAMP_NTZ(9)", "TIMESTAMP_LTZ", "TIMESTAMP_TZ"], "timestamp"],
    ["Snowflake", ["VARIANT", "OBJECT"], "json"],
    ["Odoo", ["char", "text", "html", "many2one", "selection", "binary"], "string"],
    ["Odoo", ["monetary", "float"], "number"],
    ["Odoo", ["integer"], "integer"],
    ["Odoo", ["date"], "date"],
    ["Odoo", ["datetime"], "timestamp"],
    ["Odoo", ["boolean"], "boolean"],
    ["Odoo", ["many2many", "one2many"], "json"],
    ["NetSuite", ["text", "select", "email", "phone", "url"], "string"],
    ["NetSuite", ["currency", "float", "percent"], "number"],
    ["NetSuite", ["checkbox"], "boolean"],
    ["NetSuite", ["datetime", "datetimetz"], "timestamp"],
    ["wrappers", ["Nullable(String)", "LowCardinality(String)"], "string"],
    ["Spark", ["StringType"], "string"],
    ["Spark", ["DecimalType(10,2)"], "number"],
  ])("reads %s names: %j as %s", (_family, names, type) => {
    expect(Object.values(read(names)).map((r) => r.type)).toEqual(names.map(() => type));
  });

  it("says what a name tells beyond the type", () => {
    expect(
      read(["CUKY", "CURR", "monetary", "many2one", "Edm.Guid", "percent", "email", "QUAN", "UNIT", "CLNT", "picklist"]),
    ).toMatchObject({
      CUKY: { hint: "currency" },
      CURR: { hint: "money" },
      monetary: { hint: "money" },
      many2one: { hint: "reference" },
      "Edm.Guid": { hint: "identifier" },
      percent: { hint: "percent" },
      email: { hint: "email" },
      QUAN: { hint: "quantity" },
      UNIT: { hint: "unit" },
      CLNT: { hint: "client" },
      picklist: { hint: "category" },
    });
  });

  it("counts an unknown name as no evidence, and stores it as a string", () => {
    expect(readVendorType("geheimnis_typ")).toEqual({ type: null, hint: null });
    expect(readVendorType("   ")).toEqual({ type: null, hint: null });
    expect(normalizeType("geheimnis_typ")).toBe("string");
    expect(normalizeType("DATS")).toBe("date");
  });

  it("accepts any type name up to 200 characters, trimmed", () => {
    expect(VendorTypeName.parse("  Edm.DateTimeOffset ")).toBe("Edm.DateTimeOffset");
    expect(VendorTypeName.safeParse("x".repeat(201)).success).toBe(false);
    expect(VendorTypeName.safeParse("").success).toBe(false);
  });

  it("lets an ontology field be declared in a vendor's words and stores the ontology's type", () => {
    const types = ["varchar(80)", "Edm.Decimal", "DATS", "TIMESTAMP_NTZ", "checkbox", "jsonb", "no_such_type"].map(
      (type) => OntologyField.parse({ name: "x", type }).type,
    );
    expect(types).toEqual(["string", "number", "date", "timestamp", "boolean", "string", "string"]);
  });

  it("types a Salesforce describe with the same reading, keeping unknown types as JSON and the source's name", () => {
    const fields = toSourceFields({
      name: "Account",
      queryable: true,
      fields: [
        { name: "Id", type: "id", nillable: false },
        { name: "AnnualRevenue", type: "currency", nillable: true },
        { name: "NumberOfEmployees", type: "int", nillable: true },
        { name: "CreatedDate", type: "datetime", nillable: false },
        { name: "Rating", type: "picklist", nillable: true },
        { name: "Extra", type: "complexvalue", nillable: true },
      ],
    });
    expect(fields.map((f) => [f.name, f.type, f.sourceType])).toEqual([
      ["Id", "string", "id"],
      ["AnnualRevenue", "number", "currency"],
      ["NumberOfEmployees", "integer", "int"],
      ["CreatedDate", "timestamp", "datetime"],
      ["Rating", "string", "picklist"],
      ["Extra", "json", "complexvalue"],
    ]);
  });
});
