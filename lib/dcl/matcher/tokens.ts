/**
 * Field and table names as the matcher compares them: split on case and separators, lower-cased,
 * abbreviations expanded, plurals singularized. `Account Name`, `accountName`, `ACCT_NM` and
 * `account-names` all become ["account", "name"].
 */
const ABBREVIATIONS: Record<string, string> = {
  acct: "account", acc: "account", accnt: "account", cust: "customer", custs: "customers", org: "organization", orgs: "organizations",
  co: "company", comp: "company", nm: "name", desc: "description", addr: "address", num: "number", nbr: "number", no: "number",
  amt: "amount", amnt: "amount", val: "value", qty: "quantity", cnt: "count", ct: "count", emp: "employee", emps: "employees",
  rev: "revenue", ann: "annual", yr: "year", dt: "date", ts: "timestamp", tstamp: "timestamp", crt: "created", crtd: "created",
  ins: "created", upd: "updated", mod: "modified", pct: "percent", perc: "percent", prob: "probability", ccy: "currency",
  cur: "currency", curr: "currency", ctry: "country", cntry: "country", cd: "code", mgr: "manager", mgmt: "management",
  tel: "telephone", ph: "phone", mob: "mobile", fname: "firstname", lname: "lastname", exp: "expected", opp: "opportunity",
  opps: "opportunities", oppty: "opportunity", inv: "invoice", svc: "service", srv: "service", res: "resource", rsrc: "resource",
  prov: "provider", reg: "region", loc: "location", sub: "subscription", env: "environment", usd: "usd", pk: "id", fk: "id",
  sic: "industry", web: "website", url: "website", tbl: "", vw: "", dim: "", fct: "", stg: "",
};

const STOP = new Set(["the", "of", "a", "an", "in", "is", "c", ""]);

/** Splits a raw name into lower-case words: camelCase, snake_case, dotted paths, slashes, spaces, digits. */
export function splitWords(name: string): string[] {
  return name
    .normalize("NFKC")
    .replace(/%/g, " percent ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function singular(word: string): string {
  if (word.length <= 3 || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ses") || word.endsWith("xes")) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** The words of a name after expanding abbreviations and singularizing, stop words removed. */
export function tokenize(name: string): string[] {
  return splitWords(name)
    .flatMap((w) => (Object.hasOwn(ABBREVIATIONS, w) ? ABBREVIATIONS[w]! : w).split(" "))
    .map(singular)
    .filter((w) => !STOP.has(w));
}

/** The name with every separator removed, for `AnnualRevenue` = `annual_revenue` = `annualrevenue`. */
export function compact(tokens: string[]): string {
  return tokens.join("");
}
