import { describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/aam/connectors/types";
import { matchTable } from "@/lib/dcl/matcher/match-table";
import { tokenize } from "@/lib/dcl/matcher/tokens";
import type { PriorApproval, SourceTable } from "@/lib/dcl/matcher/types";
import { describeValues } from "@/lib/dcl/matcher/value-shape";
import { BUILTIN_ONTOLOGY } from "@/lib/dcl/ontology/builtin";

type Column = [name: string, type: string, samples: JsonValue[], expected: string | null];

const tableOf = (source: string, table: string, columns: Column[]): SourceTable => ({
  source,
  table,
  fields: columns.map(([name, type, samples]) => ({ name, type, samples })),
});
const expectedOf = (columns: Column[]) => Object.fromEntries(columns.map(([name, , , target]) => [name, target]));
const targetsOf = (table: SourceTable, priors: PriorApproval[] = []) =>
  Object.fromEntries(matchTable(table, BUILTIN_ONTOLOGY, { priors }).mappings.map((m) => [m.field, m.target]));

describe("names in other languages", () => {
  it("reads accents, written-out umlauts, compounds and word order alike", () => {
    expect(tokenize("Fälligkeitsdatum")).toEqual(["due", "date"]);
    expect(tokenize("faelligkeitsdatum")).toEqual(["due", "date"]);
    expect(tokenize("falligkeitsdatum")).toEqual(["due", "date"]);
    expect(tokenize("date_echeance")).toEqual(["date", "due"]);
    expect(tokenize("Rechnungsbetrag")).toEqual(["invoice", "amount"]);
    expect(tokenize("klantnr")).toEqual(["customer", "number"]);
    expect(tokenize("numberofemployees")).toEqual(["number", "employee"]);
    // `data` is a date only beside another Portuguese or Italian word.
    expect(tokenize("data_vencimento")).toEqual(["date", "due"]);
    expect(tokenize("data")).toEqual(["data"]);
  });

  const cases: [language: string, table: string, entity: string, columns: Column[]][] = [
    [
      "German",
      "Rechnungen",
      "invoice",
      [
        ["Rechnungsnummer", "string", ["RE-2024-001", "RE-2024-002"], "invoice.number"],
        ["Kundennummer", "string", ["10023", "10007"], "invoice.account_id"],
        ["Rechnungsdatum", "string", ["31.01.2024", "02.02.2024"], "invoice.issued_at"],
        ["faellig_am", "string", ["14.02.2024", "16.02.2024"], "invoice.due_at"],
        ["Bruttobetrag", "string", ["1.487,50", "571,20"], "invoice.amount"],
        ["Währung", "string", ["EUR", "EUR"], "invoice.currency"],
        ["Bemerkung", "string", ["Skonto", ""], null],
      ],
    ],
    [
      "French",
      "factures",
      "invoice",
      [
        ["numero_facture", "string", ["F-0311", "F-0312"], "invoice.number"],
        ["code_client", "string", ["CLI-0042", "CLI-0107"], "invoice.account_id"],
        ["date_echeance", "string", ["04/04/2024", "19/03/2024"], "invoice.due_at"],
        ["montant_ttc", "string", ["1 440,00", "4 140,00"], "invoice.amount"],
        ["devise", "string", ["EUR", "EUR"], "invoice.currency"],
      ],
    ],
    [
      "Spanish",
      "clientes",
      "account",
      [
        ["codigo_cliente", "string", ["C-001", "C-002"], "account.account_id"],
        ["razon_social", "string", ["Talleres García S.L.", "Hotel Mar Azul S.L."], "account.name"],
        ["pais", "string", ["ES", "PT"], "account.country"],
        ["fecha_alta", "string", ["15/01/2021", "03/06/2022"], "account.created_at"],
        ["empleados", "integer", [14, 120], "account.employee_count"],
      ],
    ],
    [
      "Portuguese",
      "oportunidades",
      "opportunity",
      [
        ["nome_do_negocio", "string", ["Implantação ERP", "Renovação anual"], "opportunity.name"],
        ["valor", "string", ["85000,00", "42000,00"], "opportunity.amount"],
        ["moeda", "string", ["BRL", "BRL"], "opportunity.currency"],
        ["etapa", "string", ["Proposta", "Negociação"], "opportunity.stage"],
        ["data_prevista_de_fechamento", "string", ["30/06/2024", "15/05/2024"], "opportunity.close_date"],
        ["responsavel", "string", ["Ana Souza", "Carlos Lima"], "opportunity.owner"],
      ],
    ],
    [
      "Italian",
      "fatture",
      "invoice",
      [
        ["numero_fattura", "string", ["1/2024", "2/2024"], "invoice.number"],
        ["data_scadenza", "string", ["14/02/2024", "21/02/2024"], "invoice.due_at"],
        ["importo_totale", "string", ["1.220,00", "2.989,00"], "invoice.amount"],
        ["codice_cliente", "string", ["C0012", "C0044"], "invoice.account_id"],
        ["valuta", "string", ["EUR", "EUR"], "invoice.currency"],
      ],
    ],
    [
      "Dutch",
      "klanten",
      "account",
      [
        ["klantnummer", "string", ["K-1001", "K-1002"], "account.account_id"],
        ["bedrijfsnaam", "string", ["Bakkerij De Vries", "Bergbouw B.V."], "account.name"],
        ["land", "string", ["NL", "BE"], "account.country"],
        ["aanmaakdatum", "string", ["12-02-2024", "03-03-2024"], "account.created_at"],
        ["accountmanager", "string", ["Lotte Bakker", "Daan Visser"], "account.owner"],
      ],
    ],
  ];

  it.each(cases)("maps a %s table", (_language, table, entity, columns) => {
    const source = tableOf("erp", table, columns);
    expect(matchTable(source, BUILTIN_ONTOLOGY).entity).toBe(entity);
    expect(targetsOf(source)).toEqual(expectedOf(columns));
  });
});

describe("ERP vocabulary and vendor types", () => {
  it("maps SAP dictionary names with SAP types, client and language fields to nothing", () => {
    const columns: Column[] = [
      ["MANDT", "CLNT(3)", ["100", "100", "100"], null],
      ["KUNNR", "CHAR(10)", ["0000100042", "0000100043", "0000100117"], "account.account_id"],
      ["NAME1", "CHAR(35)", ["Müller Maschinenbau GmbH", "Alpenblick Hotels AG", "Nordlicht Logistik GmbH"], "account.name"],
      ["LAND1", "CHAR(3)", ["DE", "AT", "DE"], "account.country"],
      ["ORT01", "CHAR(35)", ["Augsburg", "Innsbruck", "Hamburg"], null],
      ["SPRAS", "LANG(1)", ["D", "D", "E"], null],
      ["ERDAT", "DATS(8)", ["20150312", "20180701", "20210115"], "account.created_at"],
    ];
    const table = tableOf("sap", "KNA1", columns);
    expect(matchTable(table, BUILTIN_ONTOLOGY).entity).toBe("account");
    expect(targetsOf(table)).toEqual(expectedOf(columns));
  });

  it("maps an SAP billing document and an Odoo invoice to invoices", () => {
    const vbrk: Column[] = [
      ["VBELN", "CHAR(10)", ["0090003512", "0090003513", "0090003514"], "invoice.invoice_id"],
      ["FKDAT", "DATS", ["20240131", "20240131", "20240205"], "invoice.issued_at"],
      ["KUNAG", "CHAR(10)", ["0000100042", "0000100117", "0000100042"], "invoice.account_id"],
      ["NETWR", "CURR(15,2)", ["12500.00", "3480.50", "250.00"], "invoice.amount"],
      ["WAERK", "CUKY", ["EUR", "EUR", "CHF"], "invoice.currency"],
    ];
    const move: Column[] = [
      ["id", "integer", [118, 119, 127], "invoice.invoice_id"],
      ["name", "char", ["INV/2024/00042", "INV/2024/00043", "INV/2024/00051"], "invoice.number"],
      [
        "partner_id",
        "many2one",
        [
          [7, "Azure Interior"],
          [14, "Deco Addict"],
          [7, "Azure Interior"],
        ],
        "invoice.account_id",
      ],
      ["invoice_date_due", "date", ["2024-05-02", "2024-05-05", "2024-05-30"], "invoice.due_at"],
      ["amount_total", "monetary", [2068.85, 4830.58, 368.0], "invoice.amount"],
      [
        "currency_id",
        "many2one",
        [
          [1, "USD"],
          [1, "USD"],
          [1, "USD"],
        ],
        "invoice.currency",
      ],
    ];
    expect(targetsOf(tableOf("sap", "VBRK", vbrk))).toEqual(expectedOf(vbrk));
    expect(targetsOf(tableOf("odoo", "account.move", move))).toEqual(expectedOf(move));
  });

  it("refuses no table for its types, and an unknown type name favours no target", () => {
    const fields = [
      { name: "Email", samples: ["a@x.example", "b@y.example"] },
      { name: "Phone", samples: ["+1 415 555 0101", "+1 415 555 0199"] },
    ];
    const known = matchTable({ source: "crm", table: "contacts", fields: fields.map((f) => ({ ...f, type: "string" })) }, BUILTIN_ONTOLOGY);
    const unknown = matchTable(
      { source: "crm", table: "contacts", fields: fields.map((f) => ({ ...f, type: "x-vendor-blob-ref" })) },
      BUILTIN_ONTOLOGY,
    );
    expect(unknown.mappings.map((m) => m.target)).toEqual(known.mappings.map((m) => m.target));
    // A type that names the semantic outright counts like values would; one that contradicts it counts against.
    const byType = (type: string) => {
      const names = ["Adresse_2", "contact_id", "first_name", "last_name", "created_at"];
      const match = matchTable(
        { source: "crm", table: "contacts", fields: names.map((name, i) => ({ name, type: i === 0 ? type : "string", samples: [] })) },
        BUILTIN_ONTOLOGY,
      );
      return match.mappings[0]!.target;
    };
    expect(byType("email")).toBe("contact.email");
    expect(byType("Edm.Binary")).toBeNull();
  });
});

describe("value shapes", () => {
  it("reads compact and local dates, epoch times, padded ids, one-letter flags, numeric currencies and decimal commas", () => {
    expect(describeValues(["20240131", "20231201"])).toMatchObject({ compactDate: 1, dateLike: 1 });
    expect(describeValues(["31.01.2024", "01/31/2024", "15-03-24 10:30"])).toMatchObject({ localDate: 1, dateLike: 1 });
    expect(describeValues([1706659200, 1706745600000])).toMatchObject({ epochSeconds: 0.5, epochMillis: 0.5, dateLike: 1 });
    expect(describeValues(["/Date(1706659200000)/"])).toMatchObject({ dateLike: 1 });
    // A padded id is not an epoch time, whatever its length.
    expect(describeValues(["0000100042", "0000100043"])).toMatchObject({ zeroPadded: 1, idLike: 1, epochSeconds: 0 });
    for (const flags of [
      ["X", "", "X"],
      ["J", "N"],
      ["S", "N"],
      ["O", "N"],
      ["Y", "N"],
      ["ja", "nein"],
      ["Sim", "Não"],
    ]) {
      expect(describeValues(flags).booleanLike, flags.join("/")).toBe(1);
    }
    expect(describeValues(["A", "I", "H"]).booleanLike).toBe(0);
    expect(describeValues(["978", "840", "826"]).currencyCode).toBe(1);
    expect(describeValues(["1.234,56", "1 234,56", "1,234.56", "12.50-", "€ 99"])).toMatchObject({ numeric: 1 });
    expect(describeValues(["31.01.2024"]).numeric).toBe(0);
  });

  it("lets values decide a distinctive field when its name says nothing", () => {
    const table = tableOf("erp", "deals", [
      ["Bezeichnung", "string", ["Rollout Süd", "Wartung 2025", "Pilot"], "opportunity.name"],
      ["Betrag", "string", ["12.500,00", "4.800,00", "990,00"], "opportunity.amount"],
      ["F07", "string", ["EUR", "CHF", "EUR"], "opportunity.currency"],
      ["Phase", "string", ["Angebot", "Verhandlung", "Gewonnen"], "opportunity.stage"],
    ]);
    const f07 = matchTable(table, BUILTIN_ONTOLOGY).mappings.find((m) => m.field === "F07")!;
    expect(f07).toMatchObject({ target: "opportunity.currency", method: "pattern" });
  });
});

describe("learning from people", () => {
  const vbak = tableOf("sap_prod", "ZCRM_OPPORTUNITIES", [
    ["ZZKUNDE", "CHAR(10)", ["0000100042", "0000100117", "0000100042"], null],
    ["BEZEICHNUNG", "CHAR(40)", ["Rollout Süd", "Wartung 2025", "Pilot Nord"], null],
    ["AUFTRAGSWERT", "CURR(15,2)", ["125000.00", "48000.00", "9900.00"], null],
    ["WAERK", "CUKY", ["EUR", "EUR", "CHF"], null],
    ["PHASE", "CHAR(2)", ["20", "40", "90"], null],
    ["ABSCHLUSSDATUM", "DATS", ["20240630", "20240915", "20241201"], null],
    ["ERDAT", "DATS", ["20240105", "20240211", "20240302"], null],
  ]);

  it("carries a correction to the same name in the same source's other tables, on that table's entity", () => {
    expect(targetsOf(vbak).ZZKUNDE).toBeNull();
    // On the invoices table a person corrected ZZKUNDE to the customer reference.
    const correction = { sourceField: "ZZKUNDE", target: "invoice.account_id", source: "sap_prod" };
    const learned = matchTable(vbak, BUILTIN_ONTOLOGY, { priors: [correction] });
    expect(learned.entity).toBe("opportunity");
    expect(learned.mappings.find((m) => m.field === "ZZKUNDE")).toMatchObject({ target: "opportunity.account_id", method: "prior" });
    // Another system's people said nothing about this one's tables.
    const elsewhere = matchTable(vbak, BUILTIN_ONTOLOGY, { priors: [{ ...correction, source: "netsuite" }] });
    expect(elsewhere.mappings.find((m) => m.field === "ZZKUNDE")!.target).toBeNull();
  });

  it("matches a connection by its type or its name", () => {
    const correction = { sourceField: "ZZKUNDE", target: "invoice.account_id", source: "sap: SAP Prod" };
    const byType = matchTable({ ...vbak, source: "sap: SAP EU" }, BUILTIN_ONTOLOGY, { priors: [correction] });
    expect(byType.mappings.find((m) => m.field === "ZZKUNDE")!.target).toBe("opportunity.account_id");
  });

  it("carries a correction to similar names", () => {
    const table = tableOf("legacy", "customers", [
      ["KTO_KRZ_NR", "string", ["K-1001", "K-1002", "K-1003"], null],
      ["FIRMA_LANG", "string", ["Acme GmbH", "Globex AG", "Initech KG"], null],
    ]);
    expect(targetsOf(table).KTO_KRZ_NR).toBeNull();
    const priors = [{ sourceField: "KTO_KRZ", target: "account.account_id", source: "other" }];
    const learned = matchTable(table, BUILTIN_ONTOLOGY, { priors }).mappings.find((m) => m.field === "KTO_KRZ_NR")!;
    expect(learned.target).toBe("account.account_id");
    // A similar name is evidence, not the person's own decision: it stays below auto-approval.
    expect(learned.confidence).toBeLessThan(0.9);
  });
});
