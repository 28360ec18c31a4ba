import { azureStorageAccountNetworkRestricted as rule } from "../../policies/azure/storage/azure-storage-account-network-restricted";
import { one, ruleTable, UNKNOWN } from "../harness";

const TOKENS = [
    "azure-native:storage:StorageAccount",
    "azure-native:storage/v20230101:StorageAccount",
    "azure-native:storage/v20150501preview:StorageAccount",
    "azure-native_storage_v20250101:storage/v20250101:StorageAccount",
    "azure-native_storage_v20250101:storage:StorageAccount",
];
const M = "mandatory" as const;
const base = { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_ZRS" }, allowBlobPublicAccess: false };
const deny = (ipRules: unknown[] = [], extra: Record<string, unknown> = {}) => ({ ...base, networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices", ipRules, ...extra } });
const rule1 = (ip: unknown) => ({ iPAddressOrRange: ip, action: "Allow" });

ruleTable(rule, [
    ...TOKENS.map((t) => ({ kind: "pass" as const, name: `publicNetworkAccess Disabled (${t})`, resources: one(t, { ...base, publicNetworkAccess: "Disabled" }), expect: [] })),
    { kind: "pass", name: "publicNetworkAccess disabled, lower case, even with an Allow rule set", resources: one(TOKENS[0], { ...base, publicNetworkAccess: "disabled", networkRuleSet: { defaultAction: "Allow" } }), expect: [] },
    { kind: "pass", name: "default action Deny with no IP rule (trusted services and private endpoints only)", resources: one(TOKENS[0], deny()), expect: [] },
    { kind: "pass", name: "default action deny (lower case) with narrow IP rules and a VNet rule", resources: one(TOKENS[1], { ...base, publicNetworkAccess: "Enabled", networkRuleSet: { defaultAction: "deny", ipRules: [rule1("203.0.113.7"), rule1("198.51.100.0/24")], virtualNetworkRules: [{ virtualNetworkResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s" }] } }), expect: [] },
    { kind: "pass", name: "an exact /8 IP rule is not broader than /8", resources: one(TOKENS[0], deny([rule1("8.0.0.0/8")])), expect: [] },
    { kind: "pass", name: "SecuredByPerimeter falls through to a Deny rule set", resources: one(TOKENS[0], { ...deny(), publicNetworkAccess: "SecuredByPerimeter" }), expect: [] },
    { kind: "fail", name: "everything omitted: the API accepts any network", resources: one(TOKENS[0], base), expect: [{ level: M, message: "`publicNetworkAccess` is omitted (storage accounts accept connections from clients on any network by default), and `networkRuleSet` is omitted" }] },
    ...TOKENS.map((t) => ({ kind: "fail" as const, name: `publicNetworkAccess Enabled, no rule set (${t})`, resources: one(t, { ...base, publicNetworkAccess: "Enabled" }), expect: [{ level: M, message: '`publicNetworkAccess` is "Enabled", and `networkRuleSet` is omitted' }] })),
    { kind: "fail", name: "default action Allow", resources: one(TOKENS[0], { ...base, publicNetworkAccess: "Enabled", networkRuleSet: { defaultAction: "Allow", ipRules: [rule1("203.0.113.7")] } }), expect: [{ level: M, message: '`networkRuleSet.defaultAction` is "Allow", so connections from any network are accepted' }] },
    { kind: "fail", name: "default action omitted inside the rule set (API and SDK default Allow)", resources: one(TOKENS[0], { ...base, networkRuleSet: { bypass: "AzureServices" } }), expect: [{ level: M, message: "`networkRuleSet.defaultAction` is omitted (the API default is Allow)" }] },
    { kind: "fail", name: "SecuredByPerimeter is not proven private", resources: one(TOKENS[0], { ...base, publicNetworkAccess: "SecuredByPerimeter" }), expect: [{ level: M, message: "not proven private" }] },
    { kind: "fail", name: "IP rule 0.0.0.0/0", resources: one(TOKENS[0], deny([rule1("0.0.0.0/0")])), expect: [{ level: M, message: '`networkRuleSet.ipRules[0].iPAddressOrRange` is "0.0.0.0/0", which covers every IPv4 address' }] },
    { kind: "fail", name: "IP rule broader than /8", resources: one(TOKENS[2], deny([rule1("203.0.113.7"), rule1("64.0.0.0/3")])), expect: [{ level: M, message: '`networkRuleSet.ipRules[1].iPAddressOrRange` is "64.0.0.0/3", which holds 536,870,912 addresses' }] },
    { kind: "fail", name: "narrow IP rules that together pass /8", resources: one(TOKENS[0], deny([rule1("1.0.0.0/9"), rule1("2.0.0.0/9"), rule1("3.0.0.0/9")])), expect: [{ level: M, message: "the 3 entries of `networkRuleSet.ipRules` are each narrow, but together they admit 25,165,824 IPv4 addresses" }] },
    { kind: "not-applicable", name: "a blob container", resources: one("azure-native:storage:BlobContainer", { publicAccess: "None" }), expect: [] },
    { kind: "not-applicable", name: "a classic azure provider account", resources: one("azure:storage/account:Account", { publicNetworkAccessEnabled: true }), expect: [] },
    { kind: "unknown", name: "publicNetworkAccess unknown with no rule set fails closed", resources: one(TOKENS[0], { ...base, publicNetworkAccess: UNKNOWN }), expect: [{ level: M, message: "`publicNetworkAccess` is unknown during preview" }] },
    { kind: "pass", name: "publicNetworkAccess unknown does not matter behind a Deny rule set", resources: one(TOKENS[0], { ...deny([rule1("203.0.113.7")]), publicNetworkAccess: UNKNOWN }), expect: [] },
    { kind: "unknown", name: "networkRuleSet unknown", resources: one(TOKENS[0], { ...base, networkRuleSet: UNKNOWN }), expect: [{ level: M, message: "`networkRuleSet` is unknown during preview" }] },
    { kind: "unknown", name: "default action unknown", resources: one(TOKENS[0], { ...base, networkRuleSet: { defaultAction: UNKNOWN } }), expect: [{ level: M, message: "`networkRuleSet.defaultAction` is unknown during preview" }] },
    { kind: "unknown", name: "an IP rule unknown (from another resource's output)", resources: one(TOKENS[0], deny([rule1(UNKNOWN)])), expect: [{ level: M, message: "`networkRuleSet.ipRules[0].iPAddressOrRange` is unknown during preview" }] },
    { kind: "pass", name: "unknown IP rule does not matter when public network access is disabled", resources: one(TOKENS[0], { ...deny([rule1(UNKNOWN)]), publicNetworkAccess: "Disabled" }), expect: [] },
    { kind: "malformed", name: "publicNetworkAccess outside the enum", resources: one(TOKENS[0], { ...deny(), publicNetworkAccess: "Private" }), expect: [{ level: M, message: '`publicNetworkAccess` is "Private", which is not one of Enabled, Disabled, SecuredByPerimeter' }] },
    { kind: "malformed", name: "default action outside the enum", resources: one(TOKENS[0], { ...base, networkRuleSet: { defaultAction: "Block" } }), expect: [{ level: M, message: '`networkRuleSet.defaultAction` is "Block", which is not one of Allow, Deny' }] },
    { kind: "malformed", name: "an IP rule that is not an address", resources: one(TOKENS[0], deny([rule1("203.0.113")])), expect: [{ level: M, message: '`networkRuleSet.ipRules[0].iPAddressOrRange`: "203.0.113" is not a valid IPv4 address' }] },
    { kind: "malformed", name: "an IP rule with the REST name `value` instead of iPAddressOrRange", resources: one(TOKENS[0], deny([{ value: "203.0.113.7" }])), expect: [{ level: M, message: "`networkRuleSet.ipRules[0].iPAddressOrRange` is missing" }] },
    { kind: "malformed", name: "networkRuleSet of the wrong type", resources: one(TOKENS[0], { ...base, networkRuleSet: "Deny" }), expect: [{ level: M, message: "`networkRuleSet` is \"Deny\", which is not an object" }] },
]);
