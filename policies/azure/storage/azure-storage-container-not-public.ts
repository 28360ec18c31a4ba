import { enumEquals, stringField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type ResourceRule } from "../../lib/rule";
import { azureType } from "../../lib/type-tokens";

const CONSEQUENCE = "the container's blobs are readable anonymously";

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
                return []; // The API default is None.
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
};
