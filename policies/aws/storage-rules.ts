// AWS storage rules: S3 (ACLs, policies, public access blocks, website, access points, CloudFront origins)
// and the resource policies of the other data services.

import type { Rule } from "../lib/rule";
import { awsS3BucketAclNotPublic } from "./s3/aws-s3-bucket-acl-not-public";
import { awsS3BucketPublicAccessBlockAttached } from "./s3/aws-s3-bucket-public-access-block-attached";
import { awsS3BucketPublicAccessBlockEnabled } from "./s3/aws-s3-bucket-public-access-block-enabled";

export const awsStorageRules: readonly Rule[] = [
    awsS3BucketAclNotPublic,
    awsS3BucketPublicAccessBlockEnabled,
    awsS3BucketPublicAccessBlockAttached,
];
