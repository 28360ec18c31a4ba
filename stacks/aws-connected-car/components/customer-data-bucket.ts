import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { storeTags, type DataClassification } from "./tags";

type PolicyStatement = aws.types.input.iam.PolicyStatement;

/** A lifecycle transition: after `days`, move current objects to `storageClass`. */
export interface BucketTransition {
    days: number;
    /** An S3 storage class such as `STANDARD_IA`, `GLACIER_IR`, `GLACIER` or `DEEP_ARCHIVE`. */
    storageClass: string;
}

export interface CustomerDataBucketArgs {
    /** What the bucket holds; written to the `data-classification` tag. Required. */
    dataClassification: pulumi.Input<DataClassification>;
    /** The team that owns the data; written to the `owner` tag. Required. */
    owner: pulumi.Input<string>;
    /**
     * Customer-managed KMS key for default encryption (SSE-KMS with an S3 Bucket Key).
     * Default: none, which means SSE-S3 (AES256). Leave it out only where AWS cannot use SSE-KMS, e.g. a
     * bucket that receives S3 server access logs.
     */
    kmsKeyArn?: pulumi.Input<string>;
    /**
     * Where S3 server access logs of this bucket go: the name of a bucket that accepts them (see
     * `acceptAccessLogsFromAccount`). Default: none (no access logging).
     */
    accessLogs?: { targetBucket: pulumi.Input<string>; targetPrefix?: pulumi.Input<string> };
    /**
     * This bucket receives S3 server access logs written by `logging.s3.amazonaws.com` for buckets of this
     * account id. Adds one policy statement, scoped by `aws:SourceAccount`. Default: not a log bucket.
     */
    acceptAccessLogsFromAccount?: pulumi.Input<string>;
    /**
     * CloudFront distributions (ARNs) that may read objects through Origin Access Control. Adds one policy
     * statement for `cloudfront.amazonaws.com`, scoped by `AWS:SourceArn`. Default: none.
     */
    cloudFrontDistributionArns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Lifecycle of current objects. Default: STANDARD_IA after 30 days, GLACIER_IR after 90 days, never
     * expire. Pass `[]` to keep everything in STANDARD.
     */
    transitions?: BucketTransition[];
    /** Delete current objects after this many days. Default: never. */
    expireAfterDays?: number;
    /** Delete non-current (overwritten or deleted) versions after this many days. Default: 90. */
    noncurrentVersionExpirationDays?: number;
    /** Allow `pulumi destroy` to delete a bucket that still holds objects. Default: false. */
    forceDestroy?: pulumi.Input<boolean>;
    /** Extra tags. `data-classification` and `owner` are always set from the arguments above. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /**
     * OPT-OUT, explicit and named: lets anyone on the internet read the objects (a public-read bucket
     * policy, and the two policy flags of the public access block turned off). Default: false. The
     * customer-data-guard pack still rejects the stack (aws-s3-bucket-public-access-block-enabled,
     * aws-s3-bucket-policy-not-public): only a platform-team exemption with a reason and an expiry lets it
     * through.
     * Serve web content through CloudFront and `cloudFrontDistributionArns` instead.
     */
    allowPublicReadForStaticSite?: boolean;
}

/**
 * An S3 bucket that is private by construction: its own public access block (all four flags true),
 * BucketOwnerEnforced (ACLs disabled), default encryption, versioning, a bucket policy that denies any
 * request not sent over TLS, optional access logs and a lifecycle to colder storage.
 *
 * The security settings are written after any argument is read, and none of them is taken from a
 * pass-through object: no argument can turn them off except the named opt-out above.
 */
export class CustomerDataBucket extends pulumi.ComponentResource {
    /** The bucket name. Resolves once the bucket policy is in place. */
    public readonly bucketName: pulumi.Output<string>;
    public readonly arn: pulumi.Output<string>;
    /** `<bucket>.s3.<region>.amazonaws.com`, the origin domain for CloudFront. */
    public readonly bucketRegionalDomainName: pulumi.Output<string>;
    public readonly bucket: aws.s3.Bucket;
    public readonly publicAccessBlock: aws.s3.BucketPublicAccessBlock;
    public readonly policy: aws.s3.BucketPolicy;

    constructor(name: string, args: CustomerDataBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("connected-car:aws:CustomerDataBucket", name, {}, opts);
        const parent = { parent: this };
        const tags = storeTags(args.tags, args.dataClassification, args.owner);
        const publicRead = args.allowPublicReadForStaticSite === true;

        this.bucket = new aws.s3.Bucket(
            name,
            {
                forceDestroy: args.forceDestroy ?? false,
                tags,
            },
            parent,
        );
        const bucketId = this.bucket.id;

        // Security settings. Each one is its own resource, built only from literals and from the named
        // arguments above: nothing here spreads caller-supplied objects.
        this.publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
            name,
            {
                bucket: bucketId,
                blockPublicAcls: true,
                ignorePublicAcls: true,
                blockPublicPolicy: !publicRead,
                restrictPublicBuckets: !publicRead,
            },
            parent,
        );

        const ownership = new aws.s3.BucketOwnershipControls(
            name,
            { bucket: bucketId, rule: { objectOwnership: "BucketOwnerEnforced" } },
            parent,
        );

        new aws.s3.BucketServerSideEncryptionConfiguration(
            name,
            {
                bucket: bucketId,
                rules: [
                    args.kmsKeyArn !== undefined
                        ? {
                              applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn },
                              bucketKeyEnabled: true,
                          }
                        : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
                ],
            },
            parent,
        );

        const versioning = new aws.s3.BucketVersioning(
            name,
            { bucket: bucketId, versioningConfiguration: { status: "Enabled" } },
            parent,
        );

        const transitions = args.transitions ?? [
            { days: 30, storageClass: "STANDARD_IA" },
            { days: 90, storageClass: "GLACIER_IR" },
        ];
        new aws.s3.BucketLifecycleConfiguration(
            name,
            {
                bucket: bucketId,
                rules: [
                    {
                        id: "colder-storage-and-old-versions",
                        status: "Enabled",
                        filter: {},
                        transitions: transitions.map((t) => ({ days: t.days, storageClass: t.storageClass })),
                        ...(args.expireAfterDays !== undefined ? { expiration: { days: args.expireAfterDays } } : {}),
                        noncurrentVersionExpiration: { noncurrentDays: args.noncurrentVersionExpirationDays ?? 90 },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
                    },
                ],
            },
            { parent: this, dependsOn: [versioning] },
        );

        if (args.accessLogs !== undefined) {
            new aws.s3.BucketLogging(
                name,
                {
                    bucket: bucketId,
                    targetBucket: args.accessLogs.targetBucket,
                    targetPrefix: args.accessLogs.targetPrefix ?? pulumi.interpolate`${bucketId}/`,
                    targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
                },
                parent,
            );
        }

        const arn = this.bucket.arn;
        const statements: pulumi.Input<PolicyStatement>[] = [
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [arn, pulumi.interpolate`${arn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ];
        if (args.cloudFrontDistributionArns !== undefined) {
            statements.push({
                Sid: "AllowCloudFrontOriginAccessControlRead",
                Effect: "Allow",
                Principal: { Service: "cloudfront.amazonaws.com" },
                Action: "s3:GetObject",
                Resource: pulumi.interpolate`${arn}/*`,
                Condition: { StringEquals: { "AWS:SourceArn": args.cloudFrontDistributionArns } },
            });
        }
        if (args.acceptAccessLogsFromAccount !== undefined) {
            statements.push({
                Sid: "AllowS3ServerAccessLogDelivery",
                Effect: "Allow",
                Principal: { Service: "logging.s3.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: pulumi.interpolate`${arn}/*`,
                Condition: { StringEquals: { "aws:SourceAccount": args.acceptAccessLogsFromAccount } },
            });
        }
        if (publicRead) {
            statements.push({
                Sid: "PublicReadForStaticSite",
                Effect: "Allow",
                Principal: "*",
                Action: "s3:GetObject",
                Resource: pulumi.interpolate`${arn}/*`,
            });
        }
        // The policy is an object, not a JSON string: during a preview the statements whose principal is
        // fixed can be judged even while the bucket ARN is still unknown.
        this.policy = new aws.s3.BucketPolicy(
            name,
            { bucket: bucketId, policy: { Version: "2012-10-17", Statement: statements } },
            { parent: this, dependsOn: [this.publicAccessBlock, ownership] },
        );

        this.bucketName = this.policy.bucket;
        this.arn = arn;
        this.bucketRegionalDomainName = this.bucket.bucketRegionalDomainName;
        this.registerOutputs({
            bucketName: this.bucketName,
            arn: this.arn,
            bucketRegionalDomainName: this.bucketRegionalDomainName,
        });
    }
}
