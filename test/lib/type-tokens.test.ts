// policies/lib/type-tokens.ts: every token form a program can produce, and the look-alikes that must not match.

import { describe, expect, it } from "vitest";
import { anyOf, awsTypes, azureType, parseAzureNativeToken } from "../../policies/lib/type-tokens";

describe("parseAzureNativeToken", () => {
    const forms: Array<[string, string, { module: string; version?: string; typeName: string }]> = [
        ["default API version (v3 SDK)", "azure-native:storage:StorageAccount", { module: "storage", version: undefined, typeName: "StorageAccount" }],
        ["explicit version (v2 SDK submodule)", "azure-native:storage/v20230101:StorageAccount", { module: "storage", version: "v20230101", typeName: "StorageAccount" }],
        ["preview version", "azure-native:dbformysql/v20240201preview:Server", { module: "dbformysql", version: "v20240201preview", typeName: "Server" }],
        ["private preview version", "azure-native:dbforpostgresql/v20201005privatepreview:ServerGroupCluster", { module: "dbforpostgresql", version: "v20201005privatepreview", typeName: "ServerGroupCluster" }],
        ["local package, module/version form", "azure-native_storage_v20240101:storage/v20240101:StorageAccount", { module: "storage", version: "v20240101", typeName: "StorageAccount" }],
        ["local package, preview", "azure-native_sql_v20230201preview:sql/v20230201preview:FirewallRule", { module: "sql", version: "v20230201preview", typeName: "FirewallRule" }],
        ["module in another case is lower-cased", "azure-native:Storage:StorageAccount", { module: "storage", version: undefined, typeName: "StorageAccount" }],
        ["module in upper case with a version", "azure-native:KeyVault/v20230701:Vault", { module: "keyvault", version: "v20230701", typeName: "Vault" }],
        ["v2 module name (cache)", "azure-native:cache:Redis", { module: "cache", version: undefined, typeName: "Redis" }],
        ["v2 module name (documentdb) with a version", "azure-native:documentdb/v20210415:DatabaseAccount", { module: "documentdb", version: "v20210415", typeName: "DatabaseAccount" }],
        ["index module", "azure-native:index:Provider", { module: "index", version: undefined, typeName: "Provider" }],
    ];
    it.each(forms)("parses: %s", (_name, token, expected) => {
        expect(parseAzureNativeToken(token)).toEqual(expected);
    });

    it("parses: local package in the provider's current form (version only in the package name) matches the type", () => {
        // pulumi-azure-native parameterize.go makeToken: "<package>:<module>:<name>".
        expect(parseAzureNativeToken("azure-native_storage_v20240101:storage:StorageAccount")).toMatchObject({ module: "storage", typeName: "StorageAccount" });
    });

    // The current local-package form keeps the version in the package name only; version-dependent rules
    // (the allowBlobPublicAccess default before 2023-01-01) must still see it.
    it("the version of azure-native_storage_v20220901:storage:StorageAccount is v20220901", () => {
        expect(parseAzureNativeToken("azure-native_storage_v20220901:storage:StorageAccount")?.version).toBe("v20220901");
    });

    const notAzure: Array<[string, string]> = [
        ["aws token", "aws:s3/bucket:Bucket"],
        ["classic azure provider", "azure:storage/account:Account"],
        ["azure-native provider resource", "pulumi:providers:azure-native"],
        ["local package provider resource", "pulumi:providers:azure-native_storage_v20240101"],
        ["stack", "pulumi:pulumi:Stack"],
        ["component in a look-alike package (dash)", "azure-native-components:storage:StorageAccount"],
        ["look-alike package (suffix without underscore)", "azure-nativex:storage:StorageAccount"],
        ["look-alike package (prefix)", "my-azure-native:storage:StorageAccount"],
        ["empty package suffix", "azure-native_:storage:StorageAccount"],
        ["version without the v", "azure-native:storage/20230101:StorageAccount"],
        ["dashed version", "azure-native:storage/2023-01-01:StorageAccount"],
        ["two version segments", "azure-native:storage/v20230101/v20240101:StorageAccount"],
        ["extra segment", "azure-native:storage:StorageAccount:extra"],
        ["missing module", "azure-native::StorageAccount"],
        ["missing type", "azure-native:storage:"],
        ["two parts only", "azure-native:StorageAccount"],
        ["surrounding whitespace", " azure-native:storage:StorageAccount"],
        ["trailing newline", "azure-native:storage:StorageAccount\n"],
        ["empty", ""],
    ];
    it.each(notAzure)("not an azure-native token: %s", (_name, token) => {
        expect(parseAzureNativeToken(token)).toBeUndefined();
    });

    it("caches: the same token parses to the same answer twice, including misses", () => {
        expect(parseAzureNativeToken("azure-native:sql:Server")).toEqual(parseAzureNativeToken("azure-native:sql:Server"));
        expect(parseAzureNativeToken("aws:rds/instance:Instance")).toBeUndefined();
        expect(parseAzureNativeToken("aws:rds/instance:Instance")).toBeUndefined();
    });
});

describe("azureType", () => {
    // Built inside each test: a matcher built while the file is collected would escape mutation testing.
    const account = () => azureType("storage", "StorageAccount");

    const matches: Array<[string, string]> = [
        ["default", "azure-native:storage:StorageAccount"],
        ["versioned", "azure-native:storage/v20220901:StorageAccount"],
        ["versioned preview", "azure-native:storage/v20150501preview:StorageAccount"],
        ["local package, module/version form", "azure-native_storage_v20250101:storage/v20250101:StorageAccount"],
        ["local package, current form", "azure-native_storage_v20250101:storage:StorageAccount"],
        ["module in another case", "azure-native:STORAGE:StorageAccount"],
    ];
    it.each(matches)("matches: %s", (_name, token) => {
        expect(account().matches(token)).toBe(true);
    });

    const misses: Array<[string, string]> = [
        ["another type of the module", "azure-native:storage:BlobContainer"],
        ["a type whose name starts the same", "azure-native:storage:StorageAccountStaticWebsite"],
        ["type name in another case (type names are exact)", "azure-native:storage:storageaccount"],
        ["same type name in another module", "azure-native:storagecache:StorageAccount"],
        ["classic azure provider", "azure:storage/account:Account"],
        ["look-alike package", "azure-native-x:storage:StorageAccount"],
        ["not a token", "StorageAccount"],
    ];
    it.each(misses)("does not match: %s", (_name, token) => {
        expect(account().matches(token)).toBe(false);
    });

    it("module given in another case still matches lower-case tokens", () => {
        expect(azureType("KeyVault", "Vault").matches("azure-native:keyvault:Vault")).toBe(true);
    });

    it("describes what it covers", () => {
        expect(account().describe).toBe("azure-native:storage:StorageAccount (any API version)");
    });

    it("lists one example of each token form, and matches every example", () => {
        const examples = account().examples;
        expect(examples).toEqual([
            "azure-native:storage:StorageAccount",
            "azure-native:storage/v20230101:StorageAccount",
            "azure-native:storage/v20220801preview:StorageAccount",
            "azure-native_storage_v20240101:storage:StorageAccount",
            "azure-native_storage_v20240101:storage/v20240101:StorageAccount",
        ]);
        expect(examples.filter((t) => !account().matches(t))).toEqual([]);
    });

    it("is never an exact token: every API version is another token", () => {
        expect(account().exactToken).toBeUndefined();
    });
});

describe("awsTypes", () => {
    const buckets = () => awsTypes("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2");

    it("matches every listed token exactly", () => {
        expect(buckets().matches("aws:s3/bucket:Bucket")).toBe(true);
        expect(buckets().matches("aws:s3/bucketV2:BucketV2")).toBe(true);
    });

    it.each([
        ["another s3 type", "aws:s3/bucketPolicy:BucketPolicy"],
        ["different case", "aws:s3/Bucket:Bucket"],
        ["an azure token", "azure-native:storage:StorageAccount"],
        ["a prefix of a listed token", "aws:s3/bucket:Buck"],
    ])("does not match: %s", (_name, token) => {
        expect(buckets().matches(token)).toBe(false);
    });

    it("describes its tokens, and lists them as examples", () => {
        expect(buckets().describe).toBe("aws:s3/bucket:Bucket, aws:s3/bucketV2:BucketV2");
        expect(buckets().examples).toEqual(["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]);
    });

    it.each<[string, string[], string | undefined]>([
        ["one token", ["aws:s3/bucket:Bucket"], "aws:s3/bucket:Bucket"],
        ["the same token twice", ["aws:s3/bucket:Bucket", "aws:s3/bucket:Bucket"], "aws:s3/bucket:Bucket"],
        ["two tokens", ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"], undefined],
    ])("exact token (for @pulumi/policy's typed fast path) with %s", (_name, tokens, exact) => {
        expect(awsTypes(...tokens).exactToken).toBe(exact);
    });
});

describe("anyOf", () => {
    const m = () => anyOf(azureType("redis", "Redis"), azureType("cache", "Redis"), awsTypes("aws:elasticache/cluster:Cluster"));

    it.each(["azure-native:redis:Redis", "azure-native:cache:Redis", "azure-native:cache/v20230801:Redis", "azure-native_redis_v20241101:redis:Redis", "aws:elasticache/cluster:Cluster"])(
        "matches a token of any member: %s",
        (token) => {
            expect(m().matches(token)).toBe(true);
        },
    );

    it("matches nothing else", () => {
        expect(m().matches("azure-native:redis:FirewallRule")).toBe(false);
        expect(anyOf().matches("azure-native:redis:Redis")).toBe(false);
    });

    it("concatenates the members' examples", () => {
        expect(m().examples.filter((t) => !m().matches(t))).toEqual([]);
        expect(m().examples).toEqual([...azureType("redis", "Redis").examples, ...azureType("cache", "Redis").examples, "aws:elasticache/cluster:Cluster"]);
        expect(m().exactToken).toBeUndefined();
    });

    it("joins the members' descriptions", () => {
        expect(m().describe).toBe("azure-native:redis:Redis (any API version); azure-native:cache:Redis (any API version); aws:elasticache/cluster:Cluster");
    });
});

describe("parseAzureNativeToken: API version", () => {
    it.each([
        ["azure-native:storage:StorageAccount", undefined],
        ["azure-native:storage/v20220901:StorageAccount", "v20220901"],
        ["azure-native:dbformysql/v20240201preview:Server", "v20240201preview"],
        ["azure-native_storage_v20220901:storage/v20220901:StorageAccount", "v20220901"],
        ["azure-native_storage_v20220901:storage:StorageAccount", "v20220901"],
        ["azure-native_storage_v20230101preview:storage:StorageAccount", "v20230101preview"],
        ["aws:s3/bucket:Bucket", undefined],
        ["azure-nativex_storage_v20220901:storage:StorageAccount", undefined],
    ])("%s -> %s", (token, version) => {
        expect(parseAzureNativeToken(token)?.version).toBe(version);
    });
});
