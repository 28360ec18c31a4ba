import { resourcePolicyFindings, type ResourcePolicyOptions } from "../../lib/aws-storage";
import { boolField } from "../../lib/props";
import type { Finding, ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";

// The resource policies of AWS data stores (and of the stores guarding customer data: KMS keys, secrets),
// as one table: type token -> the property holding the policy document. Tokens and properties are from
// docs/aws-tokens.md §14 and §R, checked against @pulumi/aws 7.48 typings. Every document is judged by
// AWS's meaning of a public policy (policies/lib/iam-policy.ts); a KMS key policy also accepts a fixed
// kms:CallerAccount as scoping (policies/lib/aws-storage.ts).
//
// `inline: true` marks an optional property of the store itself (Queue.policy, Key.policy ...): absent
// means the service's default policy, which is never public (the KMS default key policy trusts the
// owning account; SQS / SNS / Secrets Manager / Glacier default to owner-only access), and "" or "{}"
// means no policy.
//
// Left to other rules: S3 buckets and access points (aws-s3-*), Lambda (`aws:lambda/resourcePolicy`,
// `aws:lambda/permission`: the Lambda front door row), OpenSearch / Elasticsearch domain policies and
// OpenSearch Serverless data policies (the OpenSearch row), `aws:redshift/resourcePolicy` (the Redshift
// row). `aws:ecrpublic/repositoryPolicy` is public by design (a public registry) and not covered.

interface PolicyProperty {
    readonly property: string;
    readonly inline?: boolean;
    readonly kms?: boolean;
    /** Extra context for a public document. */
    readonly note?: (props: Record<string, unknown>) => string;
}

/**
 * Secrets Manager: with `blockPublicPolicy: true` PutResourcePolicy rejects a public policy; "By default,
 * public policies aren't blocked" (PutResourcePolicy BlockPublicPolicy, docs/aws-tokens.md [S18]). Only the
 * SecretPolicy resource has the switch.
 */
function secretPolicyNote(props: Record<string, unknown>): string {
    const block = boolField(props, "blockPublicPolicy");
    if (block.state === "known" && block.value) {
        return " (`blockPublicPolicy` is true, so Secrets Manager will reject this document and the update will fail.)";
    }
    return " `blockPublicPolicy` is not true, and Secrets Manager accepts public policies by default: set it to true as well.";
}

const SECRET_INLINE_NOTE = (): string =>
    " aws.secretsmanager.Secret has no blockPublicPolicy switch: move the policy to an aws.secretsmanager.SecretPolicy with `blockPublicPolicy: true`.";

export const RESOURCE_POLICY_PROPERTIES: ReadonlyMap<string, PolicyProperty> = new Map<string, PolicyProperty>([
    // DynamoDB tables and streams; Table has no inline policy.
    ["aws:dynamodb/resourcePolicy:ResourcePolicy", { property: "policy" }],
    // EFS
    ["aws:efs/fileSystemPolicy:FileSystemPolicy", { property: "policy" }],
    // SQS: Queue.policy (string), QueuePolicy.policy (string | PolicyDocument)
    ["aws:sqs/queue:Queue", { property: "policy", inline: true }],
    ["aws:sqs/queuePolicy:QueuePolicy", { property: "policy" }],
    // SNS
    ["aws:sns/topic:Topic", { property: "policy", inline: true }],
    ["aws:sns/topicPolicy:TopicPolicy", { property: "policy" }],
    // Kinesis streams and consumers
    ["aws:kinesis/resourcePolicy:ResourcePolicy", { property: "policy" }],
    // Secrets Manager
    ["aws:secretsmanager/secret:Secret", { property: "policy", inline: true, note: SECRET_INLINE_NOTE }],
    ["aws:secretsmanager/secretPolicy:SecretPolicy", { property: "policy", note: secretPolicyNote }],
    // KMS keys (absent policy = the default key policy: the owning account's root)
    ["aws:kms/key:Key", { property: "policy", inline: true, kms: true }],
    ["aws:kms/keyPolicy:KeyPolicy", { property: "policy", kms: true }],
    ["aws:kms/replicaKey:ReplicaKey", { property: "policy", inline: true, kms: true }],
    ["aws:kms/externalKey:ExternalKey", { property: "policy", inline: true, kms: true }],
    ["aws:kms/replicaExternalKey:ReplicaExternalKey", { property: "policy", inline: true, kms: true }],
    // Glue Data Catalog (account-wide)
    ["aws:glue/resourcePolicy:ResourcePolicy", { property: "policy" }],
    // AWS Backup vaults
    ["aws:backup/vaultPolicy:VaultPolicy", { property: "policy" }],
    // S3 Tables: `resourcePolicy`, not `policy`
    ["aws:s3tables/tableBucketPolicy:TableBucketPolicy", { property: "resourcePolicy" }],
    ["aws:s3tables/tablePolicy:TablePolicy", { property: "resourcePolicy" }],
    // ECR (images often hold data and credentials); string | PolicyDocument
    ["aws:ecr/repositoryPolicy:RepositoryPolicy", { property: "policy" }],
    ["aws:ecr/registryPolicy:RegistryPolicy", { property: "policy" }],
    // §R: other data stores
    ["aws:s3/vectorsVectorBucketPolicy:VectorsVectorBucketPolicy", { property: "policy" }],
    ["aws:s3/filesFileSystemPolicy:FilesFileSystemPolicy", { property: "policy" }],
    ["aws:s3control/accessGrantsInstanceResourcePolicy:AccessGrantsInstanceResourcePolicy", { property: "policy" }],
    ["aws:dsql/clusterPolicy:ClusterPolicy", { property: "policy" }],
    ["aws:msk/clusterPolicy:ClusterPolicy", { property: "policy" }],
    ["aws:redshiftserverless/resourcePolicy:ResourcePolicy", { property: "policy" }],
    ["aws:glacier/vault:Vault", { property: "accessPolicy", inline: true }],
    ["aws:cloudwatch/logResourcePolicy:LogResourcePolicy", { property: "policyDocument" }],
    ["aws:mediastore/containerPolicy:ContainerPolicy", { property: "policy" }],
    ["aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy", { property: "policyDocument" }],
    ["aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy", { property: "resourcePolicy" }],
]);

export const awsDatastoreResourcePolicyNotPublic: ResourceRule = {
    kind: "resource",
    name: "aws-datastore-resource-policy-not-public",
    description:
        "Resource policies of AWS data stores, KMS keys and secrets (DynamoDB, EFS, SQS, SNS, Kinesis, Secrets " +
        "Manager, KMS, Glue, Backup, S3 Tables, ECR and others) must not allow access to everyone unless a " +
        "condition limits it to fixed accounts, organisations, VPCs, VPC endpoints or source ARNs.",
    severity: "critical",
    remediationSteps:
        "Name the principals (account root, role or service principal) instead of \"*\", or add a condition on a " +
        "fixed value of aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce, aws:SourceVpc, aws:SourceArn or " +
        "aws:SourceAccount (kms:CallerAccount for KMS key policies). Never use NotPrincipal with Allow. For " +
        "secrets, also set `blockPublicPolicy: true` on the aws.secretsmanager.SecretPolicy.",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-concepts.html",
    catalog:
        "AWS: DynamoDB / EFS / SQS / SNS / Kinesis / Secrets Manager / KMS / Glue / Backup / S3 Tables resource policies granting `*`",
    appliesTo: awsTypes(...RESOURCE_POLICY_PROPERTIES.keys()),
    check(resource) {
        const entry = RESOURCE_POLICY_PROPERTIES.get(resource.type);
        if (entry === undefined) {
            return [];
        }
        const options: ResourcePolicyOptions = { inlineOptional: entry.inline === true, kmsKeyPolicy: entry.kms === true };
        const { kind, findings } = resourcePolicyFindings(resource.props[entry.property], entry.property, options);
        if (kind !== "public" || entry.note === undefined) {
            return findings;
        }
        const note = entry.note(resource.props);
        return findings.map((f): Finding => ({ ...f, message: `${f.message}${note}` }));
    },
};
