import type { ResourceRule } from "../../lib/rule";
import { azureType } from "../../lib/type-tokens";

// The resource exists only to switch the static website on: creating it serves the account's `$web`
// container anonymously at https://<account>.z<N>.web.core.windows.net. "Files in the $web container are
// ... served through anonymous access requests"; "Disallowing anonymous access for a storage account does
// not affect any static websites ... The $web container is always publicly accessible"
// (https://learn.microsoft.com/azure/storage/blobs/storage-blob-static-website and
// .../anonymous-read-access-configure). Whether the account firewall applies to the web endpoint is not
// documented in the sources reviewed (docs/azure-defaults.md §1), so network rules do not excuse it: a
// site that must be public is an exemption in the policy-pack config. Its properties (`accountName`,
// `indexDocument`, `error404Document`) do not change the verdict, so unknown or malformed values do not
// either.

export const azureStorageAccountStaticWebsiteDisabled: ResourceRule = {
    kind: "resource",
    name: "azure-storage-account-static-website-disabled",
    description: "Storage accounts must not serve a static website: the $web container is readable anonymously.",
    severity: "high",
    remediationSteps:
        "Remove the StorageAccountStaticWebsite resource and serve web content from a dedicated account " +
        "that holds no customer data (fronted by Azure Front Door / CDN with a private origin), or have the " +
        "platform team record an exemption for a deliberately public site.",
    url: "https://learn.microsoft.com/azure/storage/blobs/storage-blob-static-website",
    catalog: "Azure: Static website (the $web endpoint is anonymous regardless of container level)",
    appliesTo: azureType("storage", "StorageAccountStaticWebsite"),
    check() {
        return [{
            message:
                "The static website is enabled on the account: every blob in its `$web` container is served to " +
                "anyone on the internet without credentials, whatever `allowBlobPublicAccess` and the container's access level say.",
        }];
    },
};
