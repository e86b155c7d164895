import { describe, expect, it } from "vitest";
import { isSecretName, MASK, maskSecrets, maskUrl, restoreMaskedSecrets } from "@/lib/crypto/mask-secrets";
import { ValidationError } from "@/lib/errors";

describe("maskUrl", () => {
  it.each([
    ["postgresql://app@db/x?password=s3cret", "postgresql://app@db/x?password=********"],
    ["postgresql://app:s3cret@db:5432/x?sslmode=require", "postgresql://app:********@db:5432/x?sslmode=require"],
    [
      "postgres://app@db/x?sslmode=require&sslpassword=s3cret&application_name=a",
      "postgres://app@db/x?sslmode=require&sslpassword=********&application_name=a",
    ],
    [
      "mongodb://u:s3cret@h1:27017,h2:27017/db?replicaSet=rs0&authSource=admin",
      "mongodb://u:********@h1:27017,h2:27017/db?replicaSet=rs0&authSource=admin",
    ],
    [
      "mongodb+srv://c.example/db?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:k8s,TOKEN_RESOURCE:s3cret",
      "mongodb+srv://c.example/db?authMechanism=MONGODB-OIDC&authMechanismProperties=********",
    ],
    [
      "https://api.example/x?api_key=s3cret&access_token=s3cret&apikey=s3cret&token=s3cret&key=s3cret&pwd=s3cret&pass=s3cret&secret=s3cret&page=2",
      "https://api.example/x?api_key=********&access_token=********&apikey=********&token=********&key=********&pwd=********&pass=********&secret=********&page=2",
    ],
    ["https://api.example/x?PassWord=s3cret&client%5Fsecret=s3cret", "https://api.example/x?PassWord=********&client%5Fsecret=********"],
    ["postgresql://app:p@ss/w0rd@db/x", "postgresql://app:********@db/x"],
    ["https://h.example/x#s3cret", "https://h.example/x#********"],
    ["not a url s3cret", MASK],
  ])("%s", (url, masked) => {
    expect(maskUrl(url)).toBe(masked);
    expect(maskUrl(masked)).toBe(masked);
  });

  it("recognizes secret-like parameter names and leaves the others", () => {
    for (const name of [
      "password",
      "sslpassword",
      "tlsCertificateKeyFilePassword",
      "sslkey",
      "client_secret",
      "refresh_token",
      "X-Amz-Signature",
      "credentials",
    ])
      expect(isSecretName(name)).toBe(true);
    for (const name of ["sslmode", "schema", "authSource", "replicaSet", "host", "user", "database", "objects"])
      expect(isSecretName(name)).toBe(false);
  });
});

describe("maskSecrets", () => {
  it("masks URLs at any depth and values under secret-like names, and keeps the rest", () => {
    const config = {
      url: "postgresql://app@db/x?password=s3cret",
      schema: "public",
      nested: { apiToken: "s3cret", list: ["https://u:s3cret@h/x"] },
      header: true,
    };
    expect(maskSecrets(config)).toEqual({
      url: "postgresql://app@db/x?password=********",
      schema: "public",
      nested: { apiToken: MASK, list: ["https://u:********@h/x"] },
      header: true,
    });
    expect(JSON.stringify(maskSecrets(config))).not.toContain("s3cret");
  });
});

describe("restoreMaskedSecrets", () => {
  const stored = { url: "postgresql://app:s3cret@db/sales?sslmode=require&password=s3cret", schema: "public" };

  it("keeps the stored secret when the masked value comes back unchanged, or with only its path changed", () => {
    expect(restoreMaskedSecrets({ url: maskUrl(stored.url), schema: "crm" }, stored)).toEqual({ url: stored.url, schema: "crm" });
    expect(restoreMaskedSecrets({ url: "postgresql://app:********@db/crm?sslmode=require&password=********" }, stored)).toEqual({
      url: "postgresql://app:s3cret@db/crm?sslmode=require&password=s3cret",
    });
    expect(restoreMaskedSecrets({ url: "postgresql://app:new@db/x" }, stored)).toEqual({ url: "postgresql://app:new@db/x" });
  });

  it.each([
    ["another host", "postgresql://app:********@evil.example/sales?sslmode=require&password=********"],
    ["another user", "postgresql://root:********@db/sales?sslmode=require&password=********"],
    ["an added option", "postgresql://app:********@db/sales?sslmode=require&password=********&host=evil.example"],
    ["a changed option", "postgresql://app:********@db/sales?sslmode=disable&password=********"],
  ])("refuses a masked secret sent with %s", (_what, url) => {
    expect(() => restoreMaskedSecrets({ url }, stored)).toThrow(ValidationError);
  });

  it("refuses a mask where nothing was stored", () => {
    expect(() => restoreMaskedSecrets({ url: "postgresql://app:********@db/x" }, {})).toThrow(/config\.url still holds a masked secret/);
  });
});
