// AWS storage rules: S3 (ACLs, policies, public access blocks, website, access points, CloudFront origins)
// and the resource policies of the other data services.

import type { Rule } from "../lib/rule";
import { awsCloudfrontDistributionS3OriginAccessRestricted } from "./cloudfront/aws-cloudfront-distribution-s3-origin-access-restricted";
import { awsDatastoreResourcePolicyNotPublic } from "./datastore/aws-datastore-resource-policy-not-public";
import { awsS3AccessPointNotPublic } from "./s3/aws-s3-access-point-not-public";
import { awsS3AccountPublicAccessBlockEnabled } from "./s3/aws-s3-account-public-access-block-enabled";
import { awsS3BucketAclNotPublic } from "./s3/aws-s3-bucket-acl-not-public";
import { awsS3BucketPolicyNotPublic } from "./s3/aws-s3-bucket-policy-not-public";
import { awsS3BucketPublicAccessBlockAttached } from "./s3/aws-s3-bucket-public-access-block-attached";
import { awsS3BucketPublicAccessBlockEnabled } from "./s3/aws-s3-bucket-public-access-block-enabled";
import { awsS3BucketWebsiteNotPublic } from "./s3/aws-s3-bucket-website-not-public";
import { awsS3ObjectAclNotPublic } from "./s3/aws-s3-object-acl-not-public";

export const awsStorageRules: readonly Rule[] = [
    // Catalog rows 1-4: ACLs, bucket policies, public access blocks
    awsS3BucketAclNotPublic,
    awsS3ObjectAclNotPublic,
    awsS3BucketPolicyNotPublic,
    awsS3BucketPublicAccessBlockEnabled,
    awsS3AccountPublicAccessBlockEnabled,
    awsS3BucketPublicAccessBlockAttached,
    // Row 5: website hosting (stack)
    awsS3BucketWebsiteNotPublic,
    // Row 6: access points
    awsS3AccessPointNotPublic,
    // Row 7: CloudFront S3 origins
    awsCloudfrontDistributionS3OriginAccessRestricted,
    // Row 8: resource policies of data stores, keys and secrets
    awsDatastoreResourcePolicyNotPublic,
];
