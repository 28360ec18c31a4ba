// Connected-car backend on AWS, private by default.
//
//   in-car terminals --> Kinesis (KMS) --> Firehose --> telemetry bucket (SSE-KMS, private)
//   application (private subnets) --> vehicle registry (DynamoDB) / dealer maintenance DB (RDS PostgreSQL)
//   overseas dealers --> CloudFront (HTTPS) --OAC--> private portal bucket
//
// The two data sets here are the two that leaked in the Toyota incidents: vehicle telemetry tied to
// customers, and dealer maintenance records with customer contact details. Every store below is private
// by construction; README.md explains each setting.

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CustomerDataBucket } from "./components/customer-data-bucket";
import { PrivateCdnSite } from "./components/private-cdn-site";
import { PrivateNetwork } from "./components/private-network";
import { PrivatePostgres } from "./components/private-postgres";
import { storeTags } from "./components/tags";

const config = new pulumi.Config();
const owner = config.get("owner") ?? "connected-car-platform";
const vpcCidr = config.get("vpcCidr") ?? "10.20.0.0/16";
const interfaceEndpoints = config.getObject<string[]>("interfaceEndpoints") ?? ["kinesis-streams", "secretsmanager", "kms", "sts"];
const dbInstanceClass = config.get("dbInstanceClass") ?? "db.t4g.micro";
const dbMultiAz = config.getBoolean("dbMultiAz") ?? false;
const telemetryShards = config.getNumber("telemetryShards") ?? 1;

const stackTags = { project: pulumi.getProject(), stack: pulumi.getStack() };
const accountId = aws.getCallerIdentityOutput().accountId;
const partition = aws.getPartitionOutput().partition;

// ---- Keys ---------------------------------------------------------------------------------------------

// One customer-managed key for the customer data (telemetry, registry, dealer DB, ingestion stream).
// Its policy delegates to IAM in this account only; no other account or service is named.
const dataKey = new aws.kms.Key("customer-data", {
    description: "Connected-car customer data: telemetry, vehicle registry, dealer maintenance records",
    enableKeyRotation: true,
    rotationPeriodInDays: 365,
    deletionWindowInDays: 30,
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "EnableIamPoliciesOfThisAccount",
                Effect: "Allow",
                Principal: { AWS: pulumi.interpolate`arn:${partition}:iam::${accountId}:root` },
                Action: "kms:*",
                Resource: "*",
            },
        ],
    }),
    tags: storeTags(stackTags, "key-material", owner),
});
new aws.kms.Alias("customer-data", { name: `alias/${pulumi.getProject()}-${pulumi.getStack()}-customer-data`, targetKeyId: dataKey.keyId });

// ---- Network: a data tier with no route to the internet ---------------------------------------------

const network = new PrivateNetwork("connected-car", {
    cidrBlock: vpcCidr,
    accountId,
    interfaceEndpointServices: interfaceEndpoints,
    tags: stackTags,
});

// The application tier (ingestion workers, dealer API) runs in the private subnets with this group. It
// may talk to the database, to the interface endpoints and to S3/DynamoDB through the gateway endpoints.
const appSecurityGroup = new aws.ec2.SecurityGroup("app", {
    vpcId: network.vpcId,
    description: "Connected-car application tier",
    tags: stackTags,
});
new aws.vpc.SecurityGroupEgressRule("app-to-endpoints", {
    securityGroupId: appSecurityGroup.id,
    referencedSecurityGroupId: network.endpointSecurityGroupId,
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    description: "AWS APIs through interface endpoints",
});
new aws.vpc.SecurityGroupEgressRule("app-to-s3", {
    securityGroupId: appSecurityGroup.id,
    prefixListId: network.s3PrefixListId,
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    description: "S3 through the gateway endpoint",
});
new aws.vpc.SecurityGroupEgressRule("app-to-dynamodb", {
    securityGroupId: appSecurityGroup.id,
    prefixListId: network.dynamodbPrefixListId,
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    description: "DynamoDB through the gateway endpoint",
});

// ---- Object stores ------------------------------------------------------------------------------------

// S3 server access logs of the other buckets. SSE-S3, the default encryption the S3 User Guide documents for
// server access log destinations (SSE-KMS would need the key policy to admit the log delivery service).
const accessLogs = new CustomerDataBucket("access-logs", {
    dataClassification: "access-logs",
    owner,
    acceptAccessLogsFromAccount: accountId,
    transitions: [{ days: 90, storageClass: "GLACIER_IR" }],
    expireAfterDays: 365,
    noncurrentVersionExpirationDays: 30,
    tags: stackTags,
});

// Raw telemetry: terminal ID, VIN, GPS position, timestamps.
const telemetry = new CustomerDataBucket("telemetry", {
    dataClassification: "vehicle-telemetry",
    owner,
    kmsKeyArn: dataKey.arn,
    accessLogs: { targetBucket: accessLogs.bucketName },
    transitions: [
        { days: 30, storageClass: "STANDARD_IA" },
        { days: 90, storageClass: "GLACIER_IR" },
        { days: 365, storageClass: "DEEP_ARCHIVE" },
    ],
    tags: stackTags,
});

// ---- Vehicle registry: terminal ID -> VIN -> customer -------------------------------------------------

const registry = new aws.dynamodb.Table("vehicle-registry", {
    billingMode: "PAY_PER_REQUEST",
    hashKey: "terminalId",
    attributes: [
        { name: "terminalId", type: "S" },
        { name: "vin", type: "S" },
    ],
    globalSecondaryIndexes: [{ name: "by-vin", hashKey: "vin", projectionType: "KEYS_ONLY" }],
    serverSideEncryption: { enabled: true, kmsKeyArn: dataKey.arn },
    pointInTimeRecovery: { enabled: true },
    deletionProtectionEnabled: true,
    tags: storeTags(stackTags, "vehicle-registry", owner),
});

// ---- Ingestion: Kinesis (KMS) -> Firehose -> telemetry bucket -----------------------------------------

const telemetryStream = new aws.kinesis.Stream("telemetry-ingest", {
    streamModeDetails: { streamMode: "PROVISIONED" },
    shardCount: telemetryShards,
    retentionPeriod: 24,
    encryptionType: "KMS",
    kmsKeyId: dataKey.arn,
    tags: storeTags(stackTags, "vehicle-telemetry", owner),
});

const firehoseRole = new aws.iam.Role("telemetry-delivery", {
    description: "Firehose: read the telemetry stream, write the telemetry bucket",
    assumeRolePolicy: {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "firehose.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": accountId } },
            },
        ],
    },
    tags: stackTags,
});
new aws.iam.RolePolicy("telemetry-delivery", {
    role: firehoseRole.id,
    policy: {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ReadStream",
                Effect: "Allow",
                Action: ["kinesis:DescribeStream", "kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:ListShards"],
                Resource: telemetryStream.arn,
            },
            {
                Sid: "WriteRawTelemetry",
                Effect: "Allow",
                Action: ["s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject"],
                Resource: [telemetry.arn, pulumi.interpolate`${telemetry.arn}/*`],
            },
            {
                Sid: "UseTheDataKey",
                Effect: "Allow",
                Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                Resource: dataKey.arn,
            },
        ],
    },
});
const delivery = new aws.kinesis.FirehoseDeliveryStream("telemetry-delivery", {
    destination: "extended_s3",
    kinesisSourceConfiguration: { kinesisStreamArn: telemetryStream.arn, roleArn: firehoseRole.arn },
    extendedS3Configuration: {
        roleArn: firehoseRole.arn,
        bucketArn: telemetry.arn,
        kmsKeyArn: dataKey.arn,
        prefix: "raw/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/",
        errorOutputPrefix: "errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/",
        bufferingInterval: 300,
        bufferingSize: 64,
        compressionFormat: "GZIP",
    },
    tags: storeTags(stackTags, "vehicle-telemetry", owner),
});

// ---- Dealer maintenance records: RDS PostgreSQL in the private subnets --------------------------------

const dealerDb = new PrivatePostgres("dealer-maintenance", {
    dataClassification: "customer-pii",
    owner,
    vpcId: network.vpcId,
    subnetIds: network.subnetIds,
    allowedSecurityGroupIds: [appSecurityGroup.id],
    kmsKeyArn: dataKey.arn,
    instanceClass: dbInstanceClass,
    multiAz: dbMultiAz,
    databaseName: "maintenance",
    tags: stackTags,
});
new aws.vpc.SecurityGroupEgressRule("app-to-dealer-db", {
    securityGroupId: appSecurityGroup.id,
    referencedSecurityGroupId: dealerDb.securityGroupId,
    ipProtocol: "tcp",
    fromPort: 5432,
    toPort: 5432,
    description: "PostgreSQL to the dealer maintenance database",
});

// ---- Dealer portal: CloudFront in front of a private bucket -------------------------------------------

const portal = new PrivateCdnSite("dealer-portal", {
    owner,
    accessLogBucket: accessLogs.bucketName,
    tags: stackTags,
});

export const vpcId = network.vpcId;
export const privateSubnetIds = network.subnetIds;
export const appSecurityGroupId = appSecurityGroup.id;
export const dataKeyArn = dataKey.arn;
export const telemetryBucket = telemetry.bucketName;
export const accessLogBucket = accessLogs.bucketName;
export const registryTable = registry.name;
export const telemetryStreamName = telemetryStream.name;
export const telemetryDeliveryStream = delivery.name;
export const dealerDbAddress = dealerDb.address;
export const dealerDbResourceId = dealerDb.resourceId;
export const dealerDbMasterSecretArn = dealerDb.masterUserSecretArn;
export const portalUrl = pulumi.interpolate`https://${portal.domainName}`;
export const portalBucket = portal.bucketName;
