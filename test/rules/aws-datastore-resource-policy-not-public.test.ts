import { describe, expect, it } from "vitest";
import { awsDatastoreResourcePolicyNotPublic as rule, RESOURCE_POLICY_PROPERTIES } from "../../policies/aws/datastore/aws-datastore-resource-policy-not-public";
import { analyze, one, ruleTable, UNKNOWN } from "../harness";

const M = "mandatory" as const;
const A = "advisory" as const;
const ACCOUNT = "123456789012";
const json = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const doc = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });

const accountRoot = { Sid: "Account", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "*", Resource: "*" };
const anyone = { Sid: "Anyone", Effect: "Allow", Principal: "*", Action: "*", Resource: "*" };
// The statement AWS-managed key policies use: any principal of one account, through one service.
const viaService = {
    Sid: "ViaEbs",
    Effect: "Allow",
    Principal: { AWS: "*" },
    Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"],
    Resource: "*",
    Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": "ec2.us-east-1.amazonaws.com" } },
};
// SNS's default topic policy: everyone, limited to the owning account by AWS:SourceOwner.
const snsDefault = { Sid: "__default_statement_ID", Effect: "Allow", Principal: { AWS: "*" }, Action: ["SNS:Publish", "SNS:Subscribe"], Resource: "*", Condition: { StringEquals: { "AWS:SourceOwner": ACCOUNT } } };

ruleTable(rule, [
    { kind: "pass", name: "KMS key without a policy (AWS default key policy: the owning account)", resources: one("aws:kms/key:Key", { description: "telemetry" }), expect: [] },
    { kind: "pass", name: "KMS key policy limited to the account root", resources: one("aws:kms/key:Key", { policy: json(accountRoot) }), expect: [] },
    { kind: "pass", name: "KMS key policy: {AWS: *} limited by a fixed kms:CallerAccount (AWS-managed key pattern)", resources: one("aws:kms/keyPolicy:KeyPolicy", { keyId: "k", policy: json(accountRoot, viaService) }), expect: [] },
    { kind: "pass", name: "SNS default topic policy (AWS:SourceOwner, case-insensitive key)", resources: one("aws:sns/topic:Topic", { policy: json(snsDefault) }), expect: [] },
    { kind: "pass", name: "SQS queue policy (object form) for a service principal with aws:SourceArn", resources: one("aws:sqs/queuePolicy:QueuePolicy", { queueUrl: "u", policy: doc({ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "*", Condition: { ArnEquals: { "aws:SourceArn": `arn:aws:sns:us-east-1:${ACCOUNT}:alerts` } } }) }), expect: [] },
    { kind: "pass", name: "DynamoDB resource policy to a role", resources: one("aws:dynamodb/resourcePolicy:ResourcePolicy", { resourceArn: "arn", policy: json({ ...accountRoot, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` } }) }), expect: [] },
    { kind: "pass", name: "Secret with policy \"{}\" (how the provider removes one)", resources: one("aws:secretsmanager/secret:Secret", { policy: "{}" }), expect: [] },
    { kind: "pass", name: "Queue with policy \"\"", resources: one("aws:sqs/queue:Queue", { policy: "" }), expect: [] },
    { kind: "pass", name: "EFS policy with a Deny to * (TLS only)", resources: one("aws:efs/fileSystemPolicy:FileSystemPolicy", { fileSystemId: "fs-1", policy: json({ Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }, accountRoot) }), expect: [] },
    { kind: "pass", name: "CloudWatch log resource policy for a service (policyDocument)", resources: one("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", { policyName: "es", policyDocument: json({ Effect: "Allow", Principal: { Service: "es.amazonaws.com" }, Action: "logs:PutLogEvents", Resource: "*" }) }), expect: [] },
    { kind: "fail", name: "DynamoDB resource policy Principal *", resources: one("aws:dynamodb/resourcePolicy:ResourcePolicy", { resourceArn: "arn", policy: json(anyone) }), expect: [{ level: M, message: '`policy` statement "Anyone" (index 0) allows "*" to "*", and no Condition' }] },
    { kind: "fail", name: "EFS file system policy {AWS: *} with only AccessedViaMountTarget", resources: one("aws:efs/fileSystemPolicy:FileSystemPolicy", { fileSystemId: "fs-1", policy: json({ ...anyone, Principal: { AWS: "*" }, Condition: { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } } }) }), expect: [{ level: M, message: "elasticfilesystem:AccessedViaMountTarget does not limit who can call" }] },
    { kind: "fail", name: "SQS Queue inline policy *", resources: one("aws:sqs/queue:Queue", { policy: json(anyone) }), expect: [{ level: M, message: "`policy` statement" }] },
    { kind: "fail", name: "SQS QueuePolicy object form *", resources: one("aws:sqs/queuePolicy:QueuePolicy", { queueUrl: "u", policy: doc(anyone) }), expect: [{ level: M, message: "to \"*\"" }] },
    { kind: "fail", name: "SNS TopicPolicy with SourceOwner wildcard", resources: one("aws:sns/topicPolicy:TopicPolicy", { arn: "a", policy: json({ ...snsDefault, Condition: { StringLike: { "AWS:SourceOwner": "*" } } }) }), expect: [{ level: M, message: 'wildcard "*"' }] },
    { kind: "fail", name: "Kinesis resource policy NotPrincipal", resources: one("aws:kinesis/resourcePolicy:ResourcePolicy", { resourceArn: "a", policy: json({ Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kinesis:*", Resource: "*" }) }), expect: [{ level: M, message: "NotPrincipal" }] },
    { kind: "fail", name: "Secret inline policy *: note that Secret has no blockPublicPolicy", resources: one("aws:secretsmanager/secret:Secret", { policy: json(anyone) }), expect: [{ level: M, message: "aws.secretsmanager.Secret has no blockPublicPolicy switch" }] },
    { kind: "fail", name: "SecretPolicy * without blockPublicPolicy (AWS default: not blocked)", resources: one("aws:secretsmanager/secretPolicy:SecretPolicy", { secretArn: "a", policy: json(anyone) }), expect: [{ level: M, message: "`blockPublicPolicy` is not true, and Secrets Manager accepts public policies by default" }] },
    { kind: "fail", name: "SecretPolicy * with blockPublicPolicy true: the update would fail", resources: one("aws:secretsmanager/secretPolicy:SecretPolicy", { secretArn: "a", policy: json(anyone), blockPublicPolicy: true }), expect: [{ level: M, message: "Secrets Manager will reject this document" }] },
    { kind: "fail", name: "KMS key policy {AWS: *} with a wildcard kms:CallerAccount (named as written)", resources: one("aws:kms/key:Key", { policy: json({ ...viaService, Condition: { StringLike: { "kms:CallerAccount": "*" } } }) }), expect: [{ level: M, message: 'kms:CallerAccount uses StringLike with wildcard "*"' }] },
    { kind: "fail", name: "kms:CallerAccount does not scope outside KMS (SQS)", resources: one("aws:sqs/queue:Queue", { policy: json({ ...viaService, Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT } } }) }), expect: [{ level: M, message: "kms:CallerAccount does not limit who can call" }] },
    { kind: "fail", name: "replica key policy *", resources: one("aws:kms/replicaKey:ReplicaKey", { primaryKeyArn: "a", policy: json(anyone) }), expect: [{ level: M, message: "to \"*\"" }] },
    { kind: "fail", name: "external key policy *", resources: one("aws:kms/externalKey:ExternalKey", { policy: json(anyone) }), expect: [{ level: M, message: "to \"*\"" }] },
    { kind: "fail", name: "replica external key policy *", resources: one("aws:kms/replicaExternalKey:ReplicaExternalKey", { policy: json(anyone) }), expect: [{ level: M, message: "to \"*\"" }] },
    { kind: "fail", name: "Glue catalog policy *", resources: one("aws:glue/resourcePolicy:ResourcePolicy", { policy: json(anyone), enableHybrid: "TRUE" }), expect: [{ level: M, message: "to \"*\"" }] },
    { kind: "fail", name: "Backup vault policy *", resources: one("aws:backup/vaultPolicy:VaultPolicy", { backupVaultName: "v", policy: json(anyone) }), expect: [{ level: M, message: "to \"*\"" }] },
    { kind: "fail", name: "S3 Tables table bucket resourcePolicy *", resources: one("aws:s3tables/tableBucketPolicy:TableBucketPolicy", { tableBucketArn: "a", resourcePolicy: json(anyone) }), expect: [{ level: M, message: "`resourcePolicy` statement" }] },
    { kind: "fail", name: "S3 Tables table resourcePolicy *", resources: one("aws:s3tables/tablePolicy:TablePolicy", { tableBucketArn: "a", namespace: "n", name: "t", resourcePolicy: json(anyone) }), expect: [{ level: M, message: "`resourcePolicy` statement" }] },
    { kind: "fail", name: "ECR repository policy object form *", resources: one("aws:ecr/repositoryPolicy:RepositoryPolicy", { repository: "r", policy: doc(anyone) }), expect: [{ level: M, message: "to \"*\"" }] },
    { kind: "fail", name: "ECR registry policy *", resources: one("aws:ecr/registryPolicy:RegistryPolicy", { policy: json(anyone) }), expect: [{ level: M, message: "to \"*\"" }] },
    { kind: "fail", name: "Glacier vault accessPolicy *", resources: one("aws:glacier/vault:Vault", { accessPolicy: json(anyone) }), expect: [{ level: M, message: "`accessPolicy` statement" }] },
    { kind: "fail", name: "CodeArtifact policyDocument *", resources: one("aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy", { domain: "d", repository: "r", policyDocument: json(anyone) }), expect: [{ level: M, message: "`policyDocument` statement" }] },
    { kind: "fail", name: "SageMaker model package group resourcePolicy *", resources: one("aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy", { modelPackageGroupName: "g", resourcePolicy: json(anyone) }), expect: [{ level: M, message: "`resourcePolicy` statement" }] },
    { kind: "fail", name: "CloudWatch log resource policy object form {AWS: *}", resources: one("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", { policyName: "p", policyDocument: doc({ ...anyone, Principal: { AWS: "*" } }) }), expect: [{ level: M, message: '{"AWS":"*"}' }] },
    { kind: "not-applicable", name: "an S3 bucket policy is the bucket policy rule's job", resources: one("aws:s3/bucketPolicy:BucketPolicy", { bucket: "b", policy: json(anyone) }), expect: [] },
    { kind: "not-applicable", name: "a Lambda resource policy is the Lambda front door rule's job", resources: one("aws:lambda/resourcePolicy:ResourcePolicy", { resourceArn: "a", policy: json(anyone) }), expect: [] },
    { kind: "not-applicable", name: "an ECR Public repository is public by design", resources: one("aws:ecrpublic/repositoryPolicy:RepositoryPolicy", { repositoryName: "r", policy: json(anyone) }), expect: [] },
    { kind: "unknown", name: "KMS key policy built from another output: warning, checked at update time", resources: one("aws:kms/key:Key", { policy: UNKNOWN }), expect: [{ level: A, message: "`policy` is not known during preview" }] },
    { kind: "unknown", name: "SQS QueuePolicy object whose principal is unknown", resources: one("aws:sqs/queuePolicy:QueuePolicy", { queueUrl: UNKNOWN, policy: doc({ ...anyone, Principal: { AWS: UNKNOWN } }) }), expect: [{ level: A, message: "Principal is unknown" }] },
    { kind: "unknown", name: "kms:CallerAccount value unknown", resources: one("aws:kms/keyPolicy:KeyPolicy", { keyId: UNKNOWN, policy: doc({ ...viaService, Condition: { StringEquals: { "kms:CallerAccount": UNKNOWN } } }) }), expect: [{ level: A, message: "kms:CallerAccount value is unknown" }] },
    { kind: "unknown", name: "blockPublicPolicy unknown on a private SecretPolicy does not matter", resources: one("aws:secretsmanager/secretPolicy:SecretPolicy", { secretArn: "a", policy: json(accountRoot), blockPublicPolicy: UNKNOWN }), expect: [] },
    { kind: "malformed", name: "DynamoDB policy not JSON", resources: one("aws:dynamodb/resourcePolicy:ResourcePolicy", { resourceArn: "a", policy: "Principal: *" }), expect: [{ level: M, message: "not valid JSON" }] },
    { kind: "malformed", name: "KMS key policy statement without Principal", resources: one("aws:kms/key:Key", { policy: json({ Effect: "Allow", Action: "kms:*", Resource: "*" }) }), expect: [{ level: M, message: "has neither Principal nor NotPrincipal" }] },
    { kind: "malformed", name: "required SecretPolicy \"{}\" has no Statement", resources: one("aws:secretsmanager/secretPolicy:SecretPolicy", { secretArn: "a", policy: "{}" }), expect: [{ level: M, message: "has no Statement" }] },
    { kind: "malformed", name: "policy of the wrong type", resources: one("aws:backup/vaultPolicy:VaultPolicy", { backupVaultName: "v", policy: 12 }), expect: [{ level: M, message: "must be a JSON object" }] },
]);

describe("aws-datastore-resource-policy-not-public covers every token of its table", () => {
    it.each([...RESOURCE_POLICY_PROPERTIES.entries()].map(([token, entry]) => [token, entry.property] as const))(
        "%s: a public `%s` is a violation",
        async (token, property) => {
            const outcome = await analyze({ type: token, name: "subject", props: { [property]: json(anyone) } });
            const mine = outcome.diagnostics.filter((d) => d.policyName === rule.name);
            expect(mine.map((d) => d.enforcementLevel)).toEqual(["mandatory"]);
            expect(mine[0].message).toContain(`\`${property}\` statement "Anyone"`);
        },
    );
});
