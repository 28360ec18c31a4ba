// Every policy of the pack, in one list: what the pack, the tests and the docs import.

import { awsRdsInstanceNotPubliclyAccessible } from "./aws/rds/aws-rds-instance-not-publicly-accessible";
import { awsS3BucketAclNotPublic } from "./aws/s3/aws-s3-bucket-acl-not-public";
import { awsS3BucketPublicAccessBlockAttached } from "./aws/s3/aws-s3-bucket-public-access-block-attached";
import { awsS3BucketPublicAccessBlockEnabled } from "./aws/s3/aws-s3-bucket-public-access-block-enabled";
import { azureStorageAccountBlobPublicAccessDisabled } from "./azure/storage/azure-storage-account-blob-public-access-disabled";
import { azureStorageContainerNotPublic } from "./azure/storage/azure-storage-container-not-public";
import type { Rule } from "./lib/rule";

export const rules: readonly Rule[] = [
    awsS3BucketAclNotPublic,
    awsS3BucketPublicAccessBlockEnabled,
    awsS3BucketPublicAccessBlockAttached,
    awsRdsInstanceNotPubliclyAccessible,
    azureStorageAccountBlobPublicAccessDisabled,
    azureStorageContainerNotPublic,
];
