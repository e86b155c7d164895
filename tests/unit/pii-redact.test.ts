import { describe, expect, it } from "vitest";
import { parseRedactArgs, redactCommand } from "@/lib/cli/redact";
import { cardScheme, luhnValid } from "@/lib/nlp/redact/detectors/card";
import { dniValid } from "@/lib/nlp/redact/detectors/es-dni";
import { nirValid } from "@/lib/nlp/redact/detectors/fr-nir";
import { ibanChecksumValid } from "@/lib/nlp/redact/detectors/iban";
import { ipv6Valid } from "@/lib/nlp/redact/detectors/ip";
import { fiscalCodeValid } from "@/lib/nlp/redact/detectors/it-fiscal-code";
import { bsnValid } from "@/lib/nlp/redact/detectors/nl-bsn";
import { ninoValid } from "@/lib/nlp/redact/detectors/uk-nino";
import { ssnValid } from "@/lib/nlp/redact/detectors/us-ssn";
import { looksRandom } from "@/lib/nlp/redact/detectors/entropy";
import { createRedactor, detectPii, redact, redactJson, resolveOverlaps, type PiiType } from "@/lib/nlp/redact";

/** The values found in `text` as [type, value] pairs, in order. */
function found(text: string, knownNames?: string[]): [PiiType, string][] {
  return detectPii(text, { knownNames }).map((d) => [d.type, text.slice(d.start, d.end)]);
}

const none = (text: string) => expect(found(text)).toEqual([]);

describe("checksums", () => {
  it("Luhn and issuer ranges decide what a card is", () => {
    for (const n of [
      "4111111111111111",
      "5555555555554444",
      "378282246310005",
      "6011111111111117",
      "3530111333300000",
      "30569309025904",
      "4012888888881881",
      "2223000048400011",
    ]) {
      expect(luhnValid(n)).toBe(true);
      expect(cardScheme(n)).toBeDefined();
    }
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(cardScheme("0000000000000000")).toBeUndefined(); // passes Luhn, no issuer
    expect(cardScheme("5555555555554")).toBeUndefined(); // Mastercard is 16 digits
  });

  it("IBAN: mod 97 and the country's length", () => {
    for (const iban of [
      "GB82 WEST 1234 5698 7654 32",
      "DE89370400440532013000",
      "FR14 2004 1010 0505 0001 3M02 606",
      "NL91ABNA0417164300",
      "NO9386011117947",
      "BE68539007547034",
      "CH9300762011623852957",
    ])
      expect(ibanChecksumValid(iban)).toBe(true);
    expect(ibanChecksumValid("GB82 WEST 1234 5698 7654 33")).toBe(false); // one digit off
    expect(ibanChecksumValid("GB82 WEST 1234 5698 7654 3")).toBe(false); // GB is 22 long
    expect(ibanChecksumValid("XX82WEST12345698765432")).toBe(false); // no such country
  });

  it("US SSN: area not 000, 666 or 9xx, group not 00, serial not 0000", () => {
    expect(ssnValid("123", "45", "6789")).toBe(true);
    expect(ssnValid("899", "99", "9999")).toBe(true);
    for (const [a, g, s] of [
      ["000", "45", "6789"],
      ["666", "45", "6789"],
      ["900", "45", "6789"],
      ["999", "45", "6789"],
      ["123", "00", "6789"],
      ["123", "45", "0000"],
    ])
      expect(ssnValid(a, g, s)).toBe(false);
  });

  it("UK NINO: allowed letters, unissued prefixes, suffix A-D", () => {
    expect(ninoValid("AB123456C")).toBe(true);
    expect(ninoValid("JG 10 37 42 B")).toBe(true);
    for (const bad of [
      "QQ123456C",
      "DA123456A",
      "AO123456A",
      "BG123456A",
      "GB123456A",
      "NK123456A",
      "KN123456A",
      "NT123456A",
      "TN123456A",
      "ZZ123456A",
      "AB123456E",
    ])
      expect(ninoValid(bad)).toBe(false);
  });

  it("Spanish DNI and NIE letters", () => {
    expect(dniValid("12345678Z")).toBe(true);
    expect(dniValid("12345678-Z")).toBe(true);
    expect(dniValid("12345678A")).toBe(false);
    expect(dniValid("X1234567L")).toBe(true);
    expect(dniValid("X1234567M")).toBe(false);
  });

  it("French NIR key, Corsica included", () => {
    expect(nirValid("1 85 05 78 006 084 91")).toBe(true);
    expect(nirValid("185057800608491")).toBe(true);
    expect(nirValid("185057800608492")).toBe(false);
    expect(nirValid("1 75 03 2A 004 123 29")).toBe(true);
    expect(nirValid("1 75 03 2B 004 123 56")).toBe(true);
    expect(nirValid("1 75 03 2A 004 123 56")).toBe(false);
  });

  it("Dutch BSN 11-proof", () => {
    expect(bsnValid("111222333")).toBe(true);
    expect(bsnValid("123456782")).toBe(true);
    expect(bsnValid("111222334")).toBe(false);
    expect(bsnValid("000000000")).toBe(false);
  });

  it("Italian codice fiscale check letter, homocodic codes included", () => {
    expect(fiscalCodeValid("RSSMRA85T10A562S")).toBe(true);
    expect(fiscalCodeValid("RSSMRA85T10A56NH")).toBe(true);
    expect(fiscalCodeValid("RSSMRA85T10A562T")).toBe(false);
    expect(fiscalCodeValid("RSSMRA85T35A562S")).toBe(false); // day 35 does not exist
  });

  it("IPv6 shapes", () => {
    for (const ip of [
      "2001:db8:85a3::8a2e:370:7334",
      "::1",
      "fe80::1",
      "2001:0db8:0000:0000:0000:ff00:0042:8329",
      "::ffff:192.0.2.128",
      "fe80::",
    ])
      expect(ipv6Valid(ip)).toBe(true);
    for (const bad of [
      "::",
      "1::2::3",
      "12:30:45",
      "00:1A:2B:3C:4D:5E",
      "2001:db8:85a3:0:0:8a2e:370:7334:1",
      "12345::1",
      "::ffff:300.0.2.1",
    ])
      expect(ipv6Valid(bad)).toBe(false);
  });
});

describe("detectors", () => {
  it("emails, not asset names or SSH remotes", () => {
    expect(found("write to Ada.Lovelace+crm@analytical-engines.co.uk.")).toEqual([["email", "Ada.Lovelace+crm@analytical-engines.co.uk"]]);
    none("use icon@2x.png, @types/node@20.11.5 and git@github.com:acme/crm.git");
  });

  it("phones: international, North American, national with trunk 0, or after a phone word", () => {
    expect(found("London +44 20 7946 0958, Berlin 0049 (0)30 901820 15, NYC (212) 555-0198, toll-free 1-800-555-0199")).toEqual([
      ["phone", "+44 20 7946 0958"],
      ["phone", "0049 (0)30 901820 15"],
      ["phone", "(212) 555-0198"],
      ["phone", "1-800-555-0199"],
    ]);
    expect(found("portable 06 12 34 56 78; Tel.: 612 345 678")).toEqual([
      ["phone", "06 12 34 56 78"],
      ["phone", "612 345 678"],
    ]);
    none(
      "on 2024-01-31 / 31.01.2024 / 01/31/2024 order ORD-2024-000123 cost 1 234 567 units or 149.99, zip 94107-1234, invoice 0123456789",
    );
  });

  it("cards: grouped or not, Luhn and issuer checked, not inside longer numbers", () => {
    expect(found("Visa 4111 1111 1111 1111, Amex 3782 822463 10005, MC 5555-5555-5555-4444, raw 4012888888881881")).toEqual([
      ["card", "4111 1111 1111 1111"],
      ["card", "3782 822463 10005"],
      ["card", "5555-5555-5555-4444"],
      ["card", "4012888888881881"],
    ]);
    none("4111 1111 1111 1112 fails Luhn, 1234 5678 9012 3456 too, USPS 9400 1118 9922 3397 4512 85, id 94001111111111111111");
  });

  it("IBANs compact or grouped, the check decides", () => {
    expect(found("pay DE89 3704 0044 0532 0130 00 or NL91ABNA0417164300.")).toEqual([
      ["iban", "DE89 3704 0044 0532 0130 00"],
      ["iban", "NL91ABNA0417164300"],
    ]);
    none("not DE89 3704 0044 0532 0130 01 nor GB82 WEST 1234 5698 7654 33");
  });

  it("SSNs: dashed unless a part/order label precedes; spaced or compact only after an SSN keyword", () => {
    expect(found("SSN 123-45-6789; social security number 123 45 6789; ssn: 123456789")).toEqual([
      ["us_ssn", "123-45-6789"],
      ["us_ssn", "123 45 6789"],
      ["us_ssn", "123456789"],
    ]);
    expect(found("form lists 234-56-7890")).toEqual([["us_ssn", "234-56-7890"]]);
    none("SSN 666-12-3456 or 900-12-3456 or 123-00-4567; part no. 345-22-1098 (was 345-22-1097); order 123 45 6789");
  });

  it("national ids with checksums", () => {
    expect(found("NINO AB 12 34 56 C, DNI 12345678Z, NIE X1234567L, NIR 1 85 05 78 006 084 91, CF RSSMRA85T10A562S")).toEqual([
      ["uk_nino", "AB 12 34 56 C"],
      ["es_dni", "12345678Z"],
      ["es_dni", "X1234567L"],
      ["fr_nir", "1 85 05 78 006 084 91"],
      ["it_fiscal_code", "RSSMRA85T10A562S"],
    ]);
    none("QQ 12 34 56 C, 12345678A, 185057800608492, RSSMRA85T10A562T");
  });

  it("BSN only after a BSN keyword (one 9-digit number in eleven passes the 11-proof)", () => {
    expect(found("BSN: 111222333")).toEqual([["nl_bsn", "111222333"]]);
    none("order 111222333 shipped");
  });

  it("IP addresses, not versions, user agents, networks or longer dotted numbers", () => {
    expect(found("from 203.0.113.42:8443 and [2001:db8::1]:443, loopback ::1, mapped ::ffff:192.0.2.1")).toEqual([
      ["ip", "203.0.113.42"],
      ["ip", "2001:db8::1"],
      ["ip", "::1"],
      ["ip", "::ffff:192.0.2.1"],
    ]);
    none(
      "version 1.2.3.4, Chrome/120.0.0.0, 10.0.1.2-beta, 1.3.6.1.4.1, 256.1.1.1, 010.1.1.1, subnet 10.0.0.0/8, MAC 00:1A:2B:3C:4D:5E at 12:30:45",
    );
    expect(found("agent version 1.2.3.4 on host 10.0.0.7")).toEqual([["ip", "10.0.0.7"]]);
    // An address word nearer than the version word wins: ambiguous quads are redacted.
    expect(found("upgraded from 1.2.3.4")).toEqual([["ip", "1.2.3.4"]]);
  });

  it("API keys by prefix, JWTs, bearer tokens, secret assignments, URL passwords", () => {
    const ghp = `ghp_${"aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6"}`;
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    expect(found(`token ${ghp} and Authorization: Bearer ${jwt}`)).toEqual([
      ["api_key", ghp],
      ["api_key", jwt],
    ]);
    expect(found("AWS AKIAIOSFODNN7EXAMPLE, stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc, slack xoxb-2048736150-Hq7ZtXw2vL")).toEqual([
      ["api_key", "AKIAIOSFODNN7EXAMPLE"],
      ["api_key", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"],
      ["api_key", "xoxb-2048736150-Hq7ZtXw2vL"],
    ]);
    expect(found('password: "Tr0ub4dor&3"\nDATABASE_URL=postgres://app:s3cr3t-Pass@db:5432/x')).toEqual([
      ["api_key", "Tr0ub4dor&3"],
      ["api_key", "s3cr3t-Pass"],
    ]);
    none("password: ${VAULT_SECRET}\npassword: changeme\ntoken_ttl: 3600\napi_key: <your-key-here>");
  });

  it("random-looking strings are secrets; hex digests, UUIDs, identifiers and URL paths are not", () => {
    expect(looksRandom("Zq8Lm3Rt7Wx2Kp9Vn4Bc6Hy1Jd5Fs0GaT3uE8iO")).toBe(true);
    expect(found("signing secret Zq8Lm3Rt7Wx2Kp9Vn4Bc6Hy1Jd5Fs0GaT3uE8iO")).toEqual([
      ["api_key", "Zq8Lm3Rt7Wx2Kp9Vn4Bc6Hy1Jd5Fs0GaT3uE8iO"],
    ]);
    none(
      "commit a3f5c9e1d7b24f8e6c0a9b1d3e5f7a2c4b6d8e0f, sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, id 550e8400-e29b-41d4-a716-446655440000",
    );
    none("getCustomerAccountSettingsByTenantId2024 in src/services/billing/InvoiceReconciliationService2.ts");
    none(
      "https://docs.google.com/document/d/1A2b3C4d5E6f7G8h9I0jKlMnOpQrStUvWxYz/edit and RSA SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8",
    );
    expect(found("api_key: 550e8400-e29b-41d4-a716-446655440000")).toEqual([["api_key", "550e8400-e29b-41d4-a716-446655440000"]]);
  });

  it("known names: whole, 'Last, First', any case, word-bounded", () => {
    const known = ["Ada Lovelace", "Grace Brewster Hopper"];
    expect(found("ADA LOVELACE met lovelace, ada and Grace Hopper (Hopper, Grace)", known)).toEqual([
      ["person", "ADA LOVELACE"],
      ["person", "lovelace, ada"],
      ["person", "Grace Hopper"],
      ["person", "Hopper, Grace"],
    ]);
    expect(found("ADAM LOVELACED wrote to ada.lovelace@example.com", known)).toEqual([["email", "ada.lovelace@example.com"]]);
  });

  it("names by pattern: honorifics, labels, salutations, sign-offs, display names, first names", () => {
    expect(found("Dr. Grace Hopper and Herr Jürgen Weißmann")).toEqual([
      ["person", "Grace Hopper"],
      ["person", "Jürgen Weißmann"],
    ]);
    expect(found("Name: Olusegun Adeyemi\nAccount: ACC-77120")).toEqual([["person", "Olusegun Adeyemi"]]);
    expect(found("Dear Michael Brown,\nthanks.\nKind regards,\nLaura Schmidt")).toEqual([
      ["person", "Michael Brown"],
      ["person", "Laura Schmidt"],
    ]);
    expect(found('"Kevin Oduya" <k@example.ie> and Sarah Thompson called')).toEqual([
      ["person", "Kevin Oduya"],
      ["email", "k@example.ie"],
      ["person", "Sarah Thompson"],
    ]);
    none("Customer: Northwind Traders Ltd\nOwner: the Data Platform team\nDear Customer,");
  });
});

describe("redact", () => {
  it("replaces with placeholders, keeps offsets into the input and counts every redaction", () => {
    const input = "😀 Mail ada@example.com or ADA@EXAMPLE.COM, call +44 20 7946 0958 / +442079460958, or bob@example.com.";
    const result = redact(input);
    expect(result.text).toBe("😀 Mail [EMAIL_1] or [EMAIL_1], call [PHONE_1] / [PHONE_1], or [EMAIL_2].");
    expect(result.spans.map((s) => [s.type, input.slice(s.start, s.end)])).toEqual([
      ["email", "ada@example.com"],
      ["email", "ADA@EXAMPLE.COM"],
      ["phone", "+44 20 7946 0958"],
      ["phone", "+442079460958"],
      ["email", "bob@example.com"],
    ]);
    expect(result.counts.email).toBe(3);
    expect(result.counts.phone).toBe(2);
    expect(result.counts.card).toBe(0);
  });

  it("gives a person's later partial mentions the same placeholder", () => {
    expect(
      redact("Lovelace, Ada called. Ada wants a quote; Mr Lovelace agreed. Sarah Thompson too.", { knownNames: ["Ada Lovelace"] }).text,
    ).toBe("[PERSON_1] called. [PERSON_1] wants a quote; Mr [PERSON_1] agreed. [PERSON_2] too.");
  });

  it("only the requested types", () => {
    expect(redact("ada@example.com 203.0.113.9", { types: ["ip"] }).text).toBe("ada@example.com [IP_1]");
  });

  it("resolves overlaps: longest first, then the most specific", () => {
    const d = (start: number, end: number, type: PiiType, specificity: number) => ({ start, end, type, key: `${start}`, specificity });
    expect(
      resolveOverlaps([
        d(0, 10, "phone", 2),
        d(0, 22, "iban", 3),
        d(30, 40, "api_key", 1),
        d(30, 40, "us_ssn", 3),
        d(35, 45, "person", 1),
      ]).map((x) => x.type),
    ).toEqual(["iban", "us_ssn"]);
  });

  it("keeps placeholders consistent across texts of one redactor", () => {
    const redactor = createRedactor();
    expect(redactor.redact("ada@example.com").text).toBe("[EMAIL_1]");
    expect(redactor.redact("bob@example.com then ada@example.com").text).toBe("[EMAIL_2] then [EMAIL_1]");
    expect(redactor.counts().email).toBe(3);
  });
});

describe("redactJson", () => {
  it("redacts every string at any depth with shared placeholders, reading the key as context", () => {
    const payload = {
      contact: { email: "ada@example.com", ssn: "123456789", id: "123456789", tags: ["vip", "ada@example.com"] },
      name: "Ada Lovelace",
      amount: 4111111111111111,
      ok: true,
    };
    const { value, counts } = redactJson(payload);
    expect(value).toEqual({
      contact: { email: "[EMAIL_1]", ssn: "[US_SSN_1]", id: "123456789", tags: ["vip", "[EMAIL_1]"] },
      name: "[PERSON_1]",
      amount: 4111111111111111,
      ok: true,
    });
    expect(counts.email).toBe(2);
    expect(counts.us_ssn).toBe(1);
    expect(counts.person).toBe(1);
  });
});

describe("aos redact", () => {
  it("prints one JSON line with the redacted text and spans into the input", () => {
    const input = "Lovelace, Ada <ada@example.com>\n";
    const line = redactCommand(input, ["--names", "Ada Lovelace, Grace Hopper"]);
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({
      text: "[PERSON_1] <[EMAIL_1]>\n",
      spans: [
        { start: 0, end: 13, type: "person" },
        { start: 15, end: 30, type: "email" },
      ],
    });
    expect(Object.keys(JSON.parse(line).spans[0])).toEqual(["start", "end", "type"]);
  });

  it("reads --names and refuses anything else", () => {
    expect(parseRedactArgs(["--names=Ada Lovelace,Grace Hopper"])).toEqual({ knownNames: ["Ada Lovelace", "Grace Hopper"] });
    expect(parseRedactArgs([])).toEqual({ knownNames: [] });
    expect(() => parseRedactArgs(["--names"])).toThrow(/needs a value/);
    expect(() => parseRedactArgs(["--types", "email"])).toThrow(/unknown argument/);
  });
});
