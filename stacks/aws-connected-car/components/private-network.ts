import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface PrivateNetworkArgs {
    /** The VPC's IPv4 range (RFC 1918). Default: `10.20.0.0/16`. */
    cidrBlock?: string;
    /** Availability zones to spread the private subnets over (RDS needs at least 2). Default: 2. */
    availabilityZoneCount?: number;
    /**
     * AWS services reached through interface endpoints (PrivateLink), by the last part of their service
     * name, e.g. `kinesis-streams`, `secretsmanager`, `kms`, `sts`. Each costs about USD 7.30 a month per
     * availability zone. Default: `["kinesis-streams", "secretsmanager", "kms", "sts"]`.
     */
    interfaceEndpointServices?: string[];
    /** The AWS account whose principals and resources the gateway endpoints admit. Required. */
    accountId: pulumi.Input<string>;
    /** Tags for every network resource. Default: none. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A VPC for a data tier that has no route to the internet: private subnets only, no internet gateway, no
 * NAT gateway; S3 and DynamoDB reached through gateway endpoints whose policies admit only this account's
 * principals and resources; other AWS APIs through interface endpoints; the default security group
 * stripped of every rule.
 */
export class PrivateNetwork extends pulumi.ComponentResource {
    public readonly vpcId: pulumi.Output<string>;
    public readonly cidrBlock: pulumi.Output<string>;
    public readonly subnetIds: pulumi.Output<string>[];
    public readonly routeTableId: pulumi.Output<string>;
    /** Prefix lists of the S3 and DynamoDB gateway endpoints, for security group egress rules. */
    public readonly s3PrefixListId: pulumi.Output<string>;
    public readonly dynamodbPrefixListId: pulumi.Output<string>;
    /** Security group of the interface endpoints: HTTPS from inside the VPC only. */
    public readonly endpointSecurityGroupId: pulumi.Output<string>;

    constructor(name: string, args: PrivateNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("connected-car:aws:PrivateNetwork", name, {}, opts);
        const parent = { parent: this };
        const cidrBlock = args.cidrBlock ?? "10.20.0.0/16";
        const azCount = args.availabilityZoneCount ?? 2;
        const tags = args.tags;
        const region = aws.getRegionOutput({}, parent).region;

        const vpc = new aws.ec2.Vpc(
            name,
            { cidrBlock, enableDnsSupport: true, enableDnsHostnames: true, tags },
            parent,
        );

        // The VPC's default security group is what a resource gets when it names none: keep it empty.
        new aws.ec2.DefaultSecurityGroup(name, { vpcId: vpc.id, tags }, parent);

        // One route table with only the implicit local route (plus the gateway endpoint prefix lists).
        const routeTable = new aws.ec2.RouteTable(name, { vpcId: vpc.id, tags }, parent);

        const zones = aws.getAvailabilityZonesOutput({ state: "available" }, parent).names;
        const prefix = Number(cidrBlock.split("/")[1]);
        this.subnetIds = [];
        for (let i = 0; i < azCount; i++) {
            const subnet = new aws.ec2.Subnet(
                `${name}-private-${i}`,
                {
                    vpcId: vpc.id,
                    availabilityZone: zones.apply((z) => z[i % z.length]),
                    cidrBlock: subnetCidr(cidrBlock, prefix + 4, i),
                    mapPublicIpOnLaunch: false,
                    tags: pulumi.output(tags ?? {}).apply((t) => ({ ...t, tier: "private" })),
                },
                parent,
            );
            new aws.ec2.RouteTableAssociation(`${name}-private-${i}`, { subnetId: subnet.id, routeTableId: routeTable.id }, parent);
            this.subnetIds.push(subnet.id);
        }

        // Data perimeter: through these endpoints, only this account's principals reach only this account's
        // buckets and tables.
        const perimeterPolicy = pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "ThisAccountOnly",
                    Effect: "Allow",
                    Principal: "*",
                    Action: "*",
                    Resource: "*",
                    Condition: {
                        StringEquals: { "aws:PrincipalAccount": args.accountId, "aws:ResourceAccount": args.accountId },
                    },
                },
            ],
        });
        const s3Endpoint = new aws.ec2.VpcEndpoint(
            `${name}-s3`,
            {
                vpcId: vpc.id,
                serviceName: pulumi.interpolate`com.amazonaws.${region}.s3`,
                vpcEndpointType: "Gateway",
                routeTableIds: [routeTable.id],
                policy: perimeterPolicy,
                tags,
            },
            parent,
        );
        const dynamodbEndpoint = new aws.ec2.VpcEndpoint(
            `${name}-dynamodb`,
            {
                vpcId: vpc.id,
                serviceName: pulumi.interpolate`com.amazonaws.${region}.dynamodb`,
                vpcEndpointType: "Gateway",
                routeTableIds: [routeTable.id],
                policy: perimeterPolicy,
                tags,
            },
            parent,
        );

        const endpointSecurityGroup = new aws.ec2.SecurityGroup(
            `${name}-endpoints`,
            {
                vpcId: vpc.id,
                description: "Interface endpoints: HTTPS from inside the VPC",
                ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [cidrBlock], description: "HTTPS from the VPC" }],
                egress: [],
                tags,
            },
            parent,
        );
        for (const service of args.interfaceEndpointServices ?? ["kinesis-streams", "secretsmanager", "kms", "sts"]) {
            new aws.ec2.VpcEndpoint(
                `${name}-${service}`,
                {
                    vpcId: vpc.id,
                    serviceName: pulumi.interpolate`com.amazonaws.${region}.${service}`,
                    vpcEndpointType: "Interface",
                    privateDnsEnabled: true,
                    subnetIds: this.subnetIds,
                    securityGroupIds: [endpointSecurityGroup.id],
                    tags,
                },
                parent,
            );
        }

        this.vpcId = vpc.id;
        this.cidrBlock = vpc.cidrBlock;
        this.routeTableId = routeTable.id;
        this.s3PrefixListId = s3Endpoint.prefixListId;
        this.dynamodbPrefixListId = dynamodbEndpoint.prefixListId;
        this.endpointSecurityGroupId = endpointSecurityGroup.id;
        this.registerOutputs({
            vpcId: this.vpcId,
            subnetIds: this.subnetIds,
            routeTableId: this.routeTableId,
            s3PrefixListId: this.s3PrefixListId,
            dynamodbPrefixListId: this.dynamodbPrefixListId,
            endpointSecurityGroupId: this.endpointSecurityGroupId,
        });
    }
}

/** The `index`-th subnet of size `/newPrefix` inside an IPv4 CIDR, e.g. (10.20.0.0/16, 20, 1) -> 10.20.16.0/20. */
export function subnetCidr(cidr: string, newPrefix: number, index: number): string {
    const [address, prefixText] = cidr.split("/");
    const prefix = Number(prefixText);
    if (!(newPrefix > prefix && newPrefix <= 28) || index < 0 || index >= 2 ** (newPrefix - prefix)) {
        throw new Error(`cannot carve subnet ${index} of /${newPrefix} out of ${cidr}`);
    }
    const base = address.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
    const start = base + index * 2 ** (32 - newPrefix);
    return `${[24, 16, 8, 0].map((shift) => Math.floor(start / 2 ** shift) % 256).join(".")}/${newPrefix}`;
}
