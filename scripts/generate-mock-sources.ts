/**
 * Generates the demo data sources in mock_sources/ (the files a new install syncs on first start
 * through the CSV / JSON Lines file connector):
 *
 *   npx tsx scripts/generate-mock-sources.ts
 *
 * Deterministic: a seeded PRNG (mulberry32, one stream per file) and a fixed reference date, so
 * every run writes byte-identical files. The column names deliberately imitate real exports
 * (Salesforce, Stripe, AWS CUR, a cloud inventory tool) rather than the canonical ontology.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "mock_sources");
const SEED = "autonomos-mock-sources-v1";

/** Everything is dated relative to this instant, never to "now". */
const REF = Date.UTC(2026, 10, 1); // 2026-11-01T00:00:00Z
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to derive one independent seed per file from a name. */
function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(name: string) {
    this.next = mulberry32(hashSeed(`${SEED}:${name}`));
  }
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) if ((r -= w) < 0) return value;
    return entries[entries.length - 1][0];
  }
  chars(n: number, alphabet: string): string {
    let s = "";
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
  /** A timestamp in [from, to), whole seconds. */
  time(from: number, to: number): number {
    return from + Math.floor(this.next() * Math.floor((to - from) / 1000)) * 1000;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

const DIGITS = "0123456789";
const HEX = "0123456789abcdef";
const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// ---------------------------------------------------------------------------------------------
// Formatting and output
// ---------------------------------------------------------------------------------------------

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

/** RFC 4180: quote a field containing a comma, quote or line break, doubling inner quotes. */
function csvField(value: Cell): string {
  const s = value === null ? "" : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [columns.map(csvField).join(",")];
  for (const row of rows) {
    lines.push(
      columns
        .map((c) => {
          if (!(c in row)) throw new Error(`row is missing column ${c}`);
          return csvField(row[c]);
        })
        .join(","),
    );
  }
  return lines.join("\n") + "\n";
}

function writeOut(file: string, content: string, rows: number): void {
  writeFileSync(join(OUT_DIR, file), content, "utf8");
  console.log(`${file}: ${rows} rows`);
}

const isoMillis = (t: number) => new Date(t).toISOString(); // 2024-03-05T14:22:10.000Z
const isoSeconds = (t: number) => new Date(t).toISOString().replace(".000Z", "Z"); // 2024-03-05T14:22:10Z
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10); // 2024-03-05
const spaced = (t: number) => new Date(t).toISOString().slice(0, 19).replace("T", " "); // 2024-03-05 14:22:10
const epochSeconds = (t: number) => Math.floor(t / 1000);
const round2 = (x: number) => Math.round(x * 100) / 100;
/** Locale-independent string order (localeCompare would depend on the machine's ICU locale). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const daysInMonth = (t: number) => new Date(Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + 1, 0)).getUTCDate();

/** "Müller" -> "muller", "O'Brien" -> "obrien". */
function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

function roundSignificant(x: number, digits: number): number {
  const p = 10 ** Math.max(0, Math.floor(Math.log10(x)) - digits + 1);
  return Math.round(x / p) * p;
}

/** A Salesforce 18-character id: 15 case-sensitive characters plus the case-checksum suffix. */
function salesforceId(rng: Rng, keyPrefix: string, used: Set<string>): string {
  for (;;) {
    const base = `${keyPrefix}5g00000${rng.chars(5, ALNUM)}`;
    let suffix = "";
    for (let chunk = 0; chunk < 3; chunk++) {
      let bits = 0;
      for (let i = 0; i < 5; i++) {
        const c = base[chunk * 5 + i];
        if (c >= "A" && c <= "Z") bits |= 1 << i;
      }
      suffix += "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"[bits];
    }
    const id = base + suffix;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Shared reference data
// ---------------------------------------------------------------------------------------------

interface Country {
  name: string;
  currency: "USD" | "EUR" | "GBP";
  tld: string;
  legal: readonly string[];
  weight: number;
  phone: (rng: Rng) => string;
}

const d = (rng: Rng, n: number) => rng.chars(n, DIGITS); // n random digits
const COUNTRIES: readonly Country[] = [
  {
    name: "United States",
    currency: "USD",
    tld: "com",
    legal: ["Inc.", "LLC", "Corp."],
    weight: 40,
    phone: (r) =>
      r.pick([`+1 ${r.int(201, 989)}-555-01${d(r, 2)}`, `(${r.int(201, 989)}) 555-01${d(r, 2)}`, `${r.int(201, 989)}.555.01${d(r, 2)}`]),
  },
  {
    name: "Canada",
    currency: "USD",
    tld: "ca",
    legal: ["Inc.", "Ltd."],
    weight: 6,
    phone: (r) => `+1 ${r.pick(["416", "604", "514"])}-555-01${d(r, 2)}`,
  },
  { name: "United Kingdom", currency: "GBP", tld: "co.uk", legal: ["Ltd", "plc"], weight: 10, phone: (r) => `+44 20 7946 0${d(r, 3)}` },
  {
    name: "Germany",
    currency: "EUR",
    tld: "de",
    legal: ["GmbH", "AG"],
    weight: 9,
    phone: (r) => `+49 ${r.pick(["30", "89", "40"])} ${d(r, 8)}`,
  },
  {
    name: "France",
    currency: "EUR",
    tld: "fr",
    legal: ["SA", "SAS"],
    weight: 7,
    phone: (r) => `+33 1 ${d(r, 2)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`,
  },
  { name: "Netherlands", currency: "EUR", tld: "nl", legal: ["B.V."], weight: 5, phone: (r) => `+31 20 ${d(r, 3)} ${d(r, 4)}` },
  {
    name: "Spain",
    currency: "EUR",
    tld: "es",
    legal: ["S.L.", "S.A."],
    weight: 4,
    phone: (r) => `+34 91 ${d(r, 3)} ${d(r, 2)} ${d(r, 2)}`,
  },
  { name: "Sweden", currency: "EUR", tld: "se", legal: ["AB"], weight: 4, phone: (r) => `+46 8 ${d(r, 3)} ${d(r, 2)} ${d(r, 2)}` },
  { name: "Australia", currency: "USD", tld: "com.au", legal: ["Pty Ltd"], weight: 5, phone: (r) => `+61 2 ${d(r, 4)} ${d(r, 4)}` },
  { name: "Japan", currency: "USD", tld: "co.jp", legal: ["K.K."], weight: 4, phone: (r) => `+81 3-${d(r, 4)}-${d(r, 4)}` },
  { name: "Brazil", currency: "USD", tld: "com.br", legal: ["Ltda"], weight: 3, phone: (r) => `+55 11 ${d(r, 4)}-${d(r, 4)}` },
];
const countryByName = (name: string): Country => {
  const c = COUNTRIES.find((x) => x.name === name);
  if (!c) throw new Error(`unknown country ${name}`);
  return c;
};

/** Salesforce Industry picklist values, with words that make a company name fit the industry. */
const INDUSTRY_WORDS: Record<string, readonly string[]> = {
  Technology: ["Software", "Systems", "Labs", "Data", "Cloud"],
  Finance: ["Capital", "Financial", "Holdings"],
  Banking: ["Bank", "Trust"],
  Healthcare: ["Health", "Medical", "Care"],
  Biotechnology: ["Biosciences", "Therapeutics", "Genomics"],
  Manufacturing: ["Manufacturing", "Industries", "Works"],
  Retail: ["Retail", "Outfitters", "Brands", "Market"],
  Energy: ["Energy", "Power", "Renewables"],
  Telecommunications: ["Networks", "Telecom"],
  Transportation: ["Logistics", "Freight"],
  Education: ["Learning", "Academy"],
  Media: ["Media", "Studios"],
  Insurance: ["Insurance", "Assurance"],
  Consulting: ["Consulting", "Advisors"],
};
const INDUSTRY_WEIGHTS: readonly (readonly [string, number])[] = [
  ["Technology", 14],
  ["Finance", 5],
  ["Banking", 3],
  ["Healthcare", 5],
  ["Biotechnology", 3],
  ["Manufacturing", 6],
  ["Retail", 5],
  ["Energy", 3],
  ["Telecommunications", 3],
  ["Transportation", 4],
  ["Education", 2],
  ["Media", 3],
  ["Insurance", 3],
  ["Consulting", 3],
];
const NAME_PREFIXES = [
  "Northwind",
  "Bluepeak",
  "Ironbridge",
  "Silverline",
  "Redwood",
  "Brightpath",
  "Clearwater",
  "Summit",
  "Granite",
  "Evergreen",
  "Lumen",
  "Vertex",
  "Harbor",
  "Cobalt",
  "Pinnacle",
  "Falcon",
  "Meridian",
  "Aurora",
  "Quantum",
  "Sterling",
  "Atlas",
  "Horizon",
  "Crescent",
  "Keystone",
  "Orbit",
  "Polaris",
  "Sequoia",
  "Tidewater",
  "Willow",
  "Zenith",
  "Beacon",
  "Cascade",
  "Driftwood",
  "Emberly",
  "Foxglove",
  "Helix",
  "Juniper",
  "Kestrel",
  "Larkspur",
  "Monarch",
  "Nimbus",
  "Oakridge",
];

/** Hand-written accounts: CSV quoting (commas, quotes) and non-ASCII names. */
const SPECIAL_ACCOUNTS: readonly { name: string; base: string; country: string; industry: string }[] = [
  { name: "Acme, Inc.", base: "Acme", country: "United States", industry: "Manufacturing" },
  { name: '"Blue Ocean" Ventures LLC', base: "Blue Ocean Ventures", country: "United States", industry: "Finance" },
  { name: "Smith, Jones & Partners, LLP", base: "Smith Jones", country: "United States", industry: "Consulting" },
  { name: 'The "Good" Food Company Ltd', base: "Good Food Company", country: "United Kingdom", industry: "Retail" },
  { name: "Müller GmbH", base: "Müller", country: "Germany", industry: "Manufacturing" },
  { name: "Société Générale Demo", base: "Société Générale Demo", country: "France", industry: "Banking" },
  { name: "Nordström & Söner AB", base: "Nordström Söner", country: "Sweden", industry: "Retail" },
  { name: "Café Olé, S.L.", base: "Café Olé", country: "Spain", industry: "Retail" },
  { name: "São Paulo Logística Ltda", base: "São Paulo Logística", country: "Brazil", industry: "Transportation" },
  { name: "Kōbe Precision K.K.", base: "Kōbe Precision", country: "Japan", industry: "Manufacturing" },
];

const SALES_REPS = [
  "Dana Whitfield",
  "Marcus Oyelaran",
  "Priya Raman",
  "Tom Becker",
  "Sofia Alvarez",
  "Kenji Watanabe",
  "Laura Chen",
  "Jonas Lindqvist",
];

const FIRST_NAMES = [
  "James",
  "Maria",
  "Robert",
  "Linda",
  "Michael",
  "Sarah",
  "David",
  "Emily",
  "Daniel",
  "Olivia",
  "Ahmed",
  "Fatima",
  "Wei",
  "Mei",
  "Raj",
  "Ananya",
  "Lucas",
  "Emma",
  "Noah",
  "Ava",
  "José",
  "Zoë",
  "Łukasz",
  "Renée",
  "Søren",
  "Chloé",
  "Björn",
  "François",
  "Ingrid",
  "Mateo",
  "Yuki",
  "Hiroshi",
  "Aoife",
  "Siobhán",
  "Kwame",
  "Amara",
  "Jürgen",
  "Ines",
  "Tomás",
  "Elena",
];
const LAST_NAMES = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Miller",
  "Davis",
  "Garcia",
  "Martínez",
  "O'Brien",
  "Müller",
  "Schröder",
  "Dubois",
  "Lefèvre",
  "Nakamura",
  "Tanaka",
  "Kowalski",
  "Nowak",
  "Andersson",
  "Johansson",
  "Patel",
  "Singh",
  "Chen",
  "Wang",
  "Kim",
  "Rossi",
  "Bianchi",
  "van der Berg",
  "De Vries",
  "Okafor",
  "Mensah",
  "Hughes",
  "Murphy",
  "Novák",
  "Fernández",
  "Silva",
];
const TITLES = [
  "CEO",
  "CFO",
  "CTO",
  "VP of Sales",
  "VP Engineering",
  "Head of Data",
  "Director of IT",
  "Procurement Manager",
  "Data Engineer",
  "Finance Manager",
  "Controller",
  "IT Manager",
  "Operations Director",
  "Chief Data Officer",
  "Cloud Architect",
  "Software Engineer",
  "RevOps Analyst",
  "Head of FinOps",
];

// ---------------------------------------------------------------------------------------------
// CRM: accounts, contacts, opportunities (Salesforce export style)
// ---------------------------------------------------------------------------------------------

interface Account {
  id: string;
  name: string;
  domain: string;
  industry: string;
  country: Country;
  owner: string;
  createdAt: number;
}

function generateAccounts(): Account[] {
  const rng = new Rng("crm_accounts");
  const ids = new Set<string>();
  const seeds: { name: string; base: string; country: Country; industry: string }[] = SPECIAL_ACCOUNTS.map((s) => ({
    ...s,
    country: countryByName(s.country),
  }));
  const taken = new Set(seeds.map((s) => s.base));
  while (seeds.length < 60) {
    const industry = rng.weighted(INDUSTRY_WEIGHTS);
    const base = `${rng.pick(NAME_PREFIXES)} ${rng.pick(INDUSTRY_WORDS[industry])}`;
    if (taken.has(base)) continue;
    taken.add(base);
    const country = rng.weighted(COUNTRIES.map((c) => [c, c.weight] as const));
    seeds.push({ name: `${base} ${rng.pick(country.legal)}`, base, country, industry });
  }
  const accounts = seeds.map(
    (s): Account => ({
      id: salesforceId(rng, "001", ids),
      name: s.name,
      domain: `${asciiSlug(s.base)}.${s.country.tld}`,
      industry: s.industry,
      country: s.country,
      owner: rng.pick(SALES_REPS),
      createdAt: rng.time(Date.UTC(2021, 0, 1), Date.UTC(2026, 4, 1)),
    }),
  );
  return accounts.sort((a, b) => a.createdAt - b.createdAt);
}

function writeAccounts(accounts: readonly Account[]): void {
  const rng = new Rng("crm_accounts:columns");
  const columns = [
    "Id",
    "Account Name",
    "Website",
    "Industry",
    "AnnualRevenue",
    "NumberOfEmployees",
    "BillingCountry",
    "Account Owner",
    "CreatedDate",
  ];
  const rows = accounts.map((a): Row => {
    const revenue = roundSignificant(10 ** rng.float(6, 9.3), 3);
    const employees = Math.max(5, Math.round(revenue / rng.float(120_000, 450_000)));
    const website = rng.weighted<string | null>([
      [`www.${a.domain}`, 5],
      [`https://www.${a.domain}`, 3],
      [`https://${a.domain}/`, 1],
      [a.domain, 1],
      [null, 0.6],
    ]);
    return {
      Id: a.id,
      "Account Name": a.name,
      Website: website,
      Industry: rng.chance(0.08) ? null : a.industry,
      AnnualRevenue: rng.chance(0.1) ? null : revenue,
      NumberOfEmployees: rng.chance(0.07) ? null : employees,
      BillingCountry: rng.chance(0.05) ? null : a.country.name,
      "Account Owner": a.owner,
      CreatedDate: isoMillis(a.createdAt),
    };
  });
  writeOut("crm_accounts.csv", toCsv(columns, rows), rows.length);
}

function writeContacts(accounts: readonly Account[]): void {
  const rng = new Rng("crm_contacts");
  const ids = new Set<string>();
  const emails = new Set<string>();
  // Every account gets one contact, the rest are spread at random: 150 in all.
  const owners = [...accounts, ...Array.from({ length: 150 - accounts.length }, () => rng.pick(accounts))];
  const contacts = owners.map((account) => {
    let first: string, last: string, email: string;
    do {
      first = rng.pick(FIRST_NAMES);
      last = rng.pick(LAST_NAMES);
      const local = rng.weighted([
        [`${asciiSlug(first)}.${asciiSlug(last)}`, 6],
        [`${asciiSlug(first)[0]}${asciiSlug(last)}`, 3],
        [asciiSlug(first), 1],
      ]);
      email = `${local}@${account.domain}`;
    } while (emails.has(email));
    emails.add(email);
    return {
      createdAt: rng.time(account.createdAt, REF - DAY),
      row: {
        ContactId: salesforceId(rng, "003", ids),
        AccountId: account.id,
        FirstName: first,
        LastName: last,
        Email: rng.chance(0.03) ? null : email,
        Phone: rng.chance(0.08) ? null : account.country.phone(rng),
        Title: rng.chance(0.06) ? null : rng.pick(TITLES),
      } as Row,
    };
  });
  contacts.sort((a, b) => a.createdAt - b.createdAt);
  const rows = contacts.map((c) => ({ ...c.row, Created: spaced(c.createdAt) }));
  const columns = ["ContactId", "AccountId", "FirstName", "LastName", "Email", "Phone", "Title", "Created"];
  writeOut("crm_contacts.csv", toCsv(columns, rows), rows.length);
}

const STAGES: readonly { stage: string; weight: number; probability: readonly number[]; closed: boolean }[] = [
  { stage: "Prospecting", weight: 12, probability: [10], closed: false },
  { stage: "Qualification", weight: 15, probability: [20, 25], closed: false },
  { stage: "Proposal", weight: 15, probability: [40, 50, 60], closed: false },
  { stage: "Negotiation", weight: 13, probability: [75, 80, 90], closed: false },
  { stage: "Closed Won", weight: 25, probability: [100], closed: true },
  { stage: "Closed Lost", weight: 20, probability: [0], closed: true },
];
const DEAL_KINDS = [
  "Platform License",
  "Expansion",
  "Renewal",
  "Pilot",
  "Data Add-on",
  "Enterprise Upgrade",
  "Professional Services",
  "Multi-year Renewal",
  "FinOps Module",
];

interface Opportunity {
  account: Account;
  stage: string;
  amount: number | null;
  closeAt: number;
}

function generateOpportunities(accounts: readonly Account[]): Opportunity[] {
  const rng = new Rng("crm_opportunities");
  const ids = new Set<string>();
  const opportunities: (Opportunity & { createdAt: number; row: Row })[] = [];
  for (let i = 0; i < 120; i++) {
    const account = rng.pick(accounts);
    const stage = rng.weighted(STAGES.map((s) => [s, s.weight] as const));
    const amount = stage.stage === "Prospecting" && rng.chance(0.3) ? null : Math.round(10 ** rng.float(3.7, 5.6) / 500) * 500;
    let closeAt: number, createdAt: number;
    if (stage.closed) {
      closeAt = rng.time(Math.max(account.createdAt + 30 * DAY, REF - 730 * DAY), REF - 2 * DAY);
      createdAt = Math.max(account.createdAt + DAY, closeAt - rng.int(14, 180) * DAY - rng.int(0, 86_399) * 1000);
    } else {
      closeAt = REF + rng.int(5, 200) * DAY;
      createdAt = rng.time(Math.max(account.createdAt + DAY, REF - 270 * DAY), REF - DAY);
    }
    const code = account.country.currency;
    const currency = rng.weighted([
      [code, 7],
      [code.toLowerCase(), 2],
      [code[0] + code.slice(1).toLowerCase(), 1],
    ]);
    opportunities.push({
      account,
      stage: stage.stage,
      amount,
      closeAt,
      createdAt,
      row: {
        "Opportunity ID": salesforceId(rng, "006", ids),
        "Account ID": account.id,
        "Opportunity Name": `${account.name} - ${rng.pick(DEAL_KINDS)}`,
        Amount: amount === null ? null : amount.toFixed(2),
        Currency: currency,
        Stage: stage.stage,
        "Probability (%)": rng.pick(stage.probability),
        "Close Date": isoDate(closeAt),
        Owner: rng.chance(0.85) ? account.owner : rng.pick(SALES_REPS),
        "Created Date": isoSeconds(createdAt),
        Won: stage.stage === "Closed Won",
      },
    });
  }
  opportunities.sort((a, b) => a.createdAt - b.createdAt);
  const columns = [
    "Opportunity ID",
    "Account ID",
    "Opportunity Name",
    "Amount",
    "Currency",
    "Stage",
    "Probability (%)",
    "Close Date",
    "Owner",
    "Created Date",
    "Won",
  ];
  writeOut(
    "crm_opportunities.csv",
    toCsv(
      columns,
      opportunities.map((o) => o.row),
    ),
    opportunities.length,
  );
  return opportunities;
}

// ---------------------------------------------------------------------------------------------
// Billing: invoices (Stripe export style)
// ---------------------------------------------------------------------------------------------

/** Monthly subscription invoices for every account with a won deal, newest 200 kept. */
function writeInvoices(opportunities: readonly Opportunity[]): void {
  const rng = new Rng("billing_invoices");
  const WINDOW_START = Date.UTC(2025, 10, 1);
  const won = new Map<Account, Opportunity[]>();
  for (const o of opportunities) if (o.stage === "Closed Won") won.set(o.account, [...(won.get(o.account) ?? []), o]);

  const invoices: { created: number; row: Row }[] = [];
  for (const [account, deals] of [...won.entries()].sort((a, b) => a[0].createdAt - b[0].createdAt)) {
    const firstWon = Math.min(...deals.map((o) => o.closeAt));
    const arr = deals.reduce((sum, o) => sum + (o.amount ?? 0), 0);
    const autoCharge = rng.chance(0.15); // card on file: no due date, paid within the hour
    const delinquent = !autoCharge && rng.chance(0.1);
    const terms = rng.pick([15, 30, 30, 30, 45]);
    const payDelay = rng.int(1, 25);
    const anchorDay = rng.int(1, 28);
    const anchorSecond = rng.int(0, 86_399);
    const numberPrefix = rng.chars(8, HEX).toUpperCase();
    const firstMonth = new Date(firstWon);
    const monthsBeforeWindow = Math.max(0, (2025 - firstMonth.getUTCFullYear()) * 12 + 10 - firstMonth.getUTCMonth());
    let seq = monthsBeforeWindow + 1;
    for (let m = 0; m < 12; m++) {
      const created = Date.UTC(2025, 10 + m, anchorDay) + anchorSecond * 1000;
      if (created <= firstWon || created < WINDOW_START || created >= REF) continue;
      const due = autoCharge ? null : created + terms * DAY;
      // When it gets paid (if ever): card on file within the hour, a late payer after 45-60 days.
      const paysAt =
        created +
        (autoCharge
          ? rng.int(60, 3600) * 1000
          : (delinquent ? rng.int(45, 60) : Math.max(0, payDelay + rng.int(-1, 3))) * DAY + rng.int(600, 86_399) * 1000);
      let status: string;
      if (rng.chance(0.03)) status = "void";
      else if (paysAt >= REF) status = "open";
      else if (delinquent && rng.chance(0.5)) status = "uncollectible";
      else status = "paid";
      const paidAt = status === "paid" ? paysAt : null;
      const amount = Math.round((arr / 12) * rng.float(0.96, 1.08) * 100);
      invoices.push({
        created,
        row: {
          id: `in_1${rng.chars(23, ALNUM)}`,
          customer: account.id,
          number: status === "draft" ? null : `${numberPrefix}-${String(seq++).padStart(4, "0")}`,
          amount_due: amount,
          currency: account.country.currency.toLowerCase(),
          status,
          created: epochSeconds(created),
          due_date: due === null ? null : epochSeconds(due),
          paid_at: paidAt === null ? null : epochSeconds(paidAt),
        },
      });
    }
  }
  // A few one-off services invoices still being prepared: drafts have no number yet.
  const customers = [...won.keys()];
  for (let i = 0; i < 4; i++) {
    const account = rng.pick(customers);
    const created = rng.time(REF - 6 * DAY, REF - 3600_000);
    invoices.push({
      created,
      row: {
        id: `in_1${rng.chars(23, ALNUM)}`,
        customer: account.id,
        number: null,
        amount_due: rng.int(5, 30) * 50_000,
        currency: account.country.currency.toLowerCase(),
        status: "draft",
        created: epochSeconds(created),
        due_date: epochSeconds(created + 30 * DAY),
        paid_at: null,
      },
    });
  }
  // Stripe exports list the newest first.
  const rows = invoices
    .sort((a, b) => b.created - a.created)
    .slice(0, 200)
    .map((i) => i.row);
  const columns = ["id", "customer", "number", "amount_due", "currency", "status", "created", "due_date", "paid_at"];
  writeOut("billing_invoices.csv", toCsv(columns, rows), rows.length);
}

// ---------------------------------------------------------------------------------------------
// Cloud: resource inventory (JSON Lines) and AWS cost and usage line items (CUR style)
// ---------------------------------------------------------------------------------------------

type Provider = "aws" | "gcp" | "azure";

interface CloudResource {
  provider: Provider;
  id: string;
  name: string;
  type: string;
  region: string;
  zone: string | null;
  status: string;
  stopped: boolean;
  cpu: number | null;
  memory: number | null;
  hourly: number;
  monthlyCost: number;
  tags: string[];
  launchedAt: number;
  stoppedAt: number | null;
  awsAccount: string | null;
  kind: "vm" | "db";
  role: string;
}

const REGIONS: Record<Provider, readonly { name: string; multiplier: number; zones: readonly string[] }[]> = {
  aws: [
    { name: "us-east-1", multiplier: 1, zones: ["a", "b", "c", "d"] },
    { name: "us-west-2", multiplier: 1, zones: ["a", "b", "c"] },
    { name: "eu-west-1", multiplier: 1.1, zones: ["a", "b", "c"] },
    { name: "eu-central-1", multiplier: 1.15, zones: ["a", "b"] },
    { name: "ap-northeast-1", multiplier: 1.25, zones: ["a", "c"] },
  ],
  gcp: [
    { name: "us-central1", multiplier: 1, zones: ["a", "b", "c", "f"] },
    { name: "us-east1", multiplier: 1, zones: ["b", "c", "d"] },
    { name: "europe-west1", multiplier: 1.1, zones: ["b", "c", "d"] },
    { name: "europe-west4", multiplier: 1.1, zones: ["a", "b"] },
    { name: "asia-northeast1", multiplier: 1.25, zones: ["a", "b"] },
  ],
  azure: [
    { name: "eastus", multiplier: 1, zones: ["1", "2", "3"] },
    { name: "westus2", multiplier: 1, zones: ["1", "2"] },
    { name: "westeurope", multiplier: 1.12, zones: ["1", "2", "3"] },
    { name: "northeurope", multiplier: 1.08, zones: ["1", "2"] },
    { name: "uksouth", multiplier: 1.1, zones: ["1", "2"] },
  ],
};

/** On-demand hourly list prices (USD) in the cheapest region. */
const VM_TYPES: Record<Provider, readonly (readonly [string, number])[]> = {
  aws: [
    ["t3.micro", 0.0104],
    ["t3.small", 0.0208],
    ["t3.medium", 0.0416],
    ["t3.large", 0.0832],
    ["m5.large", 0.096],
    ["m5.xlarge", 0.192],
    ["m5.2xlarge", 0.384],
    ["c5.xlarge", 0.17],
    ["c5.2xlarge", 0.34],
    ["r5.large", 0.126],
    ["r5.xlarge", 0.252],
    ["m6i.large", 0.096],
    ["m6g.large", 0.077],
  ],
  gcp: [
    ["e2-small", 0.0168],
    ["e2-medium", 0.0335],
    ["e2-standard-4", 0.134],
    ["n2-standard-2", 0.0971],
    ["n2-standard-4", 0.1942],
    ["n2-standard-8", 0.3885],
    ["n2-highmem-4", 0.262],
    ["c2-standard-8", 0.4176],
  ],
  azure: [
    ["Standard_B2s", 0.0416],
    ["Standard_D2s_v5", 0.096],
    ["Standard_D4s_v5", 0.192],
    ["Standard_D8s_v5", 0.384],
    ["Standard_E4s_v5", 0.252],
    ["Standard_F4s_v2", 0.169],
  ],
};
const RDS_INSTANCES: readonly (readonly [string, string, number, string])[] = [
  ["orders-prod-db", "db.r5.large", 0.25, "prod"],
  ["analytics-prod-db", "db.r5.xlarge", 0.5, "prod"],
  ["billing-staging-db", "db.m5.large", 0.171, "staging"],
  ["app-dev-db", "db.t3.medium", 0.068, "dev"],
];
const ROLES = ["web", "api", "worker", "batch", "cache", "ci-runner", "analytics", "bastion", "ml-train", "etl"];
const TEAMS = ["team-payments", "team-data", "team-platform", "team-growth"];
const AWS_ACCOUNTS = { prod: "417382915604", nonprod: "529184736201", data: "683920174512" };
/** Native stopped/running states: each cloud reports them in its own words. */
const STATES: Record<Provider, { running: string; stopped: string }> = {
  aws: { running: "running", stopped: "stopped" },
  gcp: { running: "RUNNING", stopped: "TERMINATED" },
  azure: { running: "VM running", stopped: "VM deallocated" },
};
const DISK_PRICE_PER_GB: Record<Provider, number> = { aws: 0.08, gcp: 0.1, azure: 0.12 };

/** us-east-1a, us-central1-b, and for Azure "2" or null (a VM outside any availability zone). */
function zoneName(provider: Provider, region: string, zone: string, unzoned: boolean): string | null {
  if (provider === "aws") return `${region}${zone}`;
  if (provider === "gcp") return `${region}-${zone}`;
  return unzoned ? null : zone;
}

function awsAccountFor(env: string, role: string): string {
  if (["analytics", "etl", "ml-train"].includes(role)) return AWS_ACCOUNTS.data;
  return env === "prod" ? AWS_ACCOUNTS.prod : AWS_ACCOUNTS.nonprod;
}

function generateCloudResources(): CloudResource[] {
  const rng = new Rng("cloud_resources");
  const azureSubscriptions: Record<string, string> = {};
  for (const env of ["prod", "nonprod"]) {
    const h = rng.chars(32, HEX);
    azureSubscriptions[env] = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  const names = new Set<string>();
  const resources: CloudResource[] = [];

  const make = (provider: Provider, kind: "vm" | "db", name: string, env: string, role: string, type: string, listPrice: number): void => {
    const region = rng.weighted(REGIONS[provider].map((r, i) => [r, i < 2 ? 3 : 1] as const));
    const stopped = rng.chance(env === "prod" ? 0.04 : env === "staging" ? 0.2 : 0.3);
    const idle = !stopped && rng.chance(env === "prod" ? 0.1 : 0.35);
    const hourly = Math.round(listPrice * region.multiplier * 10_000) / 10_000;
    const diskGb = rng.pick([30, 50, 100, 200, 500]);
    const cpu = stopped ? null : Math.round((idle ? rng.float(0.3, 4.9) : rng.float(8, 78)) * 10) / 10;
    const launchedAt = rng.time(REF - 900 * DAY, REF - 10 * DAY);
    const awsAccount = provider === "aws" ? awsAccountFor(env, role) : null;
    let id: string;
    if (provider === "aws") id = kind === "db" ? `arn:aws:rds:${region.name}:${awsAccount}:db:${name}` : `i-0${rng.chars(16, HEX)}`;
    else if (provider === "gcp") id = `${rng.int(1, 9)}${rng.chars(18, DIGITS)}`;
    else
      id = `/subscriptions/${azureSubscriptions[env === "prod" ? "prod" : "nonprod"]}/resourceGroups/rg-${env}-${region.name}/providers/Microsoft.Compute/virtualMachines/${name}`;
    const tags = rng.chance(0.15) ? [] : [env, role, ...(rng.chance(0.4) ? [rng.pick(TEAMS)] : [])];
    resources.push({
      provider,
      id,
      name,
      type,
      kind,
      role,
      tags,
      launchedAt,
      awsAccount,
      hourly,
      cpu,
      region: region.name,
      zone: zoneName(provider, region.name, rng.pick(region.zones), rng.chance(0.3)),
      status: kind === "db" ? (stopped ? "stopped" : "available") : STATES[provider][stopped ? "stopped" : "running"],
      stopped,
      memory: cpu === null ? null : Math.round((rng.float(12, 55) + cpu * 0.4) * 10) / 10,
      monthlyCost: round2(stopped ? diskGb * DISK_PRICE_PER_GB[provider] : hourly * 730 + diskGb * DISK_PRICE_PER_GB[provider]),
      stoppedAt: stopped ? Math.max(launchedAt + DAY, REF - rng.int(5, 50) * DAY) : null,
    });
  };

  const vmName = (provider: Provider, env: string, role: string): string => {
    for (let n = 1; ; n++) {
      const name = `${role}-${env}-${String(n).padStart(2, "0")}`;
      if (!names.has(`${provider}:${name}`)) {
        names.add(`${provider}:${name}`);
        return name;
      }
    }
  };
  for (const [name, type, price, env] of RDS_INSTANCES) make("aws", "db", name, env, "db", type, price);
  for (const [provider, count] of [
    ["aws", 36],
    ["gcp", 22],
    ["azure", 18],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const env = rng.weighted([
        ["prod", 5],
        ["staging", 2],
        ["dev", 2],
      ]);
      const role = rng.pick(ROLES);
      const [type, price] = rng.pick(VM_TYPES[provider]);
      make(provider, "vm", vmName(provider, env, role), env, role, type, price);
    }
  }
  const order: Provider[] = ["aws", "gcp", "azure"];
  return resources.sort((a, b) => order.indexOf(a.provider) - order.indexOf(b.provider) || byText(a.name, b.name));
}

function writeCloudResources(resources: readonly CloudResource[]): void {
  const lines = resources.map((r) =>
    JSON.stringify({
      instanceId: r.id,
      name: r.name,
      cloud: r.provider,
      type: r.type,
      placement: { region: r.region, zone: r.zone },
      status: r.status,
      launchedAt: isoSeconds(r.launchedAt),
      metrics: { cpuUtilizationPct: r.cpu, memoryUtilizationPct: r.memory },
      monthlyCostUsd: r.monthlyCost,
      tags: r.tags,
    }),
  );
  writeOut("cloud_resources.jsonl", lines.join("\n") + "\n", lines.length);
}

/** One billable thing in the CUR: a usage meter, active over [from, to). */
interface Meter {
  resourceId: string | null;
  account: string;
  product: string;
  region: string;
  unit: string;
  rate: number;
  from: number;
  to: number;
  usage: (rng: Rng, day: number) => number;
}

/**
 * FinOps cases seeded on purpose (mock_sources/README.md documents them with their expected
 * figures; tests/integration/agents-finops-demo.test.ts recomputes those from the file):
 * - a Lambda retry storm: one day of `ingest-events` at 30M GB-seconds (about 500 USD) against a
 *   normal 40k-400k, a daily cost anomaly well above the minimum impact;
 * - a CloudWatch Logs burst: one day of 60 GB ingested (30 USD) against a normal 1-15 GB,
 *   statistically extreme but below a 50 USD minimum impact, so not an anomaly to report;
 * - a week of extra egress: 150 GB a day more data transfer out of the prod account for the
 *   calendar week 2026-10-12 to 2026-10-18, lost in the daily noise but not in the weekly sum.
 * The idle resources (CPU under 5%) are the inventory's own (generateCloudResources); the CUR
 * carries the daily usage of the AWS ones.
 */
const SEEDED = {
  lambdaSpike: { day: Date.UTC(2026, 9, 22), gbSeconds: 30_000_000 },
  logsBurst: { day: Date.UTC(2026, 9, 8), gb: 60 },
  egressWeek: { from: Date.UTC(2026, 9, 12), to: Date.UTC(2026, 9, 19), extraGb: 150 },
};
const on = (day: number, seeded: number) => day === seeded;

/**
 * Complete daily CUR line items over the 60 days before REF for a subset of the AWS meters, so each
 * (account, service) has a full daily series: every storage, network, serverless, database and
 * monitoring meter, the RDS instances and the idle EC2 instances of the inventory. The other EC2
 * instances of the inventory are left out to keep the file small.
 */
function writeAwsCosts(resources: readonly CloudResource[]): void {
  const rng = new Rng("aws_cost_line_items");
  const windowStart = REF - 60 * DAY; // 2026-09-02
  const always = { from: windowStart, to: REF };
  const perMonth = (gb: number) => (_: Rng, day: number) => gb / daysInMonth(day);
  const meters: Meter[] = [];

  for (const r of resources) {
    if (r.provider !== "aws" || r.awsAccount === null) continue;
    const idle = !r.stopped && r.cpu !== null && r.cpu < 5;
    if (r.kind !== "db" && !idle) continue;
    const partial = ["worker", "batch", "ml-train", "ci-runner"].includes(r.role);
    meters.push({
      resourceId: r.id,
      account: r.awsAccount,
      product: r.kind === "db" ? "AmazonRDS" : "AmazonEC2",
      region: r.region,
      unit: "Hrs",
      rate: r.hourly,
      from: Math.max(windowStart, r.launchedAt),
      to: r.stoppedAt ?? REF,
      usage: (g) => (partial && g.chance(0.4) ? g.int(4, 23) : 24),
    });
  }
  const acct = AWS_ACCOUNTS;
  const volume = () => `vol-0${rng.chars(16, HEX)}`;
  const { lambdaSpike, logsBurst, egressWeek } = SEEDED;
  meters.push(
    {
      resourceId: volume(),
      account: acct.prod,
      product: "AmazonEC2",
      region: "us-east-1",
      unit: "GB-Mo",
      rate: 0.08,
      ...always,
      usage: perMonth(500),
    },
    {
      resourceId: volume(),
      account: acct.prod,
      product: "AmazonEC2",
      region: "us-east-1",
      unit: "GB-Mo",
      rate: 0.08,
      ...always,
      usage: perMonth(200),
    },
    {
      resourceId: volume(),
      account: acct.nonprod,
      product: "AmazonEC2",
      region: "us-west-2",
      unit: "GB-Mo",
      rate: 0.08,
      ...always,
      usage: perMonth(1000),
    },
    {
      resourceId: volume(),
      account: acct.data,
      product: "AmazonEC2",
      region: "eu-west-1",
      unit: "GB-Mo",
      rate: 0.088,
      ...always,
      usage: perMonth(2000),
    },
    {
      resourceId: `arn:aws:ec2:us-east-1:${acct.prod}:natgateway/nat-0${rng.chars(16, HEX)}`,
      account: acct.prod,
      product: "AmazonEC2",
      region: "us-east-1",
      unit: "Hrs",
      rate: 0.045,
      ...always,
      usage: () => 24,
    },
    {
      resourceId: "autonomos-demo-data-lake",
      account: acct.data,
      product: "AmazonS3",
      region: "us-east-1",
      unit: "GB-Mo",
      rate: 0.023,
      ...always,
      usage: perMonth(18_500),
    },
    {
      resourceId: "autonomos-demo-logs",
      account: acct.prod,
      product: "AmazonS3",
      region: "us-east-1",
      unit: "GB-Mo",
      rate: 0.023,
      ...always,
      usage: perMonth(3_200),
    },
    {
      resourceId: "autonomos-demo-backups-eu",
      account: acct.prod,
      product: "AmazonS3",
      region: "eu-west-1",
      unit: "GB-Mo",
      rate: 0.024,
      ...always,
      usage: perMonth(7_400),
    },
    {
      resourceId: `arn:aws:lambda:us-east-1:${acct.prod}:function:ingest-events`,
      account: acct.prod,
      product: "AWSLambda",
      region: "us-east-1",
      unit: "Lambda-GB-Second",
      rate: 0.0000166667,
      ...always,
      usage: (g, day) => (on(day, lambdaSpike.day) ? lambdaSpike.gbSeconds : Math.round(g.float(40_000, 400_000) * 1000) / 1000),
    },
    {
      resourceId: `arn:aws:lambda:eu-west-1:${acct.data}:function:nightly-export`,
      account: acct.data,
      product: "AWSLambda",
      region: "eu-west-1",
      unit: "Lambda-GB-Second",
      rate: 0.0000166667,
      ...always,
      usage: (g) => Math.round(g.float(5_000, 60_000) * 1000) / 1000,
    },
    {
      resourceId: `arn:aws:dynamodb:us-east-1:${acct.prod}:table/sessions`,
      account: acct.prod,
      product: "AmazonDynamoDB",
      region: "us-east-1",
      unit: "ReadCapacityUnit-Hrs",
      rate: 0.00013,
      ...always,
      usage: () => 24 * 200,
    },
    {
      resourceId: `arn:aws:logs:us-east-1:${acct.prod}:log-group:/aws/lambda/ingest-events`,
      account: acct.prod,
      product: "AmazonCloudWatch",
      region: "us-east-1",
      unit: "GB",
      rate: 0.5,
      ...always,
      usage: (g, day) => (on(day, logsBurst.day) ? logsBurst.gb : Math.round(g.float(1, 15) * 1e6) / 1e6),
    },
    {
      resourceId: null,
      account: acct.prod,
      product: "AmazonCloudWatch",
      region: "us-east-1",
      unit: "Metrics",
      rate: 0.3 / 30,
      ...always,
      usage: () => 120,
    },
    {
      resourceId: null,
      account: acct.prod,
      product: "AWSDataTransfer",
      region: "us-east-1",
      unit: "GB",
      rate: 0.09,
      ...always,
      usage: (g, day) =>
        Math.round((g.float(10, 250) + (day >= egressWeek.from && day < egressWeek.to ? egressWeek.extraGb : 0)) * 1e6) / 1e6,
    },
    {
      resourceId: null,
      account: acct.data,
      product: "AWSDataTransfer",
      region: "eu-west-1",
      unit: "GB",
      rate: 0.09,
      ...always,
      usage: (g) => Math.round(g.float(5, 80) * 1e6) / 1e6,
    },
  );

  // Every day each meter was active, ordered like a CUR file.
  const lines: { meter: Meter; day: number }[] = [];
  for (const meter of meters) {
    for (let day = windowStart; day < REF; day += DAY) if (day + DAY > meter.from && day < meter.to) lines.push({ meter, day });
  }
  lines.sort(
    (a, b) =>
      a.day - b.day ||
      byText(a.meter.account, b.meter.account) ||
      byText(a.meter.product, b.meter.product) ||
      byText(a.meter.resourceId ?? "", b.meter.resourceId ?? "") ||
      byText(a.meter.unit, b.meter.unit),
  );
  const rows = lines.map(({ meter, day }): Row => {
    const amount = meter.usage(rng, day);
    return {
      "identity/LineItemId": rng.chars(52, "abcdefghijklmnopqrstuvwxyz234567"),
      "bill/BillingEntity": "AWS",
      "lineItem/UsageAccountId": meter.account,
      "lineItem/ProductCode": meter.product,
      "lineItem/ResourceId": meter.resourceId,
      "product/region": meter.region,
      "lineItem/UsageStartDate": isoSeconds(day),
      "lineItem/UsageAmount": Number(amount.toFixed(10)),
      "pricing/unit": meter.unit,
      "lineItem/UnblendedCost": (amount * meter.rate).toFixed(10),
      "lineItem/CurrencyCode": "USD",
    };
  });
  const columns = [
    "identity/LineItemId",
    "bill/BillingEntity",
    "lineItem/UsageAccountId",
    "lineItem/ProductCode",
    "lineItem/ResourceId",
    "product/region",
    "lineItem/UsageStartDate",
    "lineItem/UsageAmount",
    "pricing/unit",
    "lineItem/UnblendedCost",
    "lineItem/CurrencyCode",
  ];
  writeOut("aws_cost_line_items.csv", toCsv(columns, rows), rows.length);
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const accounts = generateAccounts();
  writeAccounts(accounts);
  writeContacts(accounts);
  const opportunities = generateOpportunities(accounts);
  writeInvoices(opportunities);
  const resources = generateCloudResources();
  writeCloudResources(resources);
  writeAwsCosts(resources);
}

main();
