import { exposureFindings, networkRuleSetExposure, readAccessSwitch } from "../../lib/azure-network";
import { objectField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type ResourceRule } from "../../lib/rule";
import { anyOf, azureType } from "../../lib/type-tokens";
import { setEnum } from "../../lib/remediation";

const CONSEQUENCE = "the vault accepts connections from any network";

// Key vaults and managed HSMs (keyvault:Vault, keyvault:ManagedHsm): both keep a nested `properties`.
// - properties.publicNetworkAccess omitted: enabled. The SDK writes "enabled" (Vault, lower case) and
//   "Enabled" (ManagedHsm) itself (types/input.js keyvault.vaultPropertiesArgsProvideDefaults,
//   managedHsmPropertiesArgsProvideDefaults); compared case-insensitively. "disabled" blocks everything but
//   private endpoints and trusted services, and the firewall rules are then not honored (typing).
// - properties.networkAcls omitted: "By default, when you create a new key vault, the Azure Key Vault
//   firewall is disabled. All applications and Azure services can access the key vault"
//   (https://learn.microsoft.com/azure/key-vault/general/network-security).
// - networkAcls.defaultAction omitted: not documented; fail-closed Allow.
// - networkAcls.ipRules[].value: IPv4 address or CIDR; public above /8. bypass AzureServices (the default)
//   admits trusted Microsoft services only, and virtualNetworkRules your subnets: not public.

export const azureKeyvaultVaultNetworkRestricted: ResourceRule = {
    kind: "resource",
    name: "azure-keyvault-vault-network-restricted",
    description:
        "Key vaults and managed HSMs must not accept connections from all networks: disable public network access, or " +
        "set the network ACL default action to Deny with narrow IP rules.",
    severity: "high",
    remediationSteps:
        'Set `properties.publicNetworkAccess: "disabled"` and use private endpoints, or set `properties.networkAcls: ' +
        '{ defaultAction: "Deny", bypass: "AzureServices", ipRules: [...], virtualNetworkRules: [...] }` with narrow IP rules.',
    url: "https://learn.microsoft.com/azure/key-vault/general/network-security",
    catalog: "Azure: Key Vault reachable from all networks",
    appliesTo: anyOf(azureType("keyvault", "Vault"), azureType("keyvault", "ManagedHsm")),
    check(resource) {
        const properties = objectField(resource.props, "properties");
        if (properties.state === "unknown") {
            return [unknownSwitchFinding("properties", CONSEQUENCE)];
        }
        if (properties.state === "invalid") {
            return [invalidFieldFinding("properties", properties.raw, properties.expected, CONSEQUENCE)];
        }
        const bag = properties.state === "known" ? properties.value : {};
        const sw = readAccessSwitch(bag, "publicNetworkAccess", "properties.publicNetworkAccess", "the SDK and API default is enabled");
        const { evidence, extra } = networkRuleSetExposure(bag, {
            key: "networkAcls",
            path: "properties.networkAcls",
            whenOmitted: "`properties.networkAcls` is omitted: the firewall is off and every network is admitted",
            defaultActionOmitted: "not documented; treated as Allow",
            admitsEveryone: ", so every network is admitted",
            ipValueKey: "value",
            consequence: CONSEQUENCE,
        });
        return exposureFindings(sw, evidence, extra, CONSEQUENCE);
    },
    remediate: (resource) => setEnum(resource.props, "publicNetworkAccess", "Disabled", "properties"),
};
