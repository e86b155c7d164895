import { describe, expect, it } from "vitest";
import { matchTable } from "@/lib/dcl/matcher/match-table";
import { tokenize } from "@/lib/dcl/matcher/tokens";
import { SourceTable } from "@/lib/dcl/matcher/types";
import { describeValues } from "@/lib/dcl/matcher/value-shape";
import { BUILTIN_ONTOLOGY } from "@/lib/dcl/ontology/builtin";

type Column = [name: string, type: string, samples: unknown[]];

const match = (source: string, table: string, columns: Column[]) =>
  matchTable(
    SourceTable.parse({ source, table, fields: columns.map(([name, type, samples]) => ({ name, type, samples })) }),
    BUILTIN_ONTOLOGY,
  );
const targetOf = (result: ReturnType<typeof matchTable>, field: string) => result.mappings.find((m) => m.field === field)!;

describe("types no vendor family knows", () => {
  it("accepts any type string, blank, null or very long, and reads a localized type name like a field name", () => {
    const table = SourceTable.parse({
      source: "x",
      table: "y",
      fields: [
        { name: "a", type: "" },
        { name: "b", type: null },
        { name: "c", type: `STRUCT<${"f INT64, ".repeat(60)}g STRING>` },
        { name: "d" },
      ],
    });
    expect(table.fields.map((f) => f.type.length <= 200)).toEqual([true, true, true, true]);
    expect(table.fields[0]!.type).toBe("string");
    // DATEV declares `Datum` and writes the document date without a year: the declared type vouches for it.
    const result = match("datev", "Rechnungen", [
      ["Belegdatum", "Datum", ["3101", "0202", "1502"]],
      ["Fälligkeit", "Datum", ["01032024", "03032024", "30032024"]],
      ["Rechnungsnummer", "Text", ["RE-1", "RE-2", "RE-3"]],
    ]);
    expect(targetOf(result, "Belegdatum").target).toBe("invoice.issued_at");
    expect(targetOf(result, "Fälligkeit").target).toBe("invoice.due_at");
  });
});

describe("names", () => {
  it("splits short names made of ERP abbreviations and drops an application's table prefix or an API verb", () => {
    expect(tokenize("FECFAC")).toEqual(["date", "invoice"]);
    expect(tokenize("CLIFAC")).toEqual(["customer", "invoice"]);
    expect(match("dolibarr", "llx_facture", [["rowid", "integer", [1, 2, 3]]]).entity).toBe("invoice");
    const invoices = (table: string) =>
      match("api", table, [
        ["Id", "string", ["in_1", "in_2"]],
        ["Total", "number", [120, 80]],
        ["CurrencyCode", "string", ["EUR", "USD"]],
      ]);
    expect(invoices("ListInvoices")).toMatchObject({ entity: "invoice", confidence: invoices("Invoices").confidence });
  });

  it("takes the system's own key over a business number, and doubts a leaf whose parent qualifies it", () => {
    const customers = match("crm", "customers", [
      ["Account_Number", "string", ["C-1001", "C-1002"]],
      ["id", "string", ["8f1e", "9a2b"]],
      ["name", "string", ["Acme GmbH", "Globex Inc."]],
    ]);
    expect(targetOf(customers, "id").target).toBe("account.account_id");
    expect(targetOf(customers, "Account_Number").target).toBeNull();
    const instances = match("cloud", "instances", [
      ["InstanceId", "string", ["i-1", "i-2"]],
      ["Monitoring.State", "string", ["disabled", "enabled"]],
    ]);
    expect(targetOf(instances, "Monitoring.State").confidence).toBeLessThan(0.9);
  });
});

describe("entities and calibration", () => {
  it("reads a contact list whose names are companies as the customer list it is", () => {
    expect(describeValues(["Padaria Pão Dourado Ltda", "Bäckerei Schmidt GmbH", "Acme, Inc.", "John Smith"]).companyName).toBe(0.75);
    const result = match("smb", "contacts", [
      ["id", "integer", [101, 102, 103]],
      ["name", "string", ["Rossi Impianti S.r.l.", "Van Dijk B.V.", "Distribuidora Norte Sul S.A."]],
      ["email", "string", ["info@rossi.example", "jan@vandijk.example", "compras@nortesul.example"]],
      ["country", "string", ["Italy", "Netherlands", "Brazil"]],
    ]);
    expect(result.entity).toBe("account");
    expect(targetOf(result, "name").target).toBe("account.name");
  });

  it("places no entity by ids, numbers, states and dates alone", () => {
    const result = match("tracker", "issues", [
      ["id", "integer", [1, 2, 3]],
      ["number", "integer", [10, 11, 12]],
      ["state", "string", ["open", "closed", "open"]],
      ["created_at", "timestamp", ["2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"]],
      ["title", "string", ["Crash on start", "Typo", "Slow page"]],
    ]);
    expect(result.entity).toBeNull();
  });

  it("does not auto-approve one of two columns that both fit a target", () => {
    const result = match("erp", "invoices", [
      ["id", "integer", [1, 2]],
      ["TOTALDUE", "number", [120, 0]],
      ["TOTALENTERED", "number", [120, 80]],
      ["currency", "string", ["EUR", "EUR"]],
    ]);
    const amounts = result.mappings.filter((m) => m.target === "invoice.amount");
    expect(amounts).toHaveLength(1);
    expect(amounts[0]!.confidence).toBeLessThan(0.9);
  });
});

describe("tables no tuning set names", () => {
  it("reads columns that all carry their file's two-letter prefix (Infor M3) by what follows it", () => {
    const result = match("m3", "CUSTOMERS_EXPORT", [
      ["ABCUNO", "nchar(10)", ["C0001", "C0002", "C0003"]],
      ["ABCUNM", "nchar(36)", ["Nordic Foods AB", "Alpen Bau GmbH", "Oy Metsä Ltd"]],
      ["ABCSCD", "nchar(3)", ["SE", "AT", "FI"]],
      ["ABRGDT", "decimal(8,0)", [20190412, 20200101, 20230620]],
    ]);
    expect(result.entity).toBe("account");
    expect(targetOf(result, "ABCUNO").target).toBe("account.account_id");
    expect(targetOf(result, "ABCUNM").target).toBe("account.name");
    expect(targetOf(result, "ABRGDT").target).toBe("account.created_at");
  });

  it("places no entity in a table named for payments or mandates, however invoice-like its fields", () => {
    const payments = match("psp", "payments", [
      ["id", "string", ["tr_1", "tr_2", "tr_3"]],
      ["createdAt", "timestamp", ["2024-09-02T09:14:33Z", "2024-09-02T11:01:09Z", "2024-09-03T08:45:51Z"]],
      ["amount.value", "number", ["10.00", "249.95", "35.50"]],
      ["amount.currency", "string", ["EUR", "EUR", "GBP"]],
      ["status", "string", ["paid", "failed", "open"]],
      ["paidAt", "timestamp", ["2024-09-02T09:15:02Z", null, null]],
      ["customerId", "string", ["cst_1", "cst_2", "cst_3"]],
    ]);
    expect(payments.entity).toBeNull();
    expect(payments.mappings.every((m) => m.target === null)).toBe(true);
  });

  it("takes a bare Name beside a first name for the person's, and a bare code in a customer table for its key", () => {
    const customers = match("erp", "Kunden", [
      ["Kundennummer", "integer", ["10001", "10002", "10017"]],
      ["Firma", "string", ["Bäckerei Schulte GmbH", "Ingenieurbüro Wendt", "Kanzlei Möller & Partner"]],
      ["Vorname", "string", ["Thomas", "Sabine", "Jörg"]],
      ["Name", "string", ["Schulte", "Wendt", "Möller"]],
    ]);
    expect(targetOf(customers, "Firma").target).toBe("account.name");
    expect(targetOf(customers, "Name").target).toBeNull();
    const clienti = match("erp", "Anagrafica clienti", [
      ["Codice", "string", ["C00120", "C00121", "C00135"]],
      ["Ragione sociale", "string", ["Officine Brianza S.r.l.", "Studio Rossi", "Edilnord S.n.c."]],
    ]);
    expect(targetOf(clienti, "Codice").target).toBe("account.account_id");
  });

  it("maps no company names to an invoice number, no payment terms to a date and no core count to a utilization", () => {
    const journal = match("erp", "Rechnungsjournal", [
      ["Rechnungsnummer", "string", ["RE-1", "RE-2", "RE-3"]],
      ["Name", "string", ["Hoffmann Feinwerktechnik GmbH", "Stadtwerke Lindau", "Rhein Pharma AG"]],
      ["Pagamento", "string", ["Bonifico 30 gg DF", "Rimessa diretta", "Ri.Ba. 60 gg FM"]],
      ["Rechnungsbetrag", "number", ["14756.00", "1024.00", "3712.80"]],
    ]);
    expect(targetOf(journal, "Name").target).toBeNull();
    expect(targetOf(journal, "Pagamento").target).toBeNull();
    const servers = match("cloud", "instances", [
      ["instanceId", "integer", [100001234, 100001235, 100002890]],
      ["cpuCores", "integer", [4, 8, 6]],
      ["region", "string", ["EU", "US-central", "SIN"]],
    ]);
    expect(targetOf(servers, "cpuCores").target).toBeNull();
    expect(targetOf(servers, "region").target).toBe("resource.region");
  });

  it("reads the table's own entity in a field name as saying little, and two capitals that are no ISO country as no country", () => {
    const result = match("billing", "accounts", [
      ["account_code", "string", ["cust-1001", "cust-1002", "cust-1003"]],
      ["account_state", "string", ["active", "active", "closed"]],
      ["company_name", "string", ["Globex Corp", "Initech Inc", "Umbrella Corp"]],
      ["estado", "string", ["SP", "NY", "EX"]],
    ]);
    expect(targetOf(result, "account_state").target).toBeNull();
    expect(targetOf(result, "estado").target).toBeNull();
    expect(describeValues(["SP", "NY", "EX"]).country).toBe(0);
    expect(describeValues(["DE", "UK", "BR"]).country).toBe(1);
  });
});
