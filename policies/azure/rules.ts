// Azure rules (azure-native, every API version and local package form).

import type { Rule } from "../lib/rule";
import { azureStorageAccountBlobPublicAccessDisabled } from "./storage/azure-storage-account-blob-public-access-disabled";
import { azureStorageContainerNotPublic } from "./storage/azure-storage-container-not-public";

export const azureRules: readonly Rule[] = [azureStorageAccountBlobPublicAccessDisabled, azureStorageContainerNotPublic];
