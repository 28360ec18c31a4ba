import { azureKeyvaultVaultNetworkRestricted as rule } from "../../policies/azure/keyvault/azure-keyvault-vault-network-restricted";
import { one, ruleTable, UNKNOWN } from "../harness";

const VAULTS = [
    "azure-native:keyvault:Vault",
    "azure-native:keyvault/v20230701:Vault",
    "azure-native:keyvault/v20210401preview:Vault",
    "azure-native_keyvault_v20241101:keyvault:Vault",
    "azure-native_keyvault_v20241101:keyvault/v20241101:Vault",
];
const HSMS = ["azure-native:keyvault:ManagedHsm", "azure-native:keyvault/v20230201:ManagedHsm"];
const M = "mandatory" as const;
const props = (p: Record<string, unknown>) => ({ resourceGroupName: "rg", properties: { tenantId: "t", sku: { family: "A", name: "standard" }, ...p } });
const denyAcls = (ipRules: unknown[] = []) => ({ networkAcls: { defaultAction: "Deny", bypass: "AzureServices", ipRules } });

ruleTable(rule, [
    ...VAULTS.map((t) => ({ kind: "pass" as const, name: `publicNetworkAccess disabled (${t})`, resources: one(t, props({ publicNetworkAccess: "disabled" })), expect: [] })),
    ...HSMS.map((t) => ({ kind: "pass" as const, name: `managed HSM publicNetworkAccess Disabled (${t})`, resources: one(t, props({ publicNetworkAccess: "Disabled" })), expect: [] })),
    { kind: "pass", name: "SDK default enabled with a Deny ACL and narrow IP rules", resources: one(VAULTS[0], props({ publicNetworkAccess: "enabled", ...denyAcls([{ value: "203.0.113.7" }, { value: "198.51.100.0/24" }]) })), expect: [] },
    { kind: "pass", name: "Deny ACL without IP rules (trusted services and private endpoints only)", resources: one(HSMS[0], props(denyAcls())), expect: [] },
    { kind: "fail", name: "vault with the SDK default and no ACL (firewall off)", resources: one(VAULTS[0], props({ publicNetworkAccess: "enabled" })), expect: [{ level: M, message: '`properties.publicNetworkAccess` is "enabled", and `properties.networkAcls` is omitted: the firewall is off and every network is admitted' }] },
    ...VAULTS.map((t) => ({ kind: "fail" as const, name: `switch and ACL omitted (${t})`, resources: one(t, props({})), expect: [{ level: M, message: "`properties.publicNetworkAccess` is omitted (the SDK and API default is enabled), and `properties.networkAcls` is omitted" }] })),
    ...HSMS.map((t) => ({ kind: "fail" as const, name: `managed HSM without properties (${t})`, resources: one(t, { resourceGroupName: "rg" }), expect: [{ level: M, message: "`properties.networkAcls` is omitted" }] })),
    { kind: "fail", name: "default action Allow", resources: one(VAULTS[1], props({ networkAcls: { defaultAction: "Allow", ipRules: [{ value: "203.0.113.7" }] } })), expect: [{ level: M, message: '`properties.networkAcls.defaultAction` is "Allow", so every network is admitted' }] },
    { kind: "fail", name: "default action omitted inside networkAcls (not documented; Allow)", resources: one(VAULTS[0], props({ networkAcls: { bypass: "AzureServices" } })), expect: [{ level: M, message: "`properties.networkAcls.defaultAction` is omitted (not documented; treated as Allow)" }] },
    { kind: "fail", name: "Deny with 0.0.0.0/0", resources: one(HSMS[0], props(denyAcls([{ value: "0.0.0.0/0" }]))), expect: [{ level: M, message: '`properties.networkAcls.ipRules[0].value` is "0.0.0.0/0", which covers every IPv4 address' }] },
    { kind: "fail", name: "Deny with a range broader than /8", resources: one(VAULTS[0], props(denyAcls([{ value: "124.0.0.0/6" }]))), expect: [{ level: M, message: "more than a /8" }] },
    { kind: "not-applicable", name: "a key in the vault", resources: one("azure-native:keyvault:Key", { vaultName: "v" }), expect: [] },
    { kind: "not-applicable", name: "classic provider key vault", resources: one("azure:keyvault/keyVault:KeyVault", { publicNetworkAccessEnabled: true }), expect: [] },
    { kind: "unknown", name: "properties unknown", resources: one(VAULTS[0], { resourceGroupName: "rg", properties: UNKNOWN }), expect: [{ level: M, message: "`properties` is unknown during preview" }] },
    { kind: "unknown", name: "publicNetworkAccess unknown without an ACL", resources: one(VAULTS[0], props({ publicNetworkAccess: UNKNOWN })), expect: [{ level: M, message: "`properties.publicNetworkAccess` is unknown during preview" }] },
    { kind: "unknown", name: "an IP rule unknown", resources: one(VAULTS[0], props(denyAcls([{ value: UNKNOWN }]))), expect: [{ level: M, message: "`properties.networkAcls.ipRules[0].value` is unknown during preview" }] },
    { kind: "malformed", name: "an IP rule that is not an address", resources: one(VAULTS[0], props(denyAcls([{ value: "my office" }]))), expect: [{ level: M, message: "is not a valid IPv4 or IPv6 address" }] },
    { kind: "malformed", name: "networkAcls as a list", resources: one(VAULTS[0], props({ networkAcls: [] })), expect: [{ level: M, message: "`properties.networkAcls` is [], which is not an object" }] },
    { kind: "malformed", name: "publicNetworkAccess as a boolean", resources: one(VAULTS[0], props({ publicNetworkAccess: false, ...denyAcls() })), expect: [{ level: M, message: "`properties.publicNetworkAccess` is false, which is not a string" }] },
]);
