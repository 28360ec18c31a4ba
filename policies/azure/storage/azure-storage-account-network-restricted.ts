import { exposureFindings, networkRuleSetExposure, readAccessSwitch } from "../../lib/azure-network";
import type { ResourceRule } from "../../lib/rule";
import { azureType } from "../../lib/type-tokens";
import { setEnum } from "../../lib/remediation";

const CONSEQUENCE = "the account accepts connections from any network";

// Defaults (docs/azure-defaults.md §1, re-checked in @pulumi/azure-native 3.28):
// - publicNetworkAccess omitted: no per-property default is documented ("Value is optional"), and
//   "By default, storage accounts accept connections from clients on any network"
//   (https://learn.microsoft.com/azure/storage/common/storage-network-security). Disabled = private
//   endpoints only. SecuredByPerimeter is decided by a perimeter outside the program: not proven private,
//   so the network rule set still decides.
// - networkRuleSet omitted: any network (same source).
// - networkRuleSet.defaultAction omitted: Allow (SDK types/input.js storage.networkRuleSetArgsProvideDefaults
//   writes "Allow"; the spec default is Allow). "You must set the default rule to deny, or network rules
//   have no effect."
// - networkRuleSet.ipRules[].iPAddressOrRange (REST `value`): IPv4 address or CIDR; public above /8.
// - bypass (AzureServices by default), virtualNetworkRules and resourceAccessRules admit only trusted
//   Microsoft services, your subnets and your tenant's resource instances: not public.

export const azureStorageAccountNetworkRestricted: ResourceRule = {
    kind: "resource",
    name: "azure-storage-account-network-restricted",
    description:
        "Storage accounts must not accept connections from all networks: disable public network access, or " +
        "set the network rule set's default action to Deny with narrow IP rules.",
    severity: "high",
    remediationSteps:
        'Set `publicNetworkAccess: "Disabled"` and use private endpoints, or set `networkRuleSet: { defaultAction: ' +
        '"Deny", ipRules: [...], virtualNetworkRules: [...] }` with IP rules no broader than /8 (prefer single addresses).',
    url: "https://learn.microsoft.com/azure/storage/common/storage-network-security",
    catalog: "Azure: Storage reachable from all networks",
    appliesTo: azureType("storage", "StorageAccount"),
    check(resource) {
        const sw = readAccessSwitch(resource.props, "publicNetworkAccess", "publicNetworkAccess", "storage accounts accept connections from clients on any network by default");
        const { evidence, extra } = networkRuleSetExposure(resource.props, {
            key: "networkRuleSet",
            path: "networkRuleSet",
            whenOmitted: "`networkRuleSet` is omitted, so connections from any network are accepted",
            defaultActionOmitted: "the API default is Allow",
            admitsEveryone: ", so connections from any network are accepted",
            ipValueKey: "iPAddressOrRange",
            consequence: CONSEQUENCE,
        });
        return exposureFindings(sw, evidence, extra, CONSEQUENCE);
    },
    remediate: (resource) => setEnum(resource.props, "publicNetworkAccess", "Disabled"),
};
