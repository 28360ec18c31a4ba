import { azureStorageAccountBlobPublicAccessDisabled as rule } from "../../policies/azure/storage/azure-storage-account-blob-public-access-disabled";
import { one, ruleTable, UNKNOWN } from "../harness";

const TOKENS = [
    "azure-native:storage:StorageAccount",
    "azure-native:storage/v20240101:StorageAccount",
    "azure-native_storage_v20250101:storage/v20250101:StorageAccount",
];
const M = "mandatory" as const;
const base = { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_ZRS" } };

ruleTable(rule, [
    ...TOKENS.map((t) => ({ kind: "pass" as const, name: `allowBlobPublicAccess false (${t})`, resources: one(t, { ...base, allowBlobPublicAccess: false }), expect: [] })),
    { kind: "pass", name: "omitted with the default API version (default interpretation false)", resources: one(TOKENS[0], base), expect: [] },
    { kind: "pass", name: "omitted with API 2023-01-01 or later", resources: one("azure-native:storage/v20230101:StorageAccount", base), expect: [] },
    ...TOKENS.map((t) => ({ kind: "fail" as const, name: `allowBlobPublicAccess true (${t})`, resources: one(t, { ...base, allowBlobPublicAccess: true }), expect: [{ level: M, message: "`allowBlobPublicAccess` is true" }] })),
    { kind: "fail", name: "omitted with an API version before 2023-01-01 (default true)", resources: one("azure-native:storage/v20220901:StorageAccount", base), expect: [{ level: M, message: "API version v20220901 defaults it to true" }] },
    { kind: "fail", name: "omitted with a local package before 2023-01-01 (module/version form)", resources: one("azure-native_storage_v20220901:storage/v20220901:StorageAccount", base), expect: [{ level: M, message: "API version v20220901 defaults it to true" }] },
    { kind: "fail", name: "omitted with a local package before 2023-01-01 (current form: version only in the package name)", resources: one("azure-native_storage_v20220901:storage:StorageAccount", base), expect: [{ level: M, message: "API version v20220901 defaults it to true" }] },
    { kind: "pass", name: "omitted with a local package from 2023-01-01 (current form)", resources: one("azure-native_storage_v20240101:storage:StorageAccount", base), expect: [] },
    { kind: "fail", name: "omitted with a preview version before 2023-01-01", resources: one("azure-native:storage/v20200801preview:StorageAccount", base), expect: [{ level: M, message: "API version v20200801preview defaults it to true" }] },
    { kind: "fail", name: "module name in another case", resources: one("azure-native:Storage:StorageAccount", { ...base, allowBlobPublicAccess: true }), expect: [{ level: M, message: "is true" }] },
    { kind: "not-applicable", name: "a blob container", resources: one("azure-native:storage:BlobContainer", { allowBlobPublicAccess: true }), expect: [] },
    { kind: "not-applicable", name: "a classic azure provider account", resources: one("azure:storage/account:Account", { allowBlobPublicAccess: true }), expect: [] },
    { kind: "unknown", name: "unknown at preview fails closed", resources: one(TOKENS[1], { ...base, allowBlobPublicAccess: UNKNOWN }), expect: [{ level: M, message: "`allowBlobPublicAccess` is unknown during preview" }] },
    { kind: "malformed", name: "string instead of boolean", resources: one(TOKENS[0], { ...base, allowBlobPublicAccess: "false" }), expect: [{ level: M, message: "which is not a boolean" }] },
]);
