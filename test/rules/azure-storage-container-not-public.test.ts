import { azureStorageContainerNotPublic as rule } from "../../policies/azure/storage/azure-storage-container-not-public";
import { one, ruleTable, UNKNOWN } from "../harness";

const TOKENS = [
    "azure-native:storage:BlobContainer",
    "azure-native:storage/v20230101:BlobContainer",
    "azure-native_storage_v20240101:storage/v20240101:BlobContainer",
];
const M = "mandatory" as const;
const base = { accountName: "telemetry", resourceGroupName: "rg" };

ruleTable(rule, [
    { kind: "pass", name: "publicAccess omitted (API default None)", resources: one(TOKENS[0], base), expect: [] },
    ...TOKENS.map((t) => ({ kind: "pass" as const, name: `publicAccess None (${t})`, resources: one(t, { ...base, publicAccess: "None" }), expect: [] })),
    { kind: "pass", name: "publicAccess none, lower case", resources: one(TOKENS[0], { ...base, publicAccess: "none" }), expect: [] },
    ...TOKENS.map((t) => ({ kind: "fail" as const, name: `publicAccess Blob (${t})`, resources: one(t, { ...base, publicAccess: "Blob" }), expect: [{ level: M, message: '`publicAccess` is "Blob"' }] })),
    { kind: "fail", name: "publicAccess Container also lists blobs", resources: one(TOKENS[1], { ...base, publicAccess: "Container" }), expect: [{ level: M, message: "and list them" }] },
    { kind: "fail", name: "publicAccess container, lower case", resources: one(TOKENS[2], { ...base, publicAccess: "container" }), expect: [{ level: M, message: '`publicAccess` is "container"' }] },
    { kind: "not-applicable", name: "the storage account", resources: one("azure-native:storage:StorageAccount", { publicAccess: "Blob" }), expect: [] },
    { kind: "not-applicable", name: "a file share", resources: one("azure-native:storage:FileShare", { publicAccess: "Blob" }), expect: [] },
    { kind: "unknown", name: "publicAccess unknown at preview fails closed", resources: one(TOKENS[0], { ...base, publicAccess: UNKNOWN }), expect: [{ level: M, message: "`publicAccess` is unknown during preview" }] },
    { kind: "malformed", name: "publicAccess not an enum value", resources: one(TOKENS[0], { ...base, publicAccess: "Public" }), expect: [{ level: M, message: "not one of None, Blob, Container" }] },
    { kind: "malformed", name: "publicAccess of the wrong type", resources: one(TOKENS[0], { ...base, publicAccess: true }), expect: [{ level: M, message: "`publicAccess` is true, which is not a string" }] },
]);
