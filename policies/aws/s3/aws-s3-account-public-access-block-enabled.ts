import { blockFlagFindings } from "../../lib/aws-storage";
import type { ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";
import { blockAllFlags } from "../../lib/remediation";

// The account-level block applies to every bucket and access point of the account; S3 applies the most
// restrictive combination of account, bucket and access point settings. The Pulumi resource defaults each
// flag to false ("Defaults to `false`", s3/accountPublicAccessBlock.d.ts, @pulumi/aws 7.48), which is not
// the same as AWS's behaviour for accounts that never set one: the program must say true explicitly.

export const awsS3AccountPublicAccessBlockEnabled: ResourceRule = {
    kind: "resource",
    name: "aws-s3-account-public-access-block-enabled",
    description:
        "An S3 account public access block must set blockPublicAcls, ignorePublicAcls, blockPublicPolicy and " +
        "restrictPublicBuckets to true.",
    severity: "critical",
    remediationSteps:
        "Set all four flags of the aws.s3.AccountPublicAccessBlock to true. Each flag defaults to false when " +
        "omitted, so write them out; share data through policies limited to named principals instead.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html",
    catalog: "AWS: Account-level public access block off",
    appliesTo: awsTypes("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"),
    check(resource) {
        return blockFlagFindings(
            resource.props,
            false,
            "",
            " The account block is the guardrail for every bucket and access point in the account.",
        );
    },
    remediate: (resource) => blockAllFlags(resource.props),
};
