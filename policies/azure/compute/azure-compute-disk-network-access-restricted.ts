import { exposureFindings, readAccessSwitch } from "../../lib/azure-network";
import { enumEquals, stringField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type Finding, type ResourceRule } from "../../lib/rule";
import { anyOf, azureType } from "../../lib/type-tokens";

const CONSEQUENCE = "the disk can be exported from any network";

// Managed disks and snapshots (compute:Disk, compute:Snapshot) can be exported (downloaded) or uploaded
// through a grant-access SAS URL.
// - networkAccessPolicy: AllowAll ("The disk can be exported or uploaded to from any network"),
//   AllowPrivate (through a DiskAccess resource's private endpoints), DenyAll (enum docs in
//   @pulumi/azure-native types/enums/compute). Omitted: no default in the spec, and the service applies
//   AllowAll ("our disks are open to internet with NetworkAccessPolicyAllowAll (applied by default)",
//   Azure/azure-rest-api-specs#21325).
// - publicNetworkAccess: Disabled means the data "cannot [be accessed] publicly on the internet even when
//   NetworkAccessPolicy is set to AllowAll" (enum docs). Omitted: no default in the spec; enabled
//   (hashicorp/terraform-provider-azurerm#14199).
// - dataAccessAuthMode AzureActiveDirectory makes the SAS require Entra ID: a credential guardrail, not a
//   network control, so it does not change the verdict.
// https://learn.microsoft.com/azure/virtual-machines/disks-restrict-import-export-overview

export const azureComputeDiskNetworkAccessRestricted: ResourceRule = {
    kind: "resource",
    name: "azure-compute-disk-network-access-restricted",
    description: "Managed disks and snapshots must not be exportable from any network (networkAccessPolicy AllowAll with public network access).",
    severity: "high",
    remediationSteps:
        'Set `networkAccessPolicy: "DenyAll"` (or "AllowPrivate" with a `diskAccessId`), or `publicNetworkAccess: "Disabled"`.',
    url: "https://learn.microsoft.com/azure/virtual-machines/disks-restrict-import-export-overview",
    catalog: "Azure: Event Hubs / Service Bus / Synapse / Data Explorer / Search / Data Factory / managed disks",
    appliesTo: anyOf(azureType("compute", "Disk"), azureType("compute", "Snapshot")),
    check(resource) {
        const sw = readAccessSwitch(resource.props, "publicNetworkAccess", "publicNetworkAccess", "no default in the spec; enabled");
        const evidence: string[] = [];
        const extra: Finding[] = [];
        const policy = stringField(resource.props, "networkAccessPolicy");
        switch (policy.state) {
            case "absent":
                evidence.push("`networkAccessPolicy` is omitted (the service applies AllowAll), so anyone holding an export SAS URL can download it from any network");
                break;
            case "unknown":
                extra.push(unknownSwitchFinding("networkAccessPolicy", CONSEQUENCE));
                break;
            case "invalid":
                extra.push(invalidFieldFinding("networkAccessPolicy", policy.raw, policy.expected, CONSEQUENCE));
                break;
            case "known":
                if (enumEquals(policy.value, "AllowAll")) {
                    evidence.push(`\`networkAccessPolicy\` is "${policy.value}", so anyone holding an export SAS URL can download it from any network`);
                } else if (!enumEquals(policy.value, "DenyAll") && !enumEquals(policy.value, "AllowPrivate")) {
                    extra.push(invalidFieldFinding("networkAccessPolicy", policy.value, "one of AllowAll, AllowPrivate, DenyAll", CONSEQUENCE));
                }
                break;
        }
        return exposureFindings(sw, evidence, extra, CONSEQUENCE);
    },
};
