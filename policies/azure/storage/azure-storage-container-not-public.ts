import { enumEquals, stringField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type ResourceRule } from "../../lib/rule";
import { azureType } from "../../lib/type-tokens";
import { setEnum } from "../../lib/remediation";

const CONSEQUENCE = "the container's blobs are readable anonymously";

// Why a resource rule, not a join with the account ("public while its account allows it", DESIGN §1.1):
// a container set to Blob / Container is public when the account allows anonymous access, and its
// creation or update FAILS when the account disallows it ("Changing the container's access setting
// fails", "you won't be able to create a new container with anonymous access enabled":
// https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent). Either way the program is
// wrong, and only a resource policy stops it before the container is created during `pulumi up`. A
// stack join could only turn a deployment failure into a pass in preview, or miss an account changed
// outside the program. The account side is azure-storage-account-blob-public-access-disabled.
// Omitted: the API default is None ("By default, a container's anonymous access setting is disabled",
// https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure).

export const azureStorageContainerNotPublic: ResourceRule = {
    kind: "resource",
    name: "azure-storage-container-not-public",
    description: "Blob containers must not allow anonymous access (publicAccess must be None).",
    severity: "critical",
    remediationSteps:
        "Set `publicAccess: azure_native.storage.PublicAccess.None` (or omit it) and grant access through " +
        "Entra ID roles or user-delegation SAS.",
    url: "https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure",
    catalog: "Azure: Container public (Blob / Container)",
    appliesTo: azureType("storage", "BlobContainer"),
    check(resource) {
        const field = stringField(resource.props, "publicAccess");
        switch (field.state) {
            case "absent":
                return []; // The API default is None (see above).
            case "unknown":
                return [unknownSwitchFinding("publicAccess", CONSEQUENCE)];
            case "invalid":
                return [invalidFieldFinding("publicAccess", field.raw, field.expected, CONSEQUENCE)];
            case "known":
                if (enumEquals(field.value, "None")) {
                    return [];
                }
                if (enumEquals(field.value, "Blob") || enumEquals(field.value, "Container")) {
                    return [{
                        message:
                            `\`publicAccess\` is "${field.value}": anyone on the internet can read the container's blobs` +
                            (enumEquals(field.value, "Container") ? " and list them" : "") +
                            " whenever the account allows anonymous access.",
                    }];
                }
                return [invalidFieldFinding("publicAccess", field.value, "one of None, Blob, Container", CONSEQUENCE)];
        }
    },
    remediate: (resource) => (resource.props.publicAccess === undefined ? undefined : setEnum(resource.props, "publicAccess", "None")),
};
