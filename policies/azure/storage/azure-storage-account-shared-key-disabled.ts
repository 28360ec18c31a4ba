import { boolField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type ResourceRule } from "../../lib/rule";
import { azureType } from "../../lib/type-tokens";

const CONSEQUENCE = "account keys and key-signed SAS tokens can read the account's data";

// A bearer-credential guardrail (DESIGN §1.4), not internet exposure by itself: ADVISORY. Anyone holding
// an account key, or a SAS signed with one, reads the data from any network the account admits, and such
// tokens cannot be tied to an identity or revoked one by one.
// Omitted: "The default value is null, which is equivalent to true" (allowSharedKeyAccess, typing of
// @pulumi/azure-native 3.28 storage/storageAccount.d.ts, from the Microsoft.Storage 2024-01-01 spec).

export const azureStorageAccountSharedKeyDisabled: ResourceRule = {
    kind: "resource",
    name: "azure-storage-account-shared-key-disabled",
    description: "Storage accounts should disallow Shared Key authorization (account keys and key-signed SAS).",
    severity: "medium",
    remediationSteps:
        "Set `allowSharedKeyAccess: false` and authorize with Entra ID (RBAC roles, user-delegation SAS); " +
        "also consider `defaultToOAuthAuthentication: true`.",
    url: "https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent",
    catalog: "Azure: Shared key / SAS access (bearer credentials)",
    enforcementLevel: "advisory",
    appliesTo: azureType("storage", "StorageAccount"),
    check(resource) {
        const field = boolField(resource.props, "allowSharedKeyAccess");
        switch (field.state) {
            case "absent":
                return [{ message: "`allowSharedKeyAccess` is omitted, which the API treats as true: account keys and key-signed SAS tokens are accepted." }];
            case "unknown":
                return [unknownSwitchFinding("allowSharedKeyAccess", CONSEQUENCE)];
            case "invalid":
                return [invalidFieldFinding("allowSharedKeyAccess", field.raw, field.expected, CONSEQUENCE)];
            case "known":
                return field.value
                    ? [{ message: "`allowSharedKeyAccess` is true: account keys and key-signed SAS tokens are accepted." }]
                    : [];
        }
    },
};
