import { azureComputeDiskNetworkAccessRestricted as rule } from "../../policies/azure/compute/azure-compute-disk-network-access-restricted";
import { one, ruleTable, UNKNOWN } from "../harness";

const TOKENS = [
    "azure-native:compute:Disk",
    "azure-native:compute:Snapshot",
    "azure-native:compute/v20220702:Disk",
    "azure-native:compute/v20230402:Snapshot",
    "azure-native_compute_v20240302:compute:Disk",
    "azure-native_compute_v20240302:compute/v20240302:Snapshot",
];
const M = "mandatory" as const;
const base = { resourceGroupName: "rg", creationData: { createOption: "Empty" }, diskSizeGB: 64 };

ruleTable(rule, [
    ...TOKENS.map((t) => ({ kind: "pass" as const, name: `networkAccessPolicy DenyAll (${t})`, resources: one(t, { ...base, networkAccessPolicy: "DenyAll" }), expect: [] })),
    { kind: "pass", name: "AllowPrivate through a disk access resource", resources: one(TOKENS[0], { ...base, networkAccessPolicy: "AllowPrivate", diskAccessId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskAccesses/da" }), expect: [] },
    { kind: "pass", name: "publicNetworkAccess Disabled even with AllowAll", resources: one(TOKENS[1], { ...base, networkAccessPolicy: "AllowAll", publicNetworkAccess: "Disabled" }), expect: [] },
    { kind: "pass", name: "denyall, lower case", resources: one(TOKENS[0], { ...base, networkAccessPolicy: "denyall" }), expect: [] },
    ...TOKENS.map((t) => ({ kind: "fail" as const, name: `both omitted: AllowAll applied by default (${t})`, resources: one(t, base), expect: [{ level: M, message: "`publicNetworkAccess` is omitted (no default in the spec; enabled), and `networkAccessPolicy` is omitted (the service applies AllowAll)" }] })),
    { kind: "fail", name: "AllowAll with public network access Enabled", resources: one(TOKENS[0], { ...base, networkAccessPolicy: "AllowAll", publicNetworkAccess: "Enabled" }), expect: [{ level: M, message: '`networkAccessPolicy` is "AllowAll", so anyone holding an export SAS URL can download it from any network' }] },
    { kind: "fail", name: "Entra-authenticated export does not change the network verdict", resources: one(TOKENS[1], { ...base, networkAccessPolicy: "AllowAll", dataAccessAuthMode: "AzureActiveDirectory" }), expect: [{ level: M, message: '`networkAccessPolicy` is "AllowAll"' }] },
    { kind: "not-applicable", name: "a disk access resource", resources: one("azure-native:compute:DiskAccess", {}), expect: [] },
    { kind: "not-applicable", name: "a virtual machine", resources: one("azure-native:compute:VirtualMachine", { networkAccessPolicy: "AllowAll" }), expect: [] },
    { kind: "unknown", name: "networkAccessPolicy unknown", resources: one(TOKENS[0], { ...base, networkAccessPolicy: UNKNOWN }), expect: [{ level: M, message: "`networkAccessPolicy` is unknown during preview" }] },
    { kind: "unknown", name: "publicNetworkAccess unknown with AllowAll", resources: one(TOKENS[0], { ...base, networkAccessPolicy: "AllowAll", publicNetworkAccess: UNKNOWN }), expect: [{ level: M, message: "`publicNetworkAccess` is unknown during preview" }] },
    { kind: "malformed", name: "networkAccessPolicy outside the enum", resources: one(TOKENS[0], { ...base, networkAccessPolicy: "Private" }), expect: [{ level: M, message: '`networkAccessPolicy` is "Private", which is not one of AllowAll, AllowPrivate, DenyAll' }] },
    { kind: "malformed", name: "networkAccessPolicy of the wrong type", resources: one(TOKENS[0], { ...base, networkAccessPolicy: 0 }), expect: [{ level: M, message: "`networkAccessPolicy` is 0, which is not a string" }] },
]);
