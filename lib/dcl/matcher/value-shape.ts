import type { JsonValue } from "@/lib/aam/connectors/types";

/** What a field's sample values look like. Each share is the fraction of non-empty samples with that shape. */
export type ValueShape = {
  count: number;
  email: number;
  url: number;
  phone: number;
  isoDate: number;
  isoTimestamp: number;
  /** SAP's and many exports' `20240131`, and day first `31012024`. */
  compactDate: number;
  /** `31.01.2024`, `31/01/2024`, `01/31/2024`, with or without a time. */
  localDate: number;
  epochSeconds: number;
  epochMillis: number;
  /** Any of the date shapes above. */
  dateLike: number;
  /** ISO 4217 codes, alphabetic (`EUR`) or numeric (`978`). */
  currencyCode: number;
  /** Share of currency codes written in lower case (Stripe's convention). */
  lowerCaseCurrency: number;
  country: number;
  /** Regions, and zones or display names at 0.6 (they name a region less directly). */
  region: number;
  /** true/false, yes/no and their one-letter and other-language forms (`X`, `J`/`N`, `S`/`N`, `O`/`N`, `ja`/`nein`), at most two distinct. */
  booleanLike: number;
  integer: number;
  /** Numbers as written anywhere: `1234.5`, `1,234.50`, `1.234,50`, `1234,5`, SAP's trailing minus `12.50-`, `€ 12`. */
  numeric: number;
  /** Digits with leading zeros (`0000100042`): ids and codes, never quantities. */
  zeroPadded: number;
  /** Numeric samples between 0 and 1, and between 0 and 100. */
  unitInterval: number;
  percentRange: number;
  personName: number;
  /** Names with a company's legal form (`GmbH`, `Ltda`, `S.r.l.`, `B.V.`, `Inc.`): organizations, never people. */
  companyName: number;
  /** Several words and no digit (`Rossi Impianti S.r.l.`, `Bäckerei Schmidt GmbH`): names, never ids. */
  multiWord: number;
  idLike: number;
  distinct: number;
  maxNumber: number | null;
};

const CURRENCIES = new Set(
  "AED ARS AUD BDT BGN BHD BRL CAD CHF CLP CNY COP CZK DKK EGP EUR GBP HKD HUF IDR ILS INR ISK JOD JPY KES KRW KWD MAD MXN MYR NGN NOK NZD OMR PEN PHP PKR PLN QAR RON RSD RUB SAR SEK SGD THB TND TRY TWD UAH UGX USD VND XAF XOF ZAR".split(
    " ",
  ),
);
/** Country names in English and the matcher's other languages, accents folded, and common ISO alpha-3 codes. */
const COUNTRY_NAMES = new Set(
  [
    "united states|usa|us|u.s.|u.s.a.|united kingdom|uk|great britain|germany|france|spain|italy|netherlands|belgium|sweden|norway|denmark|finland|ireland|portugal|poland|austria|switzerland|canada|mexico|brazil|argentina|chile|colombia|japan|china|india|singapore|australia|new zealand|south korea|korea|israel|south africa|nigeria|kenya|egypt|united arab emirates|uae|saudi arabia|turkey|indonesia|philippines|vietnam|thailand|malaysia|hong kong|taiwan|luxembourg|czech republic|czechia|hungary|romania|greece|peru",
    "deutschland|osterreich|schweiz|frankreich|italien|spanien|niederlande|belgien|vereinigte staaten|vereinigtes konigreich|grossbritannien|polen|schweden|danemark|kanada|brasilien|mexiko|japan|luxemburg|tschechien",
    "allemagne|autriche|suisse|espagne|italie|pays-bas|belgique|etats-unis|royaume-uni|pologne|suede|danemark|bresil|mexique|japon|chine|inde",
    "alemania|austria|suiza|francia|espana|italia|paises bajos|belgica|estados unidos|reino unido|polonia|suecia|dinamarca|brasil|mexico|japon",
    "alemanha|franca|espanha|italia|holanda|paises baixos|belgica|suica|estados unidos|reino unido|polonia|suecia|japao|china|india|mexico|argentina|chile|portugal",
    "germania|svizzera|francia|spagna|paesi bassi|belgio|stati uniti|regno unito|polonia|svezia|danimarca|brasile|messico|giappone|cina",
    "duitsland|oostenrijk|zwitserland|frankrijk|spanje|italie|nederland|belgie|verenigde staten|verenigd koninkrijk|polen|zweden|denemarken|brazilie|mexico",
    "usa|gbr|deu|fra|ita|esp|nld|bel|che|aut|prt|bra|mex|can|aus|jpn|chn|ind|pol|swe|nor|dnk|fin|irl|lux|cze|hun|rou|grc|tur|zaf|arg|chl|col|per|sgp|nzl|kor|isr|are",
  ]
    .join("|")
    .split("|"),
);
/** ISO 3166 alpha-2 country codes (and `UK`, `XK`): two capitals that are not one (`NY`, `SP`, `EX`) are a state or something else. */
const COUNTRY_CODES = new Set(
  [
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD",
    "CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF",
    "GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN",
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA",
    "NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI",
    "SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI",
    "VN VU WF WS YE YT ZA ZM ZW UK XK",
  ]
    .join(" ")
    .split(" "),
);
const foldCountry = (v: string) => v.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
/** ISO 4217 numeric codes of the currencies above. */
const NUMERIC_CURRENCIES = new Set(
  "784 032 036 050 975 048 986 124 756 152 156 170 203 208 818 978 826 344 348 360 376 356 352 400 392 404 410 414 504 484 458 566 578 554 512 604 608 586 985 634 946 941 643 682 752 702 764 788 949 901 800 840 704 950 952 710".split(
    " ",
  ),
);
const TRUE_FALSE = new Set([
  "true",
  "false",
  "yes",
  "no",
  "y",
  "n",
  "t",
  "f",
  "x",
  "j",
  "ja",
  "nein",
  "oui",
  "non",
  "o",
  "s",
  "si",
  "sí",
  "sim",
  "nao",
  "não",
  "vero",
  "falso",
  "waar",
  "onwaar",
  "wahr",
  "falsch",
  "verdadero",
  "verdadeiro",
]);
/** Cloud regions: `us-east-1`, `westeurope`, `europe-west3`, `eu-frankfurt-1`, DigitalOcean's `nyc3`, Linode's `us-east`, Scaleway's `fr-par-1`. */
const REGION =
  /^(?:[a-z]{2}(?:-gov)?-[a-z]+-\d|[a-z]+-[a-z]+\d|[a-z]{2}-(?:north|south)?(?:east|west|central)|(?:east|west|north|south|central)[a-z]*\d?|[a-z]+(?:east|west|north|south|central)\d?|[a-z]{3}\d|global)$/;
/** Regions by display name: `US East (N. Virginia)`, `China (Hangzhou)`, `West Europe`, `East US 2`, `Southeast Asia`. */
const REGION_NAME =
  /^(?:[A-Z][\w.-]*(?: [A-Z][\w.-]*)* \([\w .,-]+\)|(?:North|South|East|West|Central|Southeast|Northeast|Southwest|Northwest) [A-Z][\w]*(?: \d)?|[A-Z][\w]* (?:North|South|East|West|Central)(?: \d)?)$/;
/** Availability zones, a region's parts: `us-east-1a`, `us-central1-a`. */
const isRegion = (v: string) => REGION.test(v) && /\d|east|west|north|south|central|global/.test(v);
/** A resource URL's last segment, lower-cased: GCP's `.../zones/us-central1-a` is the zone `us-central1-a`. */
const lastSegment = (v: string) => (/^https?:\/\//.test(v) ? (v.split("/").filter(Boolean).pop() ?? v) : v).toLowerCase();

/** Datacenters by airport code (Vultr's `ewr`, Contabo's `SIN`), counted like zones: three letters of one case that are no currency. */
const isAirportCode = (v: string) => /^(?:[a-z]{3}|[A-Z]{3})$/.test(v) && !CURRENCIES.has(v.toUpperCase());
const ZONE = /^(?:[a-z]{2}(?:-gov)?-[a-z]+-\d[a-z]|[a-z]+-[a-z]+\d-[a-z])$/;

function textOf(value: JsonValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "object") return null;
  const s = String(value).trim();
  // SAP writes an empty date as 00000000.
  return s === "" || s === "00000000" ? null : s;
}

/** A number as written in any locale, or null: grouping by `,` `.` `'` or spaces, a decimal `.` or `,`, a sign in front or (SAP) behind, a currency sign. */
export function parseNumber(text: string): number | null {
  const bare = text.replace(/^[$€£¥]\s?|\s?(?:[$€£¥]|EUR|USD|GBP)$/g, "");
  const body = bare.replace(/^-|-$/g, "");
  let normalized: string | null = null;
  if (/^\d+(\.\d+)?$/.test(body)) normalized = body;
  else if (/^\d+,\d+$/.test(body)) normalized = body.replace(",", ".");
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) normalized = body.replace(/,/g, "");
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(body)) normalized = body.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}([ '\u00a0\u202f]\d{3})+([.,]\d+)?$/.test(body)) normalized = body.replace(/[ '\u00a0\u202f]/g, "").replace(",", ".");
  if (normalized === null) return null;
  const n = Number(normalized);
  return body !== bare ? -n : n;
}

const validDay = (d: number, m: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31;

/** `31.01.2024`, `31/01/24`, `01/31/2024 10:00`: either order, as long as one reading is a calendar day. */
function isLocalDate(v: string): boolean {
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return validDay(a, b) || validDay(b, a);
}

/** Month names' first three letters in English, German, French, Spanish, Portuguese, Italian and Dutch, with and without accents. */
const MONTHS = new Set(
  "jan feb mar apr may jun jul aug sep oct nov dec mai okt dez mrz maa fev fév avr jui aou aoû déc ene abr ago dic set out gen mag giu lug ott mei".split(
    " ",
  ),
);

/** A date written with its month's name: `Sep 2, 2024`, `02-Sep-2024`, `2. September 2024`, `31 déc. 2024`. */
function isNamedMonthDate(v: string): boolean {
  const words = v.split(/[\s.,/-]+/).filter(Boolean);
  const letters = words.filter((w) => /\p{L}/u.test(w));
  const numbers = words.filter((w) => /^\d{1,4}$/.test(w));
  return (
    letters.length === 1 &&
    numbers.length >= 1 &&
    letters.length + numbers.length === words.length &&
    MONTHS.has(letters[0]!.toLowerCase().slice(0, 3)) &&
    numbers.some((n) => n.length === 4 || Number(n) <= 31)
  );
}

/** Microsoft JSON dates (OData v2, SAP Gateway, Xero): `/Date(1707955200000+0000)/`. */
const isJsonDate = (v: string) => /^\/Date\(-?\d+([+-]\d{4})?\)\/$/.test(v);
/** `20240131`, and day first (`31012024`, DATEV and other European exports). */
const isCompactDate = (v: string) =>
  /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(v) || /^(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(19|20)\d{2}$/.test(v);
/** Epoch seconds and milliseconds between 2000 and 2050: other 10- and 13-digit numbers (phone numbers, padded ids) are not times. */
const isEpochSeconds = (v: string) => /^[12]\d{9}$/.test(v) && Number(v) >= 946_684_800 && Number(v) <= 2_524_608_000;
const isEpochMillis = (v: string) => /^[12]\d{12}$/.test(v) && Number(v) >= 946_684_800_000 && Number(v) <= 2_524_608_000_000;

/** Legal forms of companies in the matcher's languages and beyond, as a whole word at either end of a name. */
const LEGAL_FORM =
  /(?:^|[\s,])(?:gmbh|ag|kg|ohg|gbr|ug|e\.\s?k\.|kgaa|ltd\.?|limited|llc|llp|inc\.?|corp\.?|co\.|plc|s\.?a\.?|s\.?a\.?s\.?|sarl|eurl|s\.?l\.?|s\.?l\.?u\.?|s\.?r\.?l\.?|s\.?p\.?a\.?|s\.?n\.?c\.?|ltda\.?|lda\.?|eireli|me|b\.?v\.?|n\.?v\.?|bvba|vof|oy|ab|a\/s|aps|as|sp\. z o\.o\.)$/i;

/** Profiles sample values. Pure and cheap: the matcher calls it once per source field. */
export function describeValues(samples: JsonValue[]): ValueShape {
  const values = samples.map(textOf).filter((v): v is string => v !== null);
  const n = values.length || 1;
  const share = (test: (v: string) => boolean) => values.filter(test).length / n;
  const parsed = values.map(parseNumber);
  const numbers = parsed.filter((v): v is number => v !== null);
  const currencyCodes = values.filter((v) => CURRENCIES.has(v.toUpperCase()));
  const numericCurrencies = values.filter((v) => NUMERIC_CURRENCIES.has(v));
  const answers = new Set(values.map((v) => v.toLowerCase()));
  const dateLike = share(
    (v) =>
      /^\d{4}-\d{2}-\d{2}/.test(v) ||
      isCompactDate(v) ||
      isLocalDate(v) ||
      isNamedMonthDate(v) ||
      isJsonDate(v) ||
      isEpochSeconds(v) ||
      isEpochMillis(v),
  );
  return {
    count: values.length,
    email: share((v) => /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v)),
    url: share((v) => /^(https?:\/\/)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i.test(v) && !v.includes("@")),
    phone: share((v) => /^[+(]?\d[\d\s().-]{6,}\d$/.test(v) && /[\s().+-]/.test(v)),
    isoDate: share((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)),
    isoTimestamp: share((v) => /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v)),
    compactDate: share(isCompactDate),
    localDate: share(isLocalDate),
    epochSeconds: share(isEpochSeconds),
    epochMillis: share(isEpochMillis),
    dateLike,
    currencyCode: (currencyCodes.length + numericCurrencies.length) / n,
    lowerCaseCurrency: currencyCodes.length ? currencyCodes.filter((v) => v === v.toLowerCase()).length / currencyCodes.length : 0,
    country: share((v) => COUNTRY_NAMES.has(foldCountry(v)) || COUNTRY_CODES.has(v)),
    region:
      share((v) => isRegion(lastSegment(v))) + 0.6 * share((v) => ZONE.test(lastSegment(v)) || REGION_NAME.test(v) || isAirportCode(v)),
    booleanLike: answers.size <= 2 ? share((v) => TRUE_FALSE.has(v.toLowerCase())) : 0,
    integer: share((v) => /^-?\d+-?$/.test(v)),
    numeric: parsed.filter((v) => v !== null).length / n,
    zeroPadded: share((v) => /^0\d{3,}$/.test(v)),
    unitInterval: numbers.length ? numbers.filter((x) => x >= 0 && x <= 1).length / n : 0,
    percentRange: numbers.length ? numbers.filter((x) => x >= 0 && x <= 100).length / n : 0,
    personName: share((v) => /^\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){1,2}$/u.test(v)),
    companyName: share((v) => /\p{L}[\s,]/u.test(v) && LEGAL_FORM.test(v.trim())),
    multiWord: share((v) => /\p{L}\s+\p{L}/u.test(v) && !/\d/.test(v)),
    idLike: share((v) => (!/\s/.test(v) && v.length >= 4 && /\d/.test(v) && /^[\w:/.+=-]+$/.test(v)) || /^0\d{3,}$/.test(v)),
    distinct: new Set(values).size / n,
    maxNumber: numbers.length ? Math.max(...numbers) : null,
  };
}
