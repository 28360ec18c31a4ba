import { azureStorageAccountStaticWebsiteDisabled as rule } from "../../policies/azure/storage/azure-storage-account-static-website-disabled";
import { one, ruleTable, UNKNOWN } from "../harness";

const TOKENS = [
    "azure-native:storage:StorageAccountStaticWebsite",
    "azure-native:storage/v20230101:StorageAccountStaticWebsite",
    "azure-native_storage_v20240101:storage/v20240101:StorageAccountStaticWebsite",
    "azure-native_storage_v20240101:storage:StorageAccountStaticWebsite",
];
const M = "mandatory" as const;
const site = { accountName: "telemetry", resourceGroupName: "rg", indexDocument: "index.html" };
const PUBLIC = "every blob in its `$web` container is served to anyone on the internet";

ruleTable(rule, [
    { kind: "pass", name: "an account without a static website", resources: one("azure-native:storage:StorageAccount", { kind: "StorageV2", allowBlobPublicAccess: false }), expect: [] },
    ...TOKENS.map((t) => ({ kind: "fail" as const, name: `a static website is always anonymous (${t})`, resources: one(t, site), expect: [{ level: M, message: PUBLIC }] })),
    { kind: "fail", name: "no index document still serves $web", resources: one(TOKENS[0], { accountName: "telemetry", resourceGroupName: "rg" }), expect: [{ level: M, message: PUBLIC }] },
    { kind: "not-applicable", name: "a blob container named $web", resources: one("azure-native:storage:BlobContainer", { accountName: "telemetry", containerName: "$web" }), expect: [] },
    { kind: "not-applicable", name: "the classic provider's website", resources: one("azure:storage/accountStaticWebsite:AccountStaticWebsite", site), expect: [] },
    { kind: "unknown", name: "an unknown account name does not change the verdict", resources: one(TOKENS[0], { ...site, accountName: UNKNOWN }), expect: [{ level: M, message: PUBLIC }] },
    { kind: "malformed", name: "a malformed index document does not change the verdict", resources: one(TOKENS[0], { ...site, indexDocument: 42 }), expect: [{ level: M, message: PUBLIC }] },
]);
