import { z } from "zod";
import type { FieldType } from "@/lib/aam/connectors/types";

/**
 * A type name in a source's own words (`datetime`, `varchar(255)`, `DATS`, `Edm.Guid`, `many2one`):
 * any name is accepted; `readVendorType` says what it tells.
 */
export const VendorTypeName = z.string().trim().min(1).max(200);

/** What a type name says beyond the storage type: the matcher weighs it with the field's name and values. */
export type TypeHint =
  | "identifier"
  | "reference"
  | "person"
  | "money"
  | "currency"
  | "percent"
  | "quantity"
  | "unit"
  | "email"
  | "phone"
  | "url"
  | "category"
  | "text"
  | "country"
  | "time"
  | "binary"
  | "language"
  | "client"
  | "period";

/** `type` is null when the name is unknown: no evidence either way. */
export type VendorType = { type: FieldType | null; hint: TypeHint | null };

type Entry = [FieldType, TypeHint | null];

/**
 * Type names by family, lower-cased. SQL (ANSI, PostgreSQL, MySQL, SQL Server, Oracle), Salesforce,
 * the SAP ABAP dictionary, OData/EDM and Dynamics, JSON Schema, BigQuery, Snowflake, Odoo,
 * NetSuite, MongoDB, Avro/Parquet, pandas and Spark, Airtable and HubSpot.
 */
const FAMILIES: Record<string, Record<string, Entry>> = {
  sql: {
    char: ["string", null],
    varchar: ["string", null],
    varchar2: ["string", null],
    nvarchar: ["string", null],
    nvarchar2: ["string", null],
    nchar: ["string", null],
    "character varying": ["string", null],
    character: ["string", null],
    bpchar: ["string", null],
    text: ["string", null],
    ntext: ["string", "text"],
    tinytext: ["string", null],
    mediumtext: ["string", "text"],
    longtext: ["string", "text"],
    clob: ["string", "text"],
    nclob: ["string", "text"],
    citext: ["string", null],
    enum: ["string", "category"],
    set: ["string", "category"],
    xml: ["string", "text"],
    uuid: ["string", "identifier"],
    uniqueidentifier: ["string", "identifier"],
    rowid: ["string", "identifier"],
    int: ["integer", null],
    integer: ["integer", null],
    smallint: ["integer", null],
    tinyint: ["integer", null],
    mediumint: ["integer", null],
    bigint: ["integer", null],
    int2: ["integer", null],
    int4: ["integer", null],
    int8: ["integer", null],
    serial: ["integer", "identifier"],
    smallserial: ["integer", "identifier"],
    bigserial: ["integer", "identifier"],
    year: ["integer", null],
    numeric: ["number", null],
    decimal: ["number", null],
    dec: ["number", null],
    number: ["number", null],
    real: ["number", null],
    float: ["number", null],
    float4: ["number", null],
    float8: ["number", null],
    double: ["number", null],
    "double precision": ["number", null],
    money: ["number", "money"],
    smallmoney: ["number", "money"],
    binary_float: ["number", null],
    binary_double: ["number", null],
    bool: ["boolean", null],
    boolean: ["boolean", null],
    bit: ["boolean", null],
    date: ["date", null],
    datetime: ["timestamp", null],
    datetime2: ["timestamp", null],
    smalldatetime: ["timestamp", null],
    datetimeoffset: ["timestamp", null],
    timestamp: ["timestamp", null],
    timestamptz: ["timestamp", null],
    time: ["string", "time"],
    timetz: ["string", "time"],
    interval: ["string", "time"],
    json: ["json", null],
    jsonb: ["json", null],
    array: ["json", null],
    hstore: ["json", null],
    bytea: ["string", "binary"],
    blob: ["string", "binary"],
    binary: ["string", "binary"],
    varbinary: ["string", "binary"],
    image: ["string", "binary"],
    rowversion: ["string", "binary"],
    longblob: ["string", "binary"],
    raw: ["string", "binary"],
    inet: ["string", null],
    cidr: ["string", null],
    macaddr: ["string", null],
    geometry: ["json", null],
    geography: ["json", null],
  },
  salesforce: {
    id: ["string", "identifier"],
    string: ["string", null],
    picklist: ["string", "category"],
    multipicklist: ["string", "category"],
    combobox: ["string", "category"],
    textarea: ["string", "text"],
    encryptedstring: ["string", null],
    url: ["string", "url"],
    email: ["string", "email"],
    phone: ["string", "phone"],
    reference: ["string", "reference"],
    int: ["integer", null],
    long: ["integer", null],
    double: ["number", null],
    currency: ["number", "money"],
    percent: ["number", "percent"],
    base64: ["string", "binary"],
    address: ["json", null],
    location: ["json", null],
    anytype: ["json", null],
  },
  sap: {
    numc: ["string", null],
    dats: ["date", null],
    datn: ["date", null],
    tims: ["string", "time"],
    timn: ["string", "time"],
    curr: ["number", "money"],
    cuky: ["string", "currency"],
    quan: ["number", "quantity"],
    unit: ["string", "unit"],
    fltp: ["number", null],
    int1: ["integer", null],
    lang: ["string", "language"],
    clnt: ["string", "client"],
    accp: ["string", "period"],
    sstring: ["string", null],
    rawstring: ["string", "binary"],
    lchr: ["string", "text"],
    lraw: ["string", "binary"],
    prec: ["integer", null],
    d16d: ["number", null],
    d16n: ["number", null],
    d34d: ["number", null],
    d34n: ["number", null],
    df16_dec: ["number", null],
    df34_dec: ["number", null],
    decfloat16: ["number", null],
    decfloat34: ["number", null],
    utcl: ["timestamp", null],
    utclong: ["timestamp", null],
  },
  edm: {
    guid: ["string", "identifier"],
    byte: ["integer", null],
    sbyte: ["integer", null],
    int16: ["integer", null],
    int32: ["integer", null],
    int64: ["integer", null],
    single: ["number", null],
    datetimeoffset: ["timestamp", null],
    timeofday: ["string", "time"],
    duration: ["string", "time"],
    stream: ["string", "binary"],
    lookup: ["string", "reference"],
    owner: ["string", "person"],
    customer: ["string", "reference"],
    state: ["string", "category"],
    status: ["string", "category"],
    memo: ["string", "text"],
    entityname: ["string", null],
    virtual: ["json", null],
    partylist: ["json", null],
  },
  jsonSchema: {
    object: ["json", null],
    "date-time": ["timestamp", null],
    uri: ["string", "url"],
    "uri-reference": ["string", "url"],
    hostname: ["string", "url"],
    "idn-email": ["string", "email"],
    ipv4: ["string", null],
    ipv6: ["string", null],
  },
  bigquery: {
    int64: ["integer", null],
    float64: ["number", null],
    bignumeric: ["number", null],
    bigdecimal: ["number", null],
    bool: ["boolean", null],
    bytes: ["string", "binary"],
    struct: ["json", null],
    record: ["json", null],
    repeated: ["json", null],
  },
  snowflake: {
    byteint: ["integer", null],
    timestamp_ntz: ["timestamp", null],
    timestamp_ltz: ["timestamp", null],
    timestamp_tz: ["timestamp", null],
    variant: ["json", null],
    vector: ["json", null],
  },
  odoo: {
    html: ["string", "text"],
    many2one: ["string", "reference"],
    many2one_reference: ["string", "reference"],
    many2many: ["json", null],
    one2many: ["json", null],
    monetary: ["number", "money"],
    selection: ["string", "category"],
    properties: ["json", null],
  },
  netsuite: {
    select: ["string", "reference"],
    multiselect: ["string", "category"],
    checkbox: ["boolean", null],
    datetimetz: ["timestamp", null],
    integer: ["integer", null],
    float: ["number", null],
    posfloat: ["number", null],
    posinteger: ["integer", null],
    rate: ["number", null],
    currency2: ["number", "money"],
    poscurrency: ["number", "money"],
    percent: ["number", "percent"],
    richtext: ["string", "text"],
    clobtext: ["string", "text"],
    inlinehtml: ["string", "text"],
    document: ["string", "binary"],
    password: ["string", null],
    phone: ["string", "phone"],
  },
  other: {
    objectid: ["string", "identifier"],
    int32: ["integer", null],
    long: ["integer", null],
    decimal128: ["number", null],
    short: ["integer", null],
    uint8: ["integer", null],
    uint16: ["integer", null],
    uint32: ["integer", null],
    uint64: ["integer", null],
    float32: ["number", null],
    float16: ["number", null],
    "timestamp-millis": ["timestamp", null],
    "timestamp-micros": ["timestamp", null],
    "local-timestamp-millis": ["timestamp", null],
    fixed: ["string", "binary"],
    map: ["json", null],
    list: ["json", null],
    union: ["json", null],
    document: ["json", null],
    instant: ["timestamp", null],
    epoch: ["timestamp", null],
    bindata: ["string", "binary"],
    category: ["string", "category"],
    str: ["string", null],
    datetime64: ["timestamp", null],
    singlelinetext: ["string", null],
    multilinetext: ["string", "text"],
    richtext: ["string", "text"],
    phonenumber: ["string", "phone"],
    phone_number: ["string", "phone"],
    singleselect: ["string", "category"],
    multipleselects: ["string", "category"],
    enumeration: ["string", "category"],
    radio: ["string", "category"],
    booleancheckbox: ["boolean", null],
    createdtime: ["timestamp", null],
    lastmodifiedtime: ["timestamp", null],
    autonumber: ["integer", "identifier"],
    multiplerecordlinks: ["json", null],
    percentage: ["number", "percent"],
    flag: ["boolean", null],
    logical: ["boolean", null],
    "yes/no": ["boolean", null],
    guid: ["string", "identifier"],
    identifier: ["string", "identifier"],
    uri: ["string", "url"],
    link: ["string", "url"],
    website: ["string", "url"],
    mail: ["string", "email"],
    country: ["string", "country"],
    countrycode: ["string", "country"],
    currencycode: ["string", "currency"],
    user: ["string", "person"],
    owner: ["string", "person"],
    currency: ["number", "money"],
    money: ["number", "money"],
    amount: ["number", "money"],
    picklist: ["string", "category"],
  },
};

/** One table of every name. Families go from most to least specific, so a name two share keeps the first's reading. */
const TYPES = new Map<string, Entry>();
for (const family of ["sap", "edm", "odoo", "netsuite", "salesforce", "jsonSchema", "bigquery", "snowflake", "sql", "other"]) {
  for (const [name, entry] of Object.entries(FAMILIES[family]!)) if (!TYPES.has(name)) TYPES.set(name, entry);
}

/** Words around a type that say nothing about it: nullability, signedness, time zones, collations, keys. */
const NOISE =
  /\b(?:not\s+null|nullable(?!\s*\()|null|unsigned|signed|zerofill|with(?:out)?\s+(?:local\s+)?time\s+zone|character\s+set\s+\w+|collate\s+\w+|primary\s+key|auto_increment|identity)\b/g;
const LIST = /^(?:array|list|set|collection|repeated|map|struct|record|tuple)\s*[<(]|\[\]$|^repeated /;

/**
 * What a vendor's type name tells: the platform type and, where the name says more, a hint
 * (`CUKY` holds currency codes, `many2one` a reference, Salesforce `percent` a percentage).
 * Sizes and scales are read (`decimal(18,2)` is a number, `NUMBER(38,0)` an integer, MySQL's
 * `tinyint(1)` a boolean, `CHAR(1)` a code); wrappers are unwrapped (`Nullable(String)`;
 * `Collection(Edm.String)` is a list); JSON Schema unions and formats are read
 * (`["string", "null"]`, `string/date-time`, `string (email)`). Unknown names give no evidence.
 */
export function readVendorType(vendorType: string): VendorType {
  const t = vendorType.trim().toLowerCase().replace(NOISE, " ").replace(/\s+/g, " ").trim();
  if (!t) return { type: null, hint: null };
  if (LIST.test(t)) return { type: "json", hint: null };
  const wrapped = /^(?:nullable|lowcardinality|optional)\s*\((.*)\)$/.exec(t);
  if (wrapped) return readVendorType(wrapped[1]!);
  if (/^\[.*\]$|[|/]|^\w+\s+\(\s*[a-z]/.test(t)) {
    const parts = t
      .replace(/[[\]"'()]/g, " ")
      .split(/[|,/\s]+/)
      .filter(Boolean)
      .map(readName);
    const [first, ...rest] = parts;
    const format = rest.find((r) => r.type !== null);
    if (first && format && (first.type === "string" || first.type === null)) return format;
    if (first) return first;
  }
  return readName(t);
}

function readName(raw: string): VendorType {
  const name = raw.replace(/^edm\./, "");
  const sized = /^([a-z_][a-z0-9_ -]*?)\s*\(\s*(\d+)?\s*(?:,\s*(-?\d+)\s*)?[^)]*\)/.exec(name);
  const base = (sized?.[1] ?? name.replace(/\[.*\]$/, "")).trim();
  const [precision, scale] = [sized?.[2], sized?.[3]];
  if (/^(?:number|numeric|decimal|dec|curr|quan)$/.test(base) && precision !== undefined) {
    const hint = base === "curr" ? "money" : base === "quan" ? "quantity" : null;
    return { type: scale !== undefined && Number(scale) > 0 ? "number" : "integer", hint };
  }
  if (base === "tinyint" && precision === "1") return { type: "boolean", hint: null };
  if (/^(?:n?char|character)$/.test(base) && precision === "1") return { type: "string", hint: "category" };
  // Spark's and Arrow's `StringType`, `DecimalType` name the same types.
  for (const candidate of [base, base.replace(/[\s-]+/g, ""), base.replace(/\s+/g, "_"), base.replace(/type$/, "")]) {
    const entry = TYPES.get(candidate);
    if (entry) return { type: entry[0], hint: entry[1] };
  }
  if (/^(?:timestamp|datetime)/.test(base)) return { type: "timestamp", hint: null };
  if (/^u?int\d*$|^(?:small|big|tiny)int/.test(base)) return { type: "integer", hint: null };
  if (/^(?:float|double|decimal|numeric)/.test(base)) return { type: "number", hint: null };
  if (/^(?:n?varchar|n?char|string|text)/.test(base)) return { type: "string", hint: null };
  return { type: null, hint: null };
}

/** The platform type a vendor's type name stores as; unknown names store as strings. */
export function normalizeType(vendorType: string): FieldType {
  return readVendorType(vendorType).type ?? "string";
}
