import { azureStorageAccountSharedKeyDisabled as rule } from "../../policies/azure/storage/azure-storage-account-shared-key-disabled";
import { one, ruleTable, UNKNOWN } from "../harness";

const TOKENS = [
    "azure-native:storage:StorageAccount",
    "azure-native:storage/v20220901:StorageAccount",
    "azure-native_storage_v20240101:storage/v20240101:StorageAccount",
    "azure-native_storage_v20240101:storage:StorageAccount",
];
const A = "advisory" as const;
const base = { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_ZRS" }, allowBlobPublicAccess: false };

ruleTable(rule, [
    ...TOKENS.map((t) => ({ kind: "pass" as const, name: `allowSharedKeyAccess false (${t})`, resources: one(t, { ...base, allowSharedKeyAccess: false }), expect: [] })),
    { kind: "fail", name: "omitted: the API treats null as true (advisory)", resources: one(TOKENS[0], base), expect: [{ level: A, message: "`allowSharedKeyAccess` is omitted, which the API treats as true" }] },
    ...TOKENS.map((t) => ({ kind: "fail" as const, name: `allowSharedKeyAccess true is advisory (${t})`, resources: one(t, { ...base, allowSharedKeyAccess: true }), expect: [{ level: A, message: "`allowSharedKeyAccess` is true" }] })),
    { kind: "not-applicable", name: "a blob container", resources: one("azure-native:storage:BlobContainer", { allowSharedKeyAccess: true }), expect: [] },
    { kind: "not-applicable", name: "a classic azure provider account", resources: one("azure:storage/account:Account", { sharedAccessKeyEnabled: true }), expect: [] },
    { kind: "unknown", name: "unknown at preview (advisory rule: stays a warning)", resources: one(TOKENS[0], { ...base, allowSharedKeyAccess: UNKNOWN }), expect: [{ level: A, message: "`allowSharedKeyAccess` is unknown during preview" }] },
    { kind: "malformed", name: "string instead of boolean", resources: one(TOKENS[0], { ...base, allowSharedKeyAccess: "false" }), expect: [{ level: A, message: "which is not a boolean" }] },
]);
