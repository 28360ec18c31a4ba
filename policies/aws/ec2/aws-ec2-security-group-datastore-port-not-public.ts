// A security group that lets the internet in on a data store's port, attached to that store. Three facts
// on (at least) three resources: the store (its port, its security groups), the security group, and the
// ingress permissions (inline on the group, or separate SecurityGroupRule / SecurityGroupIngressRule
// resources). A stack rule: it builds the ingress index once, then walks each store's groups.
//
// Links follow StackGraph's order: propertyDependencies (they survive preview, when every `sg.id` is
// unknown), then dependencies, then known ids. A group that is referenced only by a literal id and is not in
// the stack still collects the rules that name the same literal id.

import {
    cacheEngineDefaultPort,
    classifyCidrSource,
    decodeIngressPorts,
    formatRanges,
    isPortNumber,
    MSK_PORTS,
    rdsEngineDefaultPort,
    reachesStorePorts,
    type PortRange,
    type SourceVerdict,
    type StorePorts,
} from "../../lib/aws-network";
import { isObject } from "../../lib/props";
import { invalidFieldFinding, showValue, unknownSwitchFinding, type Finding, type StackRule } from "../../lib/rule";
import type { StackGraph, StackNode } from "../../lib/stack-graph";
import { awsTypes } from "../../lib/type-tokens";
import { isUnknown } from "../../lib/unknown";
import { domainPlacement } from "../opensearch/aws-opensearch-domain-not-public";

const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
const DEFAULT_SECURITY_GROUP = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
const SG_TYPES = awsTypes(SECURITY_GROUP, DEFAULT_SECURITY_GROUP);
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const SG_RULES = awsTypes(SG_RULE);
const INGRESS_RULES = awsTypes(INGRESS_RULE);

type Props = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------
// Stores: where each keeps its security groups, and which ports it listens on (docs/aws-tokens.md §16
// "How each store holds its security groups" and "Default database ports").

interface SgField {
    /** Path to the list of security-group ids; the first key is the property propertyDependencies names. */
    readonly path: readonly string[];
    /** For a list of objects (MSK Serverless `vpcConfigs[]`): the key of the ids inside each element. */
    readonly each?: string;
}

interface StoreKind {
    readonly what: string;
    readonly sg: SgField;
    ports(props: Props): StorePorts;
    /** False when the store has no security groups of its own (e.g. an OpenSearch domain outside a VPC). */
    applies?(props: Props): boolean;
}

const known = (ranges: readonly PortRange[], source: string): StorePorts => ({ kind: "known", ranges, source });
const one = (port: number): PortRange => ({ from: port, to: port });

/** The store's `port` when set; otherwise the default. */
function portOr(props: Props, fallback: () => StorePorts): StorePorts {
    const raw = props.port;
    if (raw === undefined || raw === null) return fallback();
    if (isUnknown(raw)) return { kind: "unknown", field: "port" };
    if (isPortNumber(raw)) return known([one(raw)], "`port`");
    return { kind: "any", reason: `\`port\` is ${showValue(raw)}, not a port number, so every port counts` };
}

/** The default port of the store's engine, read through `lookup`. */
function enginePort(props: Props, key: string, lookup: (engine: string) => number | undefined, absent?: string): StorePorts {
    const engine = props[key];
    if (isUnknown(engine)) return { kind: "unknown", field: key };
    if (engine === undefined || engine === null) {
        const fallback = absent !== undefined ? lookup(absent) : undefined;
        return fallback !== undefined
            ? known([one(fallback)], `the default port of the default engine "${absent}"`)
            : { kind: "any", reason: `\`${key}\` is not set, so the port cannot be derived and every port counts` };
    }
    const port = typeof engine === "string" ? lookup(engine) : undefined;
    return port !== undefined
        ? known([one(port)], `the default port of ${key} ${showValue(engine)}`)
        : { kind: "any", reason: `\`${key}\` is ${showValue(engine)}, whose port the pack does not know, so every port counts` };
}

const fixed = (port: number, why: string) => (props: Props) => portOr(props, () => known([one(port)], why));

const VPC_SECURITY_GROUP_IDS: SgField = { path: ["vpcSecurityGroupIds"] };
const SECURITY_GROUP_IDS: SgField = { path: ["securityGroupIds"] };

const STORES: Readonly<Record<string, StoreKind>> = {
    "aws:rds/instance:Instance": {
        what: "RDS database instance",
        sg: VPC_SECURITY_GROUP_IDS,
        // CreateDBInstance `Port` defaults by engine (docs/aws-tokens.md [S11a]). A read replica without
        // `engine` takes its source's engine: every port counts.
        ports: (p) => portOr(p, () => enginePort(p, "engine", rdsEngineDefaultPort)),
    },
    "aws:rds/cluster:Cluster": {
        what: "RDS / Aurora cluster",
        sg: VPC_SECURITY_GROUP_IDS,
        ports: (p) => portOr(p, () => enginePort(p, "engine", rdsEngineDefaultPort)), // [S11b]
    },
    "aws:rds/proxy:Proxy": {
        what: "RDS Proxy",
        sg: VPC_SECURITY_GROUP_IDS,
        ports: (p) => enginePort(p, "engineFamily", rdsEngineDefaultPort), // MYSQL 3306, POSTGRESQL 5432, SQLSERVER 1433
    },
    "aws:redshift/cluster:Cluster": {
        what: "Redshift cluster",
        sg: VPC_SECURITY_GROUP_IDS,
        ports: fixed(5439, "the Redshift default port"), // "Default port is `5439`." (redshift/cluster.d.ts)
    },
    "aws:redshiftserverless/workgroup:Workgroup": {
        what: "Redshift Serverless workgroup",
        sg: SECURITY_GROUP_IDS,
        ports: fixed(5439, "the Redshift Serverless default port"), // CreateWorkgroup "The default is 5439" [S15]
    },
    "aws:neptune/cluster:Cluster": {
        what: "Neptune cluster",
        sg: VPC_SECURITY_GROUP_IDS,
        ports: fixed(8182, "the Neptune default port"), // "Default is `8182`." (neptune/cluster.d.ts)
    },
    "aws:docdb/cluster:Cluster": {
        what: "DocumentDB cluster",
        sg: VPC_SECURITY_GROUP_IDS,
        ports: fixed(27017, "the DocumentDB default port"), // [S21]
    },
    "aws:docdb/elasticCluster:ElasticCluster": {
        what: "DocumentDB elastic cluster",
        sg: VPC_SECURITY_GROUP_IDS,
        ports: () => known([one(27017)], "the DocumentDB port"),
    },
    "aws:elasticache/cluster:Cluster": {
        what: "ElastiCache cluster",
        sg: SECURITY_GROUP_IDS,
        // "Memcached the default is 11211, and for Redis the default port is 6379" (elasticache/cluster.d.ts).
        ports: (p) => portOr(p, () => enginePort(p, "engine", cacheEngineDefaultPort)),
        // A member of a replication group takes the group's security groups (securityGroupIds "Cannot be
        // provided with replication_group_id"): the group is the store checked.
        applies: (p) => p.replicationGroupId === undefined || p.replicationGroupId === null,
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        what: "ElastiCache replication group",
        sg: SECURITY_GROUP_IDS,
        ports: (p) => portOr(p, () => enginePort(p, "engine", cacheEngineDefaultPort, "redis")), // "Default is `redis`."
    },
    "aws:elasticache/serverlessCache:ServerlessCache": {
        what: "ElastiCache serverless cache",
        sg: SECURITY_GROUP_IDS,
        // Serverless caches listen on the engine port and the next one (read from replica): 6379-6380 for
        // Redis / Valkey, 11211-11212 for Memcached.
        ports: (p) => {
            const base = enginePort(p, "engine", cacheEngineDefaultPort);
            return base.kind === "known" ? known(base.ranges.map((r) => ({ from: r.from, to: r.to + 1 })), `${base.source} and the reader port`) : base;
        },
    },
    "aws:memorydb/cluster:Cluster": {
        what: "MemoryDB cluster",
        sg: SECURITY_GROUP_IDS,
        ports: fixed(6379, "the MemoryDB default port"), // "Defaults to `6379`." (memorydb/cluster.d.ts)
    },
    "aws:opensearch/domain:Domain": {
        what: "OpenSearch domain",
        sg: { path: ["vpcOptions", "securityGroupIds"] },
        ports: domainPorts,
        applies: (p) => domainPlacement(p).kind === "vpc",
    },
    "aws:elasticsearch/domain:Domain": {
        what: "Elasticsearch domain",
        sg: { path: ["vpcOptions", "securityGroupIds"] },
        ports: domainPorts,
        applies: (p) => domainPlacement(p).kind === "vpc",
    },
    "aws:opensearch/serverlessVpcEndpoint:ServerlessVpcEndpoint": {
        what: "OpenSearch Serverless VPC endpoint",
        sg: SECURITY_GROUP_IDS,
        ports: () => known([one(443)], "HTTPS"),
    },
    "aws:msk/cluster:Cluster": {
        what: "MSK cluster",
        sg: { path: ["brokerNodeGroupInfo", "securityGroups"] },
        ports: () => known(MSK_PORTS, "the MSK broker and ZooKeeper ports"),
    },
    "aws:msk/serverlessCluster:ServerlessCluster": {
        what: "MSK Serverless cluster",
        sg: { path: ["vpcConfigs"], each: "securityGroupIds" },
        ports: () => known([one(9098)], "the MSK Serverless (IAM) port"),
    },
    "aws:efs/mountTarget:MountTarget": {
        what: "EFS mount target",
        sg: { path: ["securityGroups"] },
        ports: () => known([one(2049)], "NFS"),
    },
    "aws:timestreaminfluxdb/dbInstance:DbInstance": {
        what: "Timestream for InfluxDB instance",
        sg: VPC_SECURITY_GROUP_IDS,
        ports: fixed(8086, "the InfluxDB default port"), // "The default InfluxDB port is 8086"
    },
    "aws:timestreaminfluxdb/dbCluster:DbCluster": {
        what: "Timestream for InfluxDB cluster",
        sg: VPC_SECURITY_GROUP_IDS,
        ports: fixed(8086, "the InfluxDB default port"),
    },
};

/** A VPC domain's endpoint: HTTPS 443, and HTTP 80 unless `domainEndpointOptions.enforceHttps` is true. */
function domainPorts(props: Props): StorePorts {
    const options = props.domainEndpointOptions;
    const enforce = isObject(options) ? options.enforceHttps : undefined;
    return enforce === true ? known([one(443)], "HTTPS") : known([one(80), one(443)], "HTTP and HTTPS (enforceHttps is not true)");
}

const STORE_TYPES = awsTypes(...Object.keys(STORES));

// ---------------------------------------------------------------------------------------------------
// Reading a store's security-group references

type SgRefs =
    | { readonly kind: "absent" }
    | { readonly kind: "list"; readonly values: readonly unknown[]; readonly wholeUnknown: boolean }
    | { readonly kind: "invalid"; readonly field: string; readonly raw: unknown };

function readRefs(props: Props, field: SgField): SgRefs {
    let node: unknown = props;
    const walked: string[] = [];
    for (const key of field.path) {
        if (isUnknown(node)) return { kind: "list", values: [], wholeUnknown: true };
        if (!isObject(node)) return { kind: "invalid", field: walked.join("."), raw: node };
        node = node[key];
        walked.push(key);
        if (node === undefined || node === null) return { kind: "absent" };
    }
    if (isUnknown(node)) return { kind: "list", values: [], wholeUnknown: true };
    if (!Array.isArray(node)) return { kind: "invalid", field: walked.join("."), raw: node };
    if (field.each === undefined) {
        return node.length === 0 ? { kind: "absent" } : { kind: "list", values: node, wholeUnknown: false };
    }
    const values: unknown[] = [];
    let wholeUnknown = false;
    let someWithout = false;
    for (const [i, element] of node.entries()) {
        if (isUnknown(element)) {
            wholeUnknown = true;
            continue;
        }
        if (!isObject(element)) return { kind: "invalid", field: `${walked.join(".")}[${i}]`, raw: element };
        const ids = element[field.each];
        if (ids === undefined || ids === null || (Array.isArray(ids) && ids.length === 0)) someWithout = true;
        else if (isUnknown(ids)) wholeUnknown = true;
        else if (Array.isArray(ids)) values.push(...ids);
        else return { kind: "invalid", field: `${walked.join(".")}[${i}].${field.each}`, raw: ids };
    }
    if (values.length === 0 && !wholeUnknown && someWithout) return { kind: "absent" };
    return { kind: "list", values, wholeUnknown };
}

// ---------------------------------------------------------------------------------------------------
// The ingress index: security group (node URN, or "id:<literal>" for a group outside the stack) -> ingress

interface CidrSource {
    readonly field: string;
    readonly raw: unknown;
}

interface Ingress {
    /** Human name of where the permission is written, e.g. `ingress[0] of security group "db"`. */
    readonly origin: string;
    /** Field prefix for messages, e.g. "ingress[0]." or "". */
    readonly prefix: string;
    readonly protocol: unknown;
    readonly protocolKey: string;
    readonly fromPort: unknown;
    readonly toPort: unknown;
    readonly cidrs: readonly CidrSource[];
    /** SecurityGroupRule `type` when it is not plainly "ingress" (unknown or malformed). */
    readonly typeDoubt?: { readonly field: string; readonly raw: unknown; readonly unknown: boolean };
    /** The whole permission (or list) cannot be read. */
    readonly unreadable?: { readonly field: string; readonly raw: unknown; readonly unknown: boolean };
}

interface GroupRef {
    readonly key: string;
    readonly label: string;
}

function groupLabel(node: StackNode): string {
    return node.type === DEFAULT_SECURITY_GROUP ? `default security group "${node.name}"` : `security group "${node.name}"`;
}

/** CIDR lists of an inline entry or a SecurityGroupRule (`cidrBlocks`, `ipv6CidrBlocks`). */
function cidrLists(bag: Props, prefix: string): CidrSource[] {
    const out: CidrSource[] = [];
    for (const key of ["cidrBlocks", "ipv6CidrBlocks"]) {
        const list = bag[key];
        if (list === undefined || list === null) continue;
        if (!Array.isArray(list)) {
            out.push({ field: `${prefix}${key}`, raw: list });
            continue;
        }
        list.forEach((raw, i) => out.push({ field: `${prefix}${key}[${i}]`, raw }));
    }
    return out;
}

class IngressIndex {
    private readonly byGroup = new Map<string, Ingress[]>();
    private readonly groupsById = new Map<string, StackNode>();
    /** The VPC default groups the stack manages: what a store that names no group gets. */
    readonly defaultGroups: readonly StackNode[];

    constructor(private readonly stack: StackGraph) {
        const groups = stack.ofType(SG_TYPES);
        this.defaultGroups = groups.filter((g) => g.type === DEFAULT_SECURITY_GROUP);
        for (const group of groups) {
            const id = group.props.id;
            if (typeof id === "string" && !isUnknown(id)) this.groupsById.set(id, group);
            this.addInline(group);
        }
        for (const rule of stack.ofType(SG_RULES)) this.addRule(rule);
        for (const rule of stack.ofType(INGRESS_RULES)) this.addIngressRule(rule);
    }

    ingressOf(key: string): readonly Ingress[] {
        return this.byGroup.get(key) ?? [];
    }

    groupById(id: string): StackNode | undefined {
        return this.groupsById.get(id);
    }

    private add(key: string, ingress: Ingress): void {
        const list = this.byGroup.get(key) ?? [];
        list.push(ingress);
        this.byGroup.set(key, list);
    }

    private addInline(group: StackNode): void {
        const origin = (i?: number) => `${i === undefined ? "`ingress`" : `\`ingress[${i}]\``} of ${groupLabel(group)}`;
        const list = group.props.ingress;
        if (list === undefined || list === null) return;
        const base = { prefix: "", protocol: undefined, protocolKey: "protocol", fromPort: undefined, toPort: undefined, cidrs: [] };
        if (isUnknown(list) || !Array.isArray(list)) {
            this.add(group.urn, { ...base, origin: origin(), unreadable: { field: "ingress", raw: list, unknown: isUnknown(list) } });
            return;
        }
        list.forEach((entry, i) => {
            const prefix = `ingress[${i}].`;
            if (isUnknown(entry) || !isObject(entry)) {
                this.add(group.urn, { ...base, origin: origin(i), unreadable: { field: `ingress[${i}]`, raw: entry, unknown: isUnknown(entry) } });
                return;
            }
            this.add(group.urn, {
                origin: origin(i),
                prefix,
                protocol: entry.protocol,
                protocolKey: "protocol",
                fromPort: entry.fromPort,
                toPort: entry.toPort,
                cidrs: cidrLists(entry, prefix),
            });
        });
    }

    /** The groups a rule's `securityGroupId` names: linked nodes, else the literal id. */
    private targets(rule: StackNode): string[] {
        const nodes = this.stack.linked(rule, "securityGroupId", SG_TYPES, ["id"]);
        if (nodes.length > 0) return nodes.map((n) => n.urn);
        const id = rule.props.securityGroupId;
        return typeof id === "string" && !isUnknown(id) ? [`id:${id}`] : [];
    }

    private addRule(rule: StackNode): void {
        const type = rule.props.type;
        let typeDoubt: Ingress["typeDoubt"];
        if (typeof type === "string" && !isUnknown(type)) {
            const t = type.trim().toLowerCase();
            if (t === "egress") return;
            if (t !== "ingress") typeDoubt = { field: "type", raw: type, unknown: false };
        } else {
            typeDoubt = { field: "type", raw: type, unknown: isUnknown(type) };
        }
        const ingress: Ingress = {
            origin: `SecurityGroupRule "${rule.name}"`,
            prefix: "",
            protocol: rule.props.protocol,
            protocolKey: "protocol",
            fromPort: rule.props.fromPort,
            toPort: rule.props.toPort,
            cidrs: cidrLists(rule.props, ""),
            typeDoubt,
        };
        for (const key of this.targets(rule)) this.add(key, ingress);
    }

    private addIngressRule(rule: StackNode): void {
        const cidrs: CidrSource[] = [];
        for (const key of ["cidrIpv4", "cidrIpv6"]) {
            const raw = rule.props[key];
            if (raw !== undefined && raw !== null) cidrs.push({ field: key, raw });
        }
        const ingress: Ingress = {
            origin: `SecurityGroupIngressRule "${rule.name}"`,
            prefix: "",
            protocol: rule.props.ipProtocol,
            protocolKey: "ipProtocol",
            fromPort: rule.props.fromPort,
            toPort: rule.props.toPort,
            cidrs,
        };
        for (const key of this.targets(rule)) this.add(key, ingress);
    }
}

// ---------------------------------------------------------------------------------------------------
// Attaching groups to a store

function attachedGroups(stack: StackGraph, index: IngressIndex, store: StackNode, field: SgField, refs: SgRefs): GroupRef[] {
    const out = new Map<string, GroupRef>();
    const addNode = (n: StackNode) => out.set(n.urn, { key: n.urn, label: groupLabel(n) });
    if (refs.kind === "absent") {
        // No security group named: the store gets its VPC's default security group (RDS CreateDBInstance
        // VpcSecurityGroupIds "Default: The default EC2 VPC security group for the DB subnet group's VPC";
        // the same for the other stores, docs/aws-tokens.md §16). Every DefaultSecurityGroup the stack manages
        // is a candidate: the pack does not follow subnets to VPCs.
        for (const n of index.defaultGroups) {
            out.set(n.urn, { key: n.urn, label: `${groupLabel(n)} (the store names no security group, so it gets its VPC's default group)` });
        }
        return [...out.values()];
    }
    if (refs.kind === "invalid") return [];
    const top = field.path[0];
    const viaProperty = (store.propertyDependencies[top] ?? []).map((u) => stack.get(u)).filter((n): n is StackNode => n !== undefined && SG_TYPES.matches(n.type));
    viaProperty.forEach(addNode);
    const someUnknown = refs.wholeUnknown || refs.values.some(isUnknown);
    if (viaProperty.length === 0 && someUnknown) {
        // No property dependencies recorded: fall back to the store's dependencies on security groups.
        store.dependencies.map((u) => stack.get(u)).filter((n): n is StackNode => n !== undefined && SG_TYPES.matches(n.type)).forEach(addNode);
    }
    for (const v of refs.values) {
        if (typeof v !== "string" || isUnknown(v)) continue;
        const node = index.groupById(v);
        if (node) addNode(node);
        else if (!out.has(`id:${v}`)) out.set(`id:${v}`, { key: `id:${v}`, label: `security group ${v} (not in this stack)` });
    }
    return [...out.values()];
}

// ---------------------------------------------------------------------------------------------------
// Judging one permission against one store

function storeText(store: StackNode, ports: StorePorts): string {
    const portText =
        ports.kind === "known" ? `port ${formatRanges(ports.ranges)} (${ports.source})` : ports.kind === "any" ? `any port: ${ports.reason}` : "port unknown";
    return `"${store.name}" (${store.type}, ${portText})`;
}

function judge(store: StackNode, kind: StoreKind, ports: StorePorts, via: string, group: GroupRef, ingress: Ingress): Finding | undefined {
    const on = ingress.origin.includes(group.label) ? "" : `on ${group.label}, `;
    const where = `${ingress.origin} (${on}attached to "${store.name}" through \`${via}\`)`;
    const consequence = `${where} opens ${storeText(store, ports)} to the internet`;
    const withUrn = (f: Finding): Finding => ({ ...f, urn: store.urn });

    if (ingress.unreadable) {
        const u = ingress.unreadable;
        return withUrn(u.unknown ? unknownSwitchFinding(u.field, consequence) : invalidFieldFinding(u.field, u.raw, "a list of ingress permissions", consequence));
    }

    const judged: Array<CidrSource & { verdict: SourceVerdict }> = ingress.cidrs.map((c) => ({
        ...c,
        verdict: Array.isArray(c.raw) ? { kind: "invalid", reason: "expected a CIDR string, got an array" } : classifyCidrSource(c.raw),
    }));
    const publics = judged.filter((c) => c.verdict.kind === "public");
    const undecided = judged.filter((c) => c.verdict.kind === "unknown" || c.verdict.kind === "invalid");
    if (publics.length === 0 && undecided.length === 0) return undefined; // other security groups, prefix lists, narrow CIDRs

    const decoded = decodeIngressPorts(ingress.protocol, ingress.fromPort, ingress.toPort, ingress.prefix, ingress.protocolKey);
    const reach = decoded.state === "known" ? reachesStorePorts(decoded.value, ports) : "unknown";
    if (reach === "no") return undefined;

    // Anything that cannot be decided, in order: malformed input first (a clear violation), then unknowns.
    if (decoded.state === "invalid") return withUrn(invalidFieldFinding(decoded.field, decoded.raw, decoded.expected, consequence));
    if (ingress.typeDoubt && !ingress.typeDoubt.unknown) {
        return withUrn(invalidFieldFinding(ingress.typeDoubt.field, ingress.typeDoubt.raw, '"ingress" or "egress"', consequence));
    }
    const invalidCidr = undecided.find((c) => c.verdict.kind === "invalid");
    if (publics.length === 0 && invalidCidr && invalidCidr.verdict.kind === "invalid") {
        return withUrn(invalidFieldFinding(invalidCidr.field, invalidCidr.raw, `a CIDR block (${invalidCidr.verdict.reason})`, consequence));
    }
    if (decoded.state === "unknown") return withUrn(unknownSwitchFinding(decoded.field, consequence));
    if (ingress.typeDoubt) return withUrn(unknownSwitchFinding(ingress.typeDoubt.field, consequence));
    if (reach === "unknown" && ports.kind === "unknown") return withUrn(unknownSwitchFinding(`${ports.field}\` of \`${store.name}`, consequence));
    if (publics.length === 0) return withUrn(unknownSwitchFinding(undecided[0].field, consequence));

    const opened = decoded.state === "known" ? decoded.value.text : "";
    const sources = publics.map((c) => (c.verdict.kind === "public" ? `${c.verdict.cidr} in \`${c.field}\` (${c.verdict.why})` : "")).join(", ");
    return withUrn({
        message:
            `The ${kind.what} ${storeText(store, ports)} is attached through \`${via}\` to ${group.label}, and ${ingress.origin} ` +
            `allows ${opened} from ${sources}: anyone on the internet can connect to the ${kind.what}.`,
    });
}

// ---------------------------------------------------------------------------------------------------

export const awsEc2SecurityGroupDatastorePortNotPublic: StackRule = {
    kind: "stack",
    name: "aws-ec2-security-group-datastore-port-not-public",
    description:
        "Security groups attached to a data store (RDS, Aurora, Redshift, Neptune, DocumentDB, ElastiCache, MemoryDB, " +
        "OpenSearch, MSK, EFS, Timestream) must not allow ingress on the store's port from the internet (0.0.0.0/0, ::/0, " +
        "or a range broader than /8 IPv4 or /32 IPv6).",
    severity: "critical",
    remediationSteps:
        "Allow the store's port only from the application's security group (`securityGroups` / " +
        "`sourceSecurityGroupId` / `referencedSecurityGroupId`), a prefix list or a narrow private CIDR; reach the " +
        "store from outside through a VPN, Session Manager or a bastion, never through a world-open rule.",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html",
    catalog: "AWS: Security group open to the world on a database port, attached to a store",
    check(stack): Finding[] {
        const stores = stack.ofType(STORE_TYPES);
        if (stores.length === 0) return [];
        const index = new IngressIndex(stack);
        const findings: Finding[] = [];
        for (const store of stores) {
            const kind = STORES[store.type];
            if (kind.applies && !kind.applies(store.props)) continue;
            const via = kind.sg.path.join(".") + (kind.sg.each ? `[].${kind.sg.each}` : "");
            const refs = readRefs(store.props, kind.sg);
            if (refs.kind === "invalid") {
                findings.push({
                    ...invalidFieldFinding(refs.field, refs.raw, "a list of security group ids", `the ${kind.what} "${store.name}" is open to the internet`),
                    urn: store.urn,
                });
                continue;
            }
            const badId = refs.kind === "list" ? refs.values.findIndex((v) => typeof v !== "string" || (v.trim() === "" && !isUnknown(v))) : -1;
            if (refs.kind === "list" && badId !== -1) {
                findings.push({
                    ...invalidFieldFinding(`${via}[${badId}]`, refs.values[badId], "a security group id", `the ${kind.what} "${store.name}" is open to the internet`),
                    urn: store.urn,
                });
            }
            const groups = attachedGroups(stack, index, store, kind.sg, refs);
            if (groups.length === 0) continue;
            const ports = kind.ports(store.props);
            for (const group of groups) {
                for (const ingress of index.ingressOf(group.key)) {
                    const finding = judge(store, kind, ports, via, group, ingress);
                    if (finding) findings.push(finding);
                }
            }
        }
        return findings;
    },
};
