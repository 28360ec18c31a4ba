import { awsEc2SecurityGroupDatastorePortNotPublic as rule } from "../../policies/aws/ec2/aws-ec2-security-group-datastore-port-not-public";
import { ruleTable, UNKNOWN, urnOf, type TestResource } from "../harness";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const RDS = "aws:rds/instance:Instance";
const AURORA = "aws:rds/cluster:Cluster";
const M = "mandatory" as const;

const pg = { engine: "postgres", instanceClass: "db.t4g.micro", storageEncrypted: true, publiclyAccessible: false };

/** A security group; `id` only in deployed mode (preview: unknown). */
const sg = (name: string, props: Record<string, unknown> = {}, type = SG): TestResource => ({ type, name, props: { vpcId: "vpc-1", ...props } });
const open = (from: number, to = from, cidr = "0.0.0.0/0") => ({ protocol: "tcp", fromPort: from, toPort: to, cidrBlocks: [cidr] });

/** A store attached through `property` to the named groups, as a preview records it (ids unknown, links kept). */
function store(type: string, name: string, props: Record<string, unknown>, property: string, groups: string[], sgType = SG): TestResource {
    const urns = groups.map((g) => urnOf(sgType, g));
    return { type, name, props, propertyDependencies: { [property]: urns }, dependencies: urns };
}
const rds = (name: string, groups: string[], props: Record<string, unknown> = {}) =>
    store(RDS, name, { ...pg, vpcSecurityGroupIds: groups.map(() => UNKNOWN), ...props }, "vpcSecurityGroupIds", groups);

/** A SecurityGroupRule / SecurityGroupIngressRule attached to `group` through propertyDependencies. */
const linked = (type: string, name: string, group: string, props: Record<string, unknown>): TestResource => ({
    type,
    name,
    props: { securityGroupId: UNKNOWN, ...props },
    propertyDependencies: { securityGroupId: [urnOf(SG, group)] },
    dependencies: [urnOf(SG, group)],
});
const sgRule = (name: string, group: string, props: Record<string, unknown>) => linked(SG_RULE, name, group, { type: "ingress", ...props });
const ingressRule = (name: string, group: string, props: Record<string, unknown>) => linked(INGRESS, name, group, props);

ruleTable(rule, [
    {
        kind: "pass",
        name: "private: 5432 only from the app security group (inline securityGroups)",
        resources: [sg("app"), sg("db", { ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: [UNKNOWN] }] }), rds("orders", ["db"])],
        expect: [],
    },
    {
        kind: "pass",
        name: "world-open HTTPS on the database's group does not reach 5432",
        resources: [sg("db", { ingress: [open(443)] }), rds("orders", ["db"])],
        expect: [],
    },
    {
        kind: "pass",
        name: "egress to 0.0.0.0/0 is not ingress",
        resources: [sg("db", { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }), sgRule("out", "db", { type: "egress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }), rds("orders", ["db"])],
        expect: [],
    },
    {
        kind: "pass",
        name: "narrow CIDRs: the VPC range, exactly a /8, an IPv6 /32",
        resources: [
            sg("db", { ingress: [open(5432, 5432, "10.0.0.0/16")] }),
            ingressRule("peer", "db", { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "11.0.0.0/8" }),
            ingressRule("v6", "db", { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv6: "2001:db8::/32" }),
            rds("orders", ["db"]),
        ],
        expect: [],
    },
    {
        kind: "pass",
        name: "prefix list, referenced group, and UDP from anywhere",
        resources: [
            sg("db", { ingress: [{ protocol: "udp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] }] }),
            ingressRule("pl", "db", { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, prefixListId: "pl-123" }),
            ingressRule("ref", "db", { ipProtocol: "-1", referencedSecurityGroupId: UNKNOWN }),
            sgRule("src", "db", { protocol: "tcp", fromPort: 0, toPort: 65535, sourceSecurityGroupId: UNKNOWN }),
            rds("orders", ["db"]),
        ],
        expect: [],
    },
    {
        kind: "pass",
        name: "a world-open group attached to no store (a load balancer's)",
        resources: [sg("alb", { ingress: [open(443), open(5432)] }), sg("db"), rds("orders", ["db"])],
        expect: [],
    },
    {
        kind: "pass",
        name: "custom port: 5432 open does not reach an instance on 6543",
        resources: [sg("db", { ingress: [open(5432)] }), rds("orders", ["db"], { port: 6543 })],
        expect: [],
    },
    {
        kind: "pass",
        name: "an OpenSearch domain outside a VPC has no security groups; a cache in a replication group uses the group's",
        resources: [
            sg("open", { ingress: [open(0, 65535)] }),
            store("aws:opensearch/domain:Domain", "search", { domainName: "search" }, "vpcOptions", ["open"]),
            store("aws:elasticache/cluster:Cluster", "member", { replicationGroupId: "rg", securityGroupIds: [UNKNOWN] }, "securityGroupIds", ["open"]),
        ],
        expect: [],
    },
    {
        kind: "fail",
        name: "Toyota pattern: inline ingress 5432 from 0.0.0.0/0, attached through vpcSecurityGroupIds",
        resources: [sg("db", { ingress: [open(5432)] }), rds("dealer-db", ["db"])],
        expect: [{
            level: M,
            resource: "dealer-db",
            message:
                'The RDS database instance "dealer-db" (aws:rds/instance:Instance, port 5432 (the default port of engine "postgres")) is attached through ' +
                '`vpcSecurityGroupIds` to security group "db", and `ingress[0]` of security group "db" allows tcp 5432 from 0.0.0.0/0 in ' +
                "`ingress[0].cidrBlocks[0]` (every IPv4 address): anyone on the internet can connect",
        }],
    },
    {
        kind: "fail",
        name: "Toyota pattern through a SecurityGroupRule",
        resources: [sg("db"), sgRule("db-open", "db", { protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] }), rds("dealer-db", ["db"])],
        expect: [{ level: M, resource: "dealer-db", message: 'SecurityGroupRule "db-open" allows tcp 5432 from 0.0.0.0/0 in `cidrBlocks[0]` (every IPv4 address)' }],
    },
    {
        kind: "fail",
        name: "Toyota pattern through a SecurityGroupIngressRule, IPv6 all protocols",
        resources: [sg("db"), ingressRule("db-open", "db", { ipProtocol: "-1", cidrIpv6: "::/0" }), rds("dealer-db", ["db"])],
        expect: [{ level: M, message: 'SecurityGroupIngressRule "db-open" allows all protocols and ports from ::/0 in `cidrIpv6` (every IPv6 address)' }],
    },
    {
        kind: "fail",
        name: "deployed: links by known ids only (no property dependencies recorded)",
        resources: [
            sg("db", { id: "sg-0db" }),
            { type: SG_RULE, name: "db-open", props: { type: "ingress", securityGroupId: "sg-0db", protocol: "all", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] } },
            { type: AURORA, name: "aurora", props: { engine: "aurora-mysql", vpcSecurityGroupIds: ["sg-0db"] } },
        ],
        expect: [{ level: M, message: 'The RDS / Aurora cluster "aurora" (aws:rds/cluster:Cluster, port 3306 (the default port of engine "aurora-mysql"))' }],
    },
    {
        kind: "fail",
        name: "a group outside the stack, named by the same literal id in the store and the rule",
        resources: [
            { type: INGRESS, name: "legacy-open", props: { securityGroupId: "sg-legacy", ipProtocol: "tcp", fromPort: 0, toPort: 65535, cidrIpv4: "0.0.0.0/0" } },
            { type: RDS, name: "legacy", props: { ...pg, vpcSecurityGroupIds: ["sg-legacy"] } },
        ],
        expect: [{ level: M, message: "to security group sg-legacy (not in this stack), and SecurityGroupIngressRule \"legacy-open\" allows tcp 0-65535" }],
    },
    {
        kind: "fail",
        name: "custom port open, range broader than /8",
        resources: [sg("db", { ingress: [open(6000, 7000, "64.0.0.0/2")] }), rds("orders", ["db"], { port: 6543 })],
        expect: [{ level: M, message: "port 6543 (`port`)) is attached through `vpcSecurityGroupIds` to security group \"db\", and `ingress[0]` of security group \"db\" allows tcp 6000-7000 from 64.0.0.0/2 in `ingress[0].cidrBlocks[0]` (broader than /8, which AWS counts as public)" }],
    },
    {
        kind: "fail",
        name: "ElastiCache Redis (engine default 6379) through securityGroupIds",
        resources: [sg("cache", { ingress: [open(6379)] }), store("aws:elasticache/replicationGroup:ReplicationGroup", "sessions", { description: "s", securityGroupIds: [UNKNOWN] }, "securityGroupIds", ["cache"])],
        expect: [{ level: M, message: 'The ElastiCache replication group "sessions" (aws:elasticache/replicationGroup:ReplicationGroup, port 6379 (the default port of the default engine "redis"))' }],
    },
    {
        kind: "fail",
        name: "MSK through brokerNodeGroupInfo.securityGroups, and DocumentDB through vpcSecurityGroupIds",
        resources: [
            sg("kafka", { ingress: [open(9092, 9098)] }),
            sg("docs", { ingress: [open(27017)] }),
            store("aws:msk/cluster:Cluster", "events", { brokerNodeGroupInfo: { instanceType: "kafka.m5.large", securityGroups: [UNKNOWN] } }, "brokerNodeGroupInfo", ["kafka"]),
            store("aws:docdb/cluster:Cluster", "catalog", { vpcSecurityGroupIds: [UNKNOWN] }, "vpcSecurityGroupIds", ["docs"]),
        ],
        expect: [
            { level: M, resource: "events", message: "is attached through `brokerNodeGroupInfo.securityGroups` to security group \"kafka\"" },
            { level: M, resource: "catalog", message: "The DocumentDB cluster \"catalog\" (aws:docdb/cluster:Cluster, port 27017" },
        ],
    },
    {
        kind: "fail",
        name: "OpenSearch VPC domain HTTPS open, EFS NFS open, MSK Serverless through vpcConfigs",
        resources: [
            sg("open", { ingress: [open(0, 65535)] }),
            store("aws:opensearch/domain:Domain", "search", { vpcOptions: { subnetIds: [UNKNOWN], securityGroupIds: [UNKNOWN] }, domainEndpointOptions: { enforceHttps: true } }, "vpcOptions", ["open"]),
            store("aws:efs/mountTarget:MountTarget", "nfs", { fileSystemId: UNKNOWN, securityGroups: [UNKNOWN] }, "securityGroups", ["open"]),
            store("aws:msk/serverlessCluster:ServerlessCluster", "stream", { vpcConfigs: [{ subnetIds: [UNKNOWN], securityGroupIds: [UNKNOWN] }] }, "vpcConfigs", ["open"]),
        ],
        expect: [
            { level: M, resource: "search", message: "port 443 (HTTPS)) is attached through `vpcOptions.securityGroupIds`" },
            { level: M, resource: "nfs", message: "port 2049 (NFS)) is attached through `securityGroups`" },
            { level: M, resource: "stream", message: "port 9098 (the MSK Serverless (IAM) port)) is attached through `vpcConfigs[].securityGroupIds`" },
        ],
    },
    {
        kind: "fail",
        name: "no security group named: the VPC's default group, opened to the world",
        resources: [
            { type: DEFAULT_SG, name: "default", props: { vpcId: "vpc-1", ingress: [open(5432)] } },
            { type: RDS, name: "orders", props: pg },
        ],
        expect: [{ level: M, message: 'to default security group "default" (the store names no security group, so it gets its VPC\'s default group)' }],
    },
    {
        kind: "fail",
        name: "dependencies fallback when no property dependencies are recorded; Redshift Serverless 5439",
        resources: [
            sg("wh", { ingress: [open(5439)] }),
            { type: "aws:redshiftserverless/workgroup:Workgroup", name: "warehouse", props: { namespaceName: "n", workgroupName: "w", securityGroupIds: [UNKNOWN] }, dependencies: [urnOf(SG, "wh")] },
        ],
        expect: [{ level: M, message: "The Redshift Serverless workgroup \"warehouse\"" }],
    },
    {
        kind: "fail",
        name: "a read replica without engine: any port counts",
        resources: [sg("db", { ingress: [open(22)] }), store(RDS, "replica", { replicateSourceDb: "orders", vpcSecurityGroupIds: [UNKNOWN] }, "vpcSecurityGroupIds", ["db"])],
        expect: [{ level: M, message: "any port: `engine` is not set, so the port cannot be derived and every port counts" }],
    },
    {
        kind: "not-applicable",
        name: "a world-open group in a stack without data stores",
        resources: [sg("web", { ingress: [open(0, 65535)] }), { type: "aws:ec2/instance:Instance", name: "web", props: { vpcSecurityGroupIds: [UNKNOWN] }, propertyDependencies: { vpcSecurityGroupIds: [urnOf(SG, "web")] } }],
        expect: [],
    },
    {
        kind: "unknown",
        name: "CIDR unknown at preview on the database port fails closed",
        resources: [sg("db", { ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: [UNKNOWN] }] }), rds("orders", ["db"])],
        expect: [{ level: M, message: "`ingress[0].cidrBlocks[0]` is unknown during preview, so the pack cannot tell whether `ingress[0]` of security group \"db\"" }],
    },
    {
        kind: "unknown",
        name: "store port unknown at preview with a world-open 5432",
        resources: [sg("db", { ingress: [open(5432)] }), rds("orders", ["db"], { port: UNKNOWN })],
        expect: [{ level: M, message: "`port` of `orders` is unknown during preview" }],
    },
    {
        kind: "unknown",
        name: "rule type and protocol unknown",
        resources: [
            sg("db"),
            sgRule("maybe", "db", { type: UNKNOWN, protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] }),
            ingressRule("proto", "db", { ipProtocol: UNKNOWN, fromPort: 5432, toPort: 5432, cidrIpv4: "0.0.0.0/0" }),
            rds("orders", ["db"]),
        ],
        expect: [
            { level: M, message: "`type` is unknown during preview" },
            { level: M, message: "`ipProtocol` is unknown during preview" },
        ],
    },
    {
        kind: "unknown",
        name: "security-group list unknown with no recorded links: groups outside the stack, nothing to judge",
        resources: [sg("db", { ingress: [open(5432)] }), { type: RDS, name: "orders", props: { ...pg, vpcSecurityGroupIds: UNKNOWN } }],
        expect: [],
    },
    {
        kind: "malformed",
        name: "an invalid CIDR on the database port",
        resources: [sg("db", { ingress: [open(5432, 5432, "0.0.0.0/33")] }), rds("orders", ["db"])],
        expect: [{ level: M, message: '`ingress[0].cidrBlocks[0]` is "0.0.0.0/33", which is not a CIDR block' }],
    },
    {
        kind: "malformed",
        name: "fromPort after toPort with a public source",
        resources: [sg("db"), sgRule("bad", "db", { protocol: "tcp", fromPort: 6000, toPort: 5000, cidrBlocks: ["0.0.0.0/0"] }), rds("orders", ["db"])],
        expect: [{ level: M, message: '`fromPort` is "6000-5000", which is not a port range with 0 <= fromPort <= toPort <= 65535' }],
    },
    {
        kind: "malformed",
        name: "vpcSecurityGroupIds as a string",
        resources: [sg("db", { ingress: [open(5432)] }), { type: RDS, name: "orders", props: { ...pg, vpcSecurityGroupIds: "sg-0db" } }],
        expect: [{ level: M, message: '`vpcSecurityGroupIds` is "sg-0db", which is not a list of security group ids' }],
    },
    {
        kind: "malformed",
        name: "a security group id that is not a string",
        resources: [sg("db", { ingress: [open(5432)] }), { type: RDS, name: "orders", props: { ...pg, vpcSecurityGroupIds: [42] } }],
        expect: [{ level: M, message: "`vpcSecurityGroupIds[0]` is 42, which is not a security group id" }],
    },
    {
        kind: "malformed",
        name: "inline ingress not a list",
        resources: [sg("db", { ingress: "0.0.0.0/0" }), rds("orders", ["db"])],
        expect: [{ level: M, message: '`ingress` is "0.0.0.0/0", which is not a list of ingress permissions' }],
    },
]);
