// AWS network semantics shared by the network-exposure rules: which TCP ports a data store listens on,
// which ports a security-group ingress permission opens, and whether its source is the internet.
//
// Sources, cited below:
//   [EC2-SG]     Amazon VPC User Guide, "Security group rules" (protocol -1 / all = all protocols and ports;
//                protocol numbers; sources are CIDRs, prefix lists or security groups):
//                https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
//   [EC2-AUTH]   EC2 API, AuthorizeSecurityGroupIngress / IpPermission ("Use -1 to specify all protocols. If
//                you specify -1 or a protocol other than tcp, udp, or icmp(v6), traffic on all ports is allowed,
//                regardless of any ports you specify"; "If the protocol is TCP or UDP, this is the start of the
//                port range"): https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
//   [S3-PUBLIC]  the /8 (IPv4) and /32 (IPv6) thresholds, as in ip-ranges.ts.
//   [PORTS]      default ports per store: docs/aws-tokens.md §16 "Default database ports" (RDS CreateDBInstance
//                and CreateDBCluster `Port`, the @pulumi/aws typings, MSK "Port information").
//
// Every data port below is a TCP port: an ingress permission for UDP, ICMP or another IP protocol never
// opens one.
//
// Pure: no Pulumi imports, never throws.

import { isBroaderThanAwsPublicThreshold, isWholeInternet, parseCidrOrAddress } from "./ip-ranges";
import { isUnknown } from "./unknown";

// ---------------------------------------------------------------------------------------------------
// Ports

/** An inclusive TCP port range. */
export interface PortRange {
    readonly from: number;
    readonly to: number;
}

export function formatRange(r: PortRange): string {
    return r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`;
}

export function formatRanges(ranges: readonly PortRange[]): string {
    return ranges.map(formatRange).join(", ");
}

const single = (port: number): PortRange => ({ from: port, to: port });

/**
 * RDS (and Aurora, and RDS Proxy engine families) default ports by engine [PORTS]: CreateDBInstance `Port`
 * "Default: 3306" for MySQL / MariaDB / Aurora MySQL, "5432" for PostgreSQL / Aurora PostgreSQL, "1521" for
 * Oracle, "1433" for SQL Server, "50000" for Db2. Matched on the engine's prefix, so `oracle-ee-cdb`,
 * `sqlserver-se`, `custom-oracle-ee` and `db2-ae` resolve; compared case-insensitively.
 */
const RDS_ENGINE_PORTS: ReadonlyArray<[prefix: string, port: number]> = [
    ["aurora-postgresql", 5432],
    ["aurora", 3306], // "aurora-mysql", and the legacy "aurora" engine (Aurora MySQL 5.6)
    ["postgres", 5432],
    ["mysql", 3306],
    ["mariadb", 3306],
    ["oracle", 1521],
    ["custom-oracle", 1521],
    ["sqlserver", 1433],
    ["custom-sqlserver", 1433],
    ["db2", 50000],
    // RDS Proxy engineFamily values
    ["postgresql", 5432],
];

/** The default port of an RDS / Aurora engine (or RDS Proxy engine family), if the engine is one RDS knows. */
export function rdsEngineDefaultPort(engine: string): number | undefined {
    const e = engine.trim().toLowerCase();
    for (const [prefix, port] of RDS_ENGINE_PORTS) {
        if (e === prefix || e.startsWith(`${prefix}-`)) {
            return port;
        }
    }
    return undefined;
}

/** ElastiCache / MemoryDB default ports [PORTS]: Redis and Valkey 6379, Memcached 11211. */
export function cacheEngineDefaultPort(engine: string): number | undefined {
    const e = engine.trim().toLowerCase();
    if (e === "redis" || e === "valkey") return 6379;
    if (e === "memcached") return 11211;
    return undefined;
}

/**
 * MSK broker ports [PORTS] ("Port information", MSK Developer Guide): 9092 plaintext, 9094 TLS, 9096
 * SASL/SCRAM, 9098 IAM; public access 9194 / 9196 / 9198; IPv6 20092 / 20094 / 20096 / 20098; ZooKeeper 2181
 * and 2182 (TLS).
 */
export const MSK_PORTS: readonly PortRange[] = [
    single(2181), single(2182),
    single(9092), single(9094), single(9096), single(9098),
    single(9194), single(9196), single(9198),
    single(20092), single(20094), single(20096), single(20098),
];

/** A store's listening ports: known ranges, or unknown during preview, or undeterminable (any port counts). */
export type StorePorts =
    | { readonly kind: "known"; readonly ranges: readonly PortRange[]; readonly source: string }
    | { readonly kind: "unknown"; readonly field: string }
    | { readonly kind: "any"; readonly reason: string };

/** Number.isInteger as a type guard: true only for a number with no fractional part (never NaN or Infinity). */
function isInteger(value: unknown): value is number {
    return Number.isInteger(value);
}

/** `port` as a store resource holds it: a whole number 1-65535. */
export function isPortNumber(value: unknown): value is number {
    return isInteger(value) && value >= 1 && value <= 65535;
}

// ---------------------------------------------------------------------------------------------------
// One ingress permission

/** What an ingress permission opens, as far as TCP is concerned. */
export type IngressPorts =
    | { readonly kind: "all"; readonly text: string }
    | { readonly kind: "tcp"; readonly range: PortRange; readonly text: string }
    | { readonly kind: "not-tcp"; readonly text: string };

export type Decoded<T> =
    | { readonly state: "known"; readonly value: T }
    | { readonly state: "unknown"; readonly field: string }
    | { readonly state: "invalid"; readonly field: string; readonly raw: unknown; readonly expected: string };

const ALL_PROTOCOLS = new Set(["-1", "all"]);
const TCP = new Set(["tcp", "6"]);
/** Other protocols the EC2 API names (udp, icmp, icmpv6); any protocol number other than 6 is not TCP either. */
const NAMED_NON_TCP = new Set(["udp", "icmp", "icmpv6"]);

function portField(raw: unknown, field: string): Decoded<number | undefined> {
    if (raw === undefined || raw === null) return { state: "known", value: undefined };
    if (isUnknown(raw)) return { state: "unknown", field };
    if (isInteger(raw) && raw >= -1 && raw <= 65535) return { state: "known", value: raw };
    return { state: "invalid", field, raw, expected: "a port number from -1 to 65535" };
}

/**
 * Decodes (protocol, fromPort, toPort) of an inline `ingress[]` entry, an ec2 SecurityGroupRule or a vpc
 * SecurityGroupIngressRule (`ipProtocol`). `prefix` names the fields in messages (e.g. "ingress[0].").
 *
 * - "-1" / "all": every protocol and port; ports are ignored [EC2-AUTH].
 * - "tcp" / "6": fromPort..toPort. fromPort -1 with toPort -1 (or 65535) is read as every port: the
 *   broader reading, since -1 means "all" for the other port-carrying protocols. A missing port on a TCP
 *   permission is malformed (the API requires both).
 * - any other protocol name or number (0-255): not TCP, so no data port is opened, whatever the ports say.
 */
export function decodeIngressPorts(protocol: unknown, fromPort: unknown, toPort: unknown, prefix: string, protocolKey = "protocol"): Decoded<IngressPorts> {
    const protocolField = `${prefix}${protocolKey}`;
    if (isUnknown(protocol)) return { state: "unknown", field: protocolField };
    const p = typeof protocol === "number" ? String(protocol) : typeof protocol === "string" ? protocol.trim().toLowerCase() : undefined;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,BlockStatement,StringLiteral: an early exit; a missing or empty protocol reaches the same invalid result at the end
    if (p === undefined || p === "") {
        return { state: "invalid", field: protocolField, raw: protocol, expected: 'a protocol ("-1", "all", "tcp", "udp", "icmp", "icmpv6" or a protocol number)' };
    }
    if (ALL_PROTOCOLS.has(p)) return { state: "known", value: { kind: "all", text: "all protocols and ports" } };
    if (!TCP.has(p)) {
        const numeric = /^[0-9]{1,3}$/.test(p) && Number(p) <= 255;
        if (NAMED_NON_TCP.has(p) || numeric) return { state: "known", value: { kind: "not-tcp", text: `protocol ${p}` } };
        return { state: "invalid", field: protocolField, raw: protocol, expected: 'a protocol ("-1", "all", "tcp", "udp", "icmp", "icmpv6" or a protocol number)' };
    }
    const from = portField(fromPort, `${prefix}fromPort`);
    const to = portField(toPort, `${prefix}toPort`);
    if (from.state !== "known") return from;
    if (to.state !== "known") return to;
    if (from.value === undefined || to.value === undefined) {
        const field = from.value === undefined ? `${prefix}fromPort` : `${prefix}toPort`;
        return { state: "invalid", field, raw: undefined, expected: "set (a TCP permission needs fromPort and toPort)" };
    }
    if (from.value === -1 && (to.value === -1 || to.value === 65535)) {
        return { state: "known", value: { kind: "all", text: "tcp, every port (fromPort -1)" } };
    }
    // Both ports are >= -1 here: 0 <= fromPort <= toPort also rules out toPort -1.
    if (from.value < 0 || from.value > to.value) {
        return { state: "invalid", field: `${prefix}fromPort`, raw: `${from.value}-${to.value}`, expected: "a port range with 0 <= fromPort <= toPort <= 65535" };
    }
    const range = { from: from.value, to: to.value };
    return { state: "known", value: { kind: "tcp", range, text: `tcp ${formatRange(range)}` } };
}

/** Does the permission reach one of the store's ports? "unknown" when the store's port is not known yet. */
export function reachesStorePorts(ingress: IngressPorts, store: StorePorts): "yes" | "no" | "unknown" {
    if (ingress.kind === "not-tcp") return "no";
    if (ingress.kind === "all" || store.kind === "any") return "yes";
    if (store.kind === "unknown") return "unknown";
    return store.ranges.some((r) => r.from <= ingress.range.to && ingress.range.from <= r.to) ? "yes" : "no";
}

// ---------------------------------------------------------------------------------------------------
// Sources

export type SourceVerdict =
    | { readonly kind: "public"; readonly cidr: string; readonly why: string }
    | { readonly kind: "private" }
    | { readonly kind: "unknown" }
    | { readonly kind: "invalid"; readonly reason: string };

/**
 * A CIDR source of an ingress permission. Public: 0.0.0.0/0 or ::/0 (every address), or a range broader
 * than AWS's own threshold for "public" [S3-PUBLIC]: more than a /8 of IPv4 outside RFC 1918, more than a
 * /32 of IPv6. Anything narrower (an office range, a VPC CIDR, a single host) is not the internet.
 */
export function classifyCidrSource(raw: unknown): SourceVerdict {
    if (isUnknown(raw)) return { kind: "unknown" };
    if (typeof raw !== "string") return { kind: "invalid", reason: `expected a CIDR string, got ${raw === null ? "null" : Array.isArray(raw) ? "an array" : typeof raw}` };
    const parsed = parseCidrOrAddress(raw.trim());
    if (!parsed.ok) return { kind: "invalid", reason: parsed.reason };
    const r = parsed.range;
    if (isWholeInternet(r)) {
        return { kind: "public", cidr: raw, why: r.family === "ipv4" ? "every IPv4 address" : "every IPv6 address" };
    }
    if (isBroaderThanAwsPublicThreshold(r)) {
        return { kind: "public", cidr: raw, why: `broader than ${r.family === "ipv4" ? "/8" : "/32"}, which AWS counts as public` };
    }
    return { kind: "private" };
}
