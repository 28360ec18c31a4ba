import { boolField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type ResourceRule } from "../../lib/rule";
import { azureType, parseAzureNativeToken } from "../../lib/type-tokens";
import { setSwitch } from "../../lib/remediation";

const CONSEQUENCE = "containers in the account can be opened to anonymous readers";

/**
 * What Azure does when `allowBlobPublicAccess` is omitted. The REST API reference for the versions the
 * provider uses by default (2024-01-01 in azure-native v3) says "The default interpretation is false";
 * API versions before 2023-01-01 documented a default of true (spec Microsoft.Storage/stable/2022-09-01 vs
 * 2023-01-01, StorageAccountPropertiesUpdateParameters.allowBlobPublicAccess), so an explicit older version
 * must set it. The version comes from the token, including local packages whose token carries it only in
 * the package name (`azure-native_storage_v20220901:storage:StorageAccount`).
 */
function omittedMeansAllowed(type: string): string | undefined {
    const version = parseAzureNativeToken(type)?.version;
    return version !== undefined && version < "v20230101" ? version : undefined;
}

export const azureStorageAccountBlobPublicAccessDisabled: ResourceRule = {
    kind: "resource",
    name: "azure-storage-account-blob-public-access-disabled",
    description: "Storage accounts must disallow anonymous (public) access to blobs and containers.",
    severity: "critical",
    remediationSteps:
        "Set `allowBlobPublicAccess: false` on the storage account; serve data through private endpoints, " +
        "Entra ID (RBAC) or short-lived user-delegation SAS instead.",
    url: "https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent",
    catalog: "Azure: Account allows anonymous blob access",
    appliesTo: azureType("storage", "StorageAccount"),
    check(resource) {
        const field = boolField(resource.props, "allowBlobPublicAccess");
        switch (field.state) {
            case "absent": {
                const version = omittedMeansAllowed(resource.type);
                return version !== undefined
                    ? [{ message: `\`allowBlobPublicAccess\` is omitted, and API version ${version} defaults it to true. Set it to false.` }]
                    : [];
            }
            case "unknown":
                return [unknownSwitchFinding("allowBlobPublicAccess", CONSEQUENCE)];
            case "invalid":
                return [invalidFieldFinding("allowBlobPublicAccess", field.raw, field.expected, CONSEQUENCE)];
            case "known":
                return field.value
                    ? [{ message: "`allowBlobPublicAccess` is true: any container in the account can be made readable by anyone on the internet." }]
                    : [];
        }
    },
    remediate: (resource) => setSwitch(resource.props, "allowBlobPublicAccess", false),
};
