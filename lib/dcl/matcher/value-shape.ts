import type { JsonValue } from "@/lib/aam/connectors/types";

/** What a field's sample values look like. Each share is the fraction of non-empty samples with that shape. */
export type ValueShape = {
  count: number;
  email: number;
  url: number;
  phone: number;
  isoDate: number;
  isoTimestamp: number;
  epochSeconds: number;
  epochMillis: number;
  currencyCode: number;
  /** Share of currency codes written in lower case (Stripe's convention). */
  lowerCaseCurrency: number;
  country: number;
  region: number;
  booleanLike: number;
  integer: number;
  numeric: number;
  /** Numeric samples between 0 and 1, and between 0 and 100. */
  unitInterval: number;
  percentRange: number;
  personName: number;
  idLike: number;
  distinct: number;
  maxNumber: number | null;
};

const CURRENCIES = new Set(
  "AED ARS AUD BDT BGN BHD BRL CAD CHF CLP CNY COP CZK DKK EGP EUR GBP HKD HUF IDR ILS INR ISK JOD JPY KES KRW KWD MAD MXN MYR NGN NOK NZD OMR PEN PHP PKR PLN QAR RON RSD RUB SAR SEK SGD THB TND TRY TWD UAH UGX USD VND XAF XOF ZAR".split(" "),
);
const COUNTRY_NAMES = new Set(
  "united states|usa|us|united kingdom|uk|great britain|germany|france|spain|italy|netherlands|belgium|sweden|norway|denmark|finland|ireland|portugal|poland|austria|switzerland|canada|mexico|brazil|argentina|chile|colombia|japan|china|india|singapore|australia|new zealand|south korea|korea|israel|south africa|nigeria|kenya|egypt|united arab emirates|uae|saudi arabia|turkey|indonesia|philippines|vietnam|thailand|malaysia|hong kong|taiwan".split("|"),
);
const REGION = /^(?:[a-z]{2}(?:-gov)?-[a-z]+-\d|[a-z]+-[a-z]+\d|(?:east|west|north|south|central)[a-z]*\d?|[a-z]+(?:east|west|north|south|central)\d?|global)$/;

function textOf(value: JsonValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "object") return null;
  const s = String(value).trim();
  return s === "" ? null : s;
}

/** Profiles sample values. Pure and cheap: the matcher calls it once per source field. */
export function describeValues(samples: JsonValue[]): ValueShape {
  const values = samples.map(textOf).filter((v): v is string => v !== null);
  const n = values.length || 1;
  const share = (test: (v: string) => boolean) => values.filter(test).length / n;
  const numbers = values.map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : null)).filter((v): v is number => v !== null);
  const currencyCodes = values.filter((v) => CURRENCIES.has(v.toUpperCase()));
  return {
    count: values.length,
    email: share((v) => /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v)),
    url: share((v) => /^(https?:\/\/)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i.test(v) && !v.includes("@")),
    phone: share((v) => /^[+(]?\d[\d\s().-]{6,}\d$/.test(v) && /[\s().+-]/.test(v)),
    isoDate: share((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)),
    isoTimestamp: share((v) => /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v)),
    epochSeconds: share((v) => /^\d{10}$/.test(v)),
    epochMillis: share((v) => /^\d{13}$/.test(v)),
    currencyCode: currencyCodes.length / n,
    lowerCaseCurrency: currencyCodes.length ? currencyCodes.filter((v) => v === v.toLowerCase()).length / currencyCodes.length : 0,
    country: share((v) => COUNTRY_NAMES.has(v.toLowerCase()) || /^[A-Z]{2}$/.test(v)),
    region: share((v) => REGION.test(v.toLowerCase()) && /\d|east|west|north|south|central|global/.test(v.toLowerCase())),
    booleanLike: share((v) => /^(true|false|yes|no|y|n|t|f)$/i.test(v)),
    integer: share((v) => /^-?\d+$/.test(v)),
    numeric: share((v) => /^-?\d+(\.\d+)?$/.test(v)),
    unitInterval: numbers.length ? numbers.filter((x) => x >= 0 && x <= 1).length / n : 0,
    percentRange: numbers.length ? numbers.filter((x) => x >= 0 && x <= 100).length / n : 0,
    personName: share((v) => /^\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){1,2}$/u.test(v)),
    idLike: share((v) => !/\s/.test(v) && v.length >= 6 && /\d/.test(v) && /^[\w:/.+=-]+$/.test(v)),
    distinct: new Set(values).size / n,
    maxNumber: numbers.length ? Math.max(...numbers) : null,
  };
}
