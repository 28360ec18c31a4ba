import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { storeTags, type DataClassification } from "./tags";

/**
 * Settings of the RDS instance a caller may pass through unchanged. Everything that decides who can reach
 * the database, how it authenticates, how it is encrypted and whether it can be lost is left out of the
 * type, and is written again after the pass-through at run time (so `as any` cannot sneak it back in).
 */
export type PostgresTuning = Omit<
    aws.rds.InstanceArgs,
    | "publiclyAccessible"
    | "vpcSecurityGroupIds"
    | "dbSubnetGroupName"
    | "storageEncrypted"
    | "kmsKeyId"
    | "iamDatabaseAuthenticationEnabled"
    | "manageMasterUserPassword"
    | "masterUserSecretKmsKeyId"
    | "password"
    | "passwordWo"
    | "passwordWoVersion"
    | "deletionProtection"
    | "skipFinalSnapshot"
    | "finalSnapshotIdentifier"
    | "backupRetentionPeriod"
    | "parameterGroupName"
    | "engine"
    | "tags"
>;

export interface PrivatePostgresArgs {
    /** What the database holds; written to the `data-classification` tag. Required. */
    dataClassification: pulumi.Input<DataClassification>;
    /** The team that owns the data; written to the `owner` tag. Required. */
    owner: pulumi.Input<string>;
    /** The VPC of the database's security group. Required. */
    vpcId: pulumi.Input<string>;
    /** Private subnets (no route to an internet gateway) in at least two availability zones. Required. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Security groups of the application that may connect, on the database port only. One ingress rule
     * per group; nothing else is ever allowed in. Default: none (no one can connect).
     */
    allowedSecurityGroupIds?: pulumi.Input<string>[];
    /** Customer-managed KMS key for storage and the master-user secret. Required. */
    kmsKeyArn: pulumi.Input<string>;
    /** Instance class. Default: `db.t4g.micro` (the smallest Graviton class; fine for a pilot). */
    instanceClass?: pulumi.Input<string>;
    /** PostgreSQL major version; also selects the parameter group family. Default: `16`. */
    majorVersion?: "15" | "16" | "17";
    /** Initial storage in GiB (gp3). Default: 20. */
    allocatedStorage?: pulumi.Input<number>;
    /** Storage autoscaling ceiling in GiB. Default: 100. */
    maxAllocatedStorage?: pulumi.Input<number>;
    /** A standby in a second availability zone. Default: false (doubles the instance cost). */
    multiAz?: pulumi.Input<boolean>;
    /** Days of automated backups (point-in-time recovery). Default: 7; values below 7 are raised to 7. */
    backupRetentionDays?: number;
    /** Name of the database created on the instance. Default: `maintenance`. */
    databaseName?: pulumi.Input<string>;
    /** Master user name; its password is generated and kept in Secrets Manager by RDS. Default: `dbadmin`. */
    masterUsername?: pulumi.Input<string>;
    /** Database port. Default: 5432. */
    port?: number;
    /** Other instance settings (maintenance window, monitoring...). Default: none. */
    tuning?: PostgresTuning;
    /** Extra tags. `data-classification` and `owner` are always set from the arguments above. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * RDS for PostgreSQL that cannot be reached from the internet: private subnets, `publiclyAccessible: false`,
 * its own security group open only to the given application security groups on the database port,
 * encryption with a customer-managed key, TLS enforced (`rds.force_ssl`), IAM database authentication,
 * a master password managed by RDS in Secrets Manager, deletion protection, backups and a final snapshot.
 */
export class PrivatePostgres extends pulumi.ComponentResource {
    public readonly address: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    /** The `dbi-resource-id` used in `rds-db:connect` IAM policies. */
    public readonly resourceId: pulumi.Output<string>;
    /** The database's security group; it has no rule other than the application ingress rules. */
    public readonly securityGroupId: pulumi.Output<string>;
    /** ARN of the Secrets Manager secret RDS keeps the master password in. */
    public readonly masterUserSecretArn: pulumi.Output<string>;
    public readonly instance: aws.rds.Instance;

    constructor(name: string, args: PrivatePostgresArgs, opts?: pulumi.ComponentResourceOptions) {
        super("connected-car:aws:PrivatePostgres", name, {}, opts);
        const parent = { parent: this };
        const tags = storeTags(args.tags, args.dataClassification, args.owner);
        const port = args.port ?? 5432;
        const majorVersion = args.majorVersion ?? "16";

        const subnetGroup = new aws.rds.SubnetGroup(name, { subnetIds: args.subnetIds, tags }, parent);

        // No inline rules: the provider removes the default allow-all egress rule of a new group, and the
        // only ingress is one rule per application security group, below.
        const securityGroup = new aws.ec2.SecurityGroup(
            name,
            { vpcId: args.vpcId, description: `PostgreSQL ${name}: application security groups only`, tags },
            parent,
        );
        (args.allowedSecurityGroupIds ?? []).forEach((sourceGroupId, i) => {
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-app-${i}`,
                {
                    securityGroupId: securityGroup.id,
                    referencedSecurityGroupId: sourceGroupId,
                    ipProtocol: "tcp",
                    fromPort: port,
                    toPort: port,
                    description: "PostgreSQL from the application",
                },
                parent,
            );
        });

        const parameters = new aws.rds.ParameterGroup(
            name,
            {
                family: `postgres${majorVersion}`,
                description: `PostgreSQL ${name}: TLS only, connection logging`,
                parameters: [
                    { name: "rds.force_ssl", value: "1" },
                    { name: "log_connections", value: "1" },
                    { name: "log_disconnections", value: "1" },
                ],
                tags,
            },
            parent,
        );

        this.instance = new aws.rds.Instance(
            name,
            {
                // Tunables first: the caller's pass-through, then the named arguments with their defaults.
                ...args.tuning,
                instanceClass: args.instanceClass ?? "db.t4g.micro",
                engineVersion: majorVersion,
                allocatedStorage: args.allocatedStorage ?? 20,
                maxAllocatedStorage: args.maxAllocatedStorage ?? 100,
                storageType: "gp3",
                multiAz: args.multiAz ?? false,
                dbName: args.databaseName ?? "maintenance",
                username: args.masterUsername ?? "dbadmin",
                port,
                // Security settings LAST: nothing above can turn them off.
                engine: "postgres",
                publiclyAccessible: false,
                dbSubnetGroupName: subnetGroup.name,
                vpcSecurityGroupIds: [securityGroup.id],
                parameterGroupName: parameters.name,
                storageEncrypted: true,
                kmsKeyId: args.kmsKeyArn,
                iamDatabaseAuthenticationEnabled: true,
                manageMasterUserPassword: true,
                masterUserSecretKmsKeyId: args.kmsKeyArn,
                password: undefined,
                passwordWo: undefined,
                deletionProtection: true,
                backupRetentionPeriod: Math.max(7, args.backupRetentionDays ?? 7),
                skipFinalSnapshot: false,
                finalSnapshotIdentifier: `${name}-final`,
                copyTagsToSnapshot: true,
                autoMinorVersionUpgrade: true,
                enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
                tags,
            },
            parent,
        );

        this.address = this.instance.address;
        this.port = this.instance.port;
        this.resourceId = this.instance.resourceId;
        this.securityGroupId = securityGroup.id;
        this.masterUserSecretArn = this.instance.masterUserSecrets.apply((s) => s?.[0]?.secretArn ?? "");
        this.registerOutputs({
            address: this.address,
            port: this.port,
            resourceId: this.resourceId,
            securityGroupId: this.securityGroupId,
            masterUserSecretArn: this.masterUserSecretArn,
        });
    }
}
