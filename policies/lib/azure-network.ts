// Azure network exposure, shared by the Azure rules (DESIGN §1.2 and §1.3): public network access
// switches, network default actions, IP rules and firewall ranges, and the firewall-rule resources that
// every "server with a firewall" service uses.
//
// Thresholds (docs/azure-defaults.md §0.6, DESIGN §1.3): a range is public if it covers every address,
// or more addresses than an IPv4 /8 (unless wholly RFC 1918) or an IPv6 /32. The "Allow Azure services"
// firewall rule 0.0.0.0-0.0.0.0 admits "connections from the subscriptions of other customers"
// (https://learn.microsoft.com/azure/azure-sql/database/firewall-configure): any-tenant access, public
// per DESIGN §1.2. Cosmos DB's single ipRule "0.0.0.0" means the same
// (https://learn.microsoft.com/azure/cosmos-db/how-to-configure-firewall).
//
// Everything here is pure, reads raw property bags (unknowns still as sentinels) and never throws.

import {
    addressCount,
    isBroaderThanAwsPublicThreshold,
    isWholeInternet,
    parseCidrOrAddress,
    parseStartEnd,
    RFC1918,
    type IpFamily,
    type IpRange,
} from "./ip-ranges";
import { enumEquals, isObject, objectField, stringField, type Props } from "./props";
import { invalidFieldFinding, showValue, unknownSwitchFinding, type Finding } from "./rule";
import type { StackGraph, StackNode } from "./stack-graph";
import { anyOf, azureType, parseAzureNativeToken, type TypeMatcher } from "./type-tokens";
import { isUnknown } from "./unknown";

// ---- API versions -------------------------------------------------------------------------------------

// ---- switches -----------------------------------------------------------------------------------------

/** What a publicNetworkAccess-like switch says about the public endpoint. */
export type AccessSwitch =
    /** Private: the public endpoint refuses every connection. */
    | { readonly state: "closed"; readonly text: string }
    /** The public endpoint exists; other settings decide who reaches it. `text` is the evidence. */
    | { readonly state: "open"; readonly text: string }
    | { readonly state: "unknown"; readonly field: string }
    | { readonly state: "invalid"; readonly field: string; readonly raw: unknown; readonly expected: string };

const ACCESS_VALUES = ["Enabled", "Disabled", "SecuredByPerimeter"] as const;

/**
 * Reads a `publicNetworkAccess` string (`Enabled`, `Disabled`, `SecuredByPerimeter`, any case: Key Vault's
 * SDK default is lower-case `enabled`). `Disabled` closes the public endpoint. `SecuredByPerimeter` hands
 * the decision to a Network Security Perimeter outside the resource (not documented per resource), so it
 * is not proven private: read as open. Omitted: `omitted` says what the API does, with its source.
 */
export function readAccessSwitch(bag: unknown, key: string, field: string, omitted: string): AccessSwitch {
    const f = stringField(bag, key);
    switch (f.state) {
        case "absent":
            return { state: "open", text: `\`${field}\` is omitted (${omitted})` };
        case "unknown":
            return { state: "unknown", field };
        case "invalid":
            return { state: "invalid", field, raw: f.raw, expected: f.expected };
        case "known":
            if (enumEquals(f.value, "Disabled")) {
                return { state: "closed", text: `\`${field}\` is ${showValue(f.value)}` };
            }
            if (enumEquals(f.value, "Enabled")) {
                return { state: "open", text: `\`${field}\` is ${showValue(f.value)}` };
            }
            if (enumEquals(f.value, "SecuredByPerimeter")) {
                return {
                    state: "open",
                    text: `\`${field}\` is ${showValue(f.value)} (a network security perimeter outside the program decides; not proven private)`,
                };
            }
            return { state: "invalid", field, raw: f.value, expected: `one of ${ACCESS_VALUES.join(", ")}` };
    }
}

/**
 * Turns a switch and the public evidence found behind it into findings: nothing when the endpoint is
 * closed or nothing is public; a violation naming both when open; the unknown / invalid switch finding
 * otherwise (fails closed). `consequence` completes "the pack cannot tell whether ...".
 */
export function gateFindings(sw: AccessSwitch, evidence: readonly string[], consequence: string, urn?: string, subject = ""): Finding[] {
    if (sw.state === "closed" || evidence.length === 0) {
        return [];
    }
    switch (sw.state) {
        case "open":
            return [{ message: `${subject}${sw.text}, and ${evidence.join("; ")}.`, urn }];
        case "unknown":
            return [unknownSwitchFinding(sw.field, `${consequence} (${evidence.join("; ")})`, urn)];
        case "invalid":
            return [{ ...invalidFieldFinding(sw.field, sw.raw, sw.expected, consequence), urn }];
    }
}

/**
 * The findings of a resource whose public endpoint is gated by `sw`: nothing when closed; a malformed
 * switch is a violation; the gated violation when there is public evidence; otherwise the findings about
 * unknown or malformed network settings (`extra`), which fail closed on their own.
 */
export function exposureFindings(sw: AccessSwitch, evidence: readonly string[], extra: readonly Finding[], consequence: string): Finding[] {
    if (sw.state === "closed") {
        return [];
    }
    if (sw.state === "invalid") {
        // A malformed switch is a violation whatever the rest says.
        return [invalidFieldFinding(sw.field, sw.raw, sw.expected, consequence)];
    }
    return evidence.length > 0 ? gateFindings(sw, evidence, consequence) : [...extra];
}

/** A network rule set's default action. */
export type DefaultAction =
    | { readonly state: "allow"; readonly text: string }
    | { readonly state: "deny" }
    | { readonly state: "unknown"; readonly field: string }
    | { readonly state: "invalid"; readonly field: string; readonly raw: unknown; readonly expected: string };

/** Reads `defaultAction` (`Allow` / `Deny`, any case). Omitted: `omitted` says what the API does. */
export function readDefaultAction(bag: unknown, key: string, field: string, omitted: string): DefaultAction {
    const f = stringField(bag, key);
    switch (f.state) {
        case "absent":
            return { state: "allow", text: `\`${field}\` is omitted (${omitted})` };
        case "unknown":
            return { state: "unknown", field };
        case "invalid":
            return { state: "invalid", field, raw: f.raw, expected: f.expected };
        case "known":
            if (enumEquals(f.value, "Deny")) {
                return { state: "deny" };
            }
            if (enumEquals(f.value, "Allow")) {
                return { state: "allow", text: `\`${field}\` is ${showValue(f.value)}` };
            }
            return { state: "invalid", field, raw: f.value, expected: "one of Allow, Deny" };
    }
}

// ---- ranges -------------------------------------------------------------------------------------------

const IPV4_SLASH8 = 1n << 24n;
const IPV6_SLASH32 = 1n << 96n;

/** 1234567 -> "1,234,567". */
export function formatCount(n: bigint): string {
    return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function familyName(family: IpFamily): string {
    return family === "ipv4" ? "IPv4" : "IPv6";
}

/** Why a parsed range is public, or undefined when it is not (DESIGN §1.3 thresholds). */
export function whyRangeIsPublic(range: IpRange): string | undefined {
    if (isWholeInternet(range)) {
        return `covers every ${familyName(range.family)} address`;
    }
    if (isBroaderThanAwsPublicThreshold(range)) {
        return range.family === "ipv4"
            ? `holds ${formatCount(addressCount(range))} addresses, more than a /8 (${formatCount(IPV4_SLASH8)}) outside RFC 1918 private space`
            : `holds ${formatCount(addressCount(range))} addresses, more than an IPv6 /32`;
    }
    return undefined;
}

/** One IP rule or firewall range, judged. `text` is how the value reads in messages. */
export type RangeJudgement =
    | { readonly verdict: "public"; readonly text: string; readonly reason: string }
    | { readonly verdict: "private"; readonly text: string; readonly range: IpRange }
    | { readonly verdict: "unknown"; readonly field: string }
    | { readonly verdict: "invalid"; readonly field: string; readonly reason: string };

export const AZURE_SERVICES_REASON =
    'is the "Allow Azure services" rule: it admits connections from every Azure subscription, including other customers\'';
export const COSMOS_AZURE_DATACENTERS_REASON =
    'means "accept connections from within Azure datacenters": it admits every Azure subscription, including other customers\'';

/**
 * A single address or CIDR (storage `iPAddressOrRange`, Key Vault `value`, Cosmos `ipAddressOrRange`,
 * Event Hubs `ipMask`, Search `value`, Data Explorer `allowedIpRangeList[]`). With `zeroMeansAzure`, the
 * bare address "0.0.0.0" is Cosmos DB's "accept connections from within Azure datacenters".
 */
export function judgeCidr(value: unknown, field: string, options: { zeroMeansAzure?: boolean } = {}): RangeJudgement {
    if (value === undefined || value === null) {
        return { verdict: "invalid", field, reason: `\`${field}\` is missing` };
    }
    if (isUnknown(value)) {
        return { verdict: "unknown", field };
    }
    if (options.zeroMeansAzure && value === "0.0.0.0") {
        return { verdict: "public", text: showValue(value), reason: COSMOS_AZURE_DATACENTERS_REASON };
    }
    const parsed = parseCidrOrAddress(value);
    if (!parsed.ok) {
        return { verdict: "invalid", field, reason: `\`${field}\`: ${parsed.reason}` };
    }
    const reason = whyRangeIsPublic(parsed.range);
    return reason !== undefined
        ? { verdict: "public", text: showValue(value), reason }
        : { verdict: "private", text: showValue(value), range: parsed.range };
}

/**
 * A start-end pair of a firewall rule. Both ends are required (a missing end is malformed). With
 * `azureServicesPair`, 0.0.0.0-0.0.0.0 is the "Allow Azure services" rule (any tenant: public).
 */
export function judgeStartEnd(
    start: unknown,
    end: unknown,
    fields: readonly [string, string],
    options: { azureServicesPair: boolean },
): RangeJudgement {
    for (const [value, field] of [[start, fields[0]], [end, fields[1]]] as const) {
        if (value === undefined || value === null) {
            return { verdict: "invalid", field, reason: `\`${field}\` is missing` };
        }
    }
    for (const [value, field] of [[start, fields[0]], [end, fields[1]]] as const) {
        if (isUnknown(value)) {
            return { verdict: "unknown", field };
        }
    }
    const parsed = parseStartEnd(start, end);
    if (!parsed.ok) {
        return { verdict: "invalid", field: `${fields[0]}/${fields[1]}`, reason: `\`${fields[0]}\`-\`${fields[1]}\`: ${parsed.reason}` };
    }
    // Both ends parsed, so both are strings.
    const text = `${String(start)}-${String(end)}`;
    // last === 0n implies first === 0n (a parsed range never starts after its end): 0.0.0.0-0.0.0.0.
    if (options.azureServicesPair && parsed.range.family === "ipv4" && parsed.range.last === 0n) {
        return { verdict: "public", text, reason: AZURE_SERVICES_REASON };
    }
    const reason = whyRangeIsPublic(parsed.range);
    return reason !== undefined ? { verdict: "public", text, reason } : { verdict: "private", text, range: parsed.range };
}

/** Addresses of an IPv4 interval outside RFC 1918 space (the blocks are disjoint). */
function outsideRfc1918(r: IpRange): bigint {
    let count = addressCount(r);
    for (const block of RFC1918) {
        // Stryker disable next-line EqualityOperator: max of two bigints; when they are equal both arms give the same value
        const first = r.first > block.first ? r.first : block.first;
        // Stryker disable next-line EqualityOperator: min of two bigints; when they are equal both arms give the same value
        const last = r.last < block.last ? r.last : block.last;
        if (first <= last) count -= last - first + 1n;
    }
    return count;
}

/**
 * The addresses a set of ranges admits together, per family: overlaps counted once, and RFC 1918 space
 * (unreachable from the internet) not counted. Public when the total passes the /8 or /32 threshold: many
 * narrow rules can open as much as one wide one.
 */
export function unionExposure(ranges: readonly IpRange[]): { readonly publicReason?: string; readonly ipv4: bigint; readonly ipv6: bigint } {
    // Stryker disable next-line ObjectLiteral: the loop below assigns both families before any read
    const total: Record<IpFamily, bigint> = { ipv4: 0n, ipv6: 0n };
    for (const family of ["ipv4", "ipv6"] as const) {
        const sorted = ranges.filter((r) => r.family === family);
        // Stryker disable next-line ConditionalExpression,EqualityOperator: V8's sort only tests compare(a, b) < 0, so 0 and 1 are one answer, and ranges with equal starts may come in any order (the merge keeps the widest)
        sorted.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
        let current: IpRange | undefined;
        const merged: IpRange[] = [];
        for (const r of sorted) {
            // Overlapping intervals are merged; adjacent ones count the same merged or not.
            if (current !== undefined && r.first <= current.last) {
                // Stryker disable next-line EqualityOperator: with equal ends, extending to r.last changes nothing
                if (r.last > current.last) {
                    current = { ...current, last: r.last };
                }
            } else {
                if (current !== undefined) merged.push(current);
                current = { ...r };
            }
        }
        if (current !== undefined) merged.push(current);
        total[family] = merged.reduce((sum, r) => sum + (family === "ipv4" ? outsideRfc1918(r) : addressCount(r)), 0n);
    }
    let publicReason: string | undefined;
    if (total.ipv4 > IPV4_SLASH8) {
        publicReason = `together they admit ${formatCount(total.ipv4)} IPv4 addresses, more than a /8 (${formatCount(IPV4_SLASH8)})`;
    } else if (total.ipv6 > IPV6_SLASH32) {
        publicReason = `together they admit ${formatCount(total.ipv6)} IPv6 addresses, more than a /32`;
    }
    return { publicReason, ipv4: total.ipv4, ipv6: total.ipv6 };
}

// ---- inline IP rule lists ------------------------------------------------------------------------------

export interface IpListResult {
    /** The list as read: absent, unknown as a whole, a list of the wrong type, or present (maybe empty). */
    readonly state: "absent" | "unknown" | "invalid" | "known";
    /** Number of entries when known. */
    readonly size: number;
    /** Evidence strings for public entries and for a public union. */
    readonly publicEvidence: string[];
    /** Unknown entries (fail closed) and malformed entries (violations). */
    readonly findings: Finding[];
}

/**
 * Reads an inline list of IP rules: `bag[key]` is an array of objects holding the address in
 * `valueKey` (or of plain strings when `valueKey` is undefined). `field` is the path for messages, e.g.
 * "networkRuleSet.ipRules". `consequence` completes "the pack cannot tell whether ...".
 */
export function checkIpList(
    bag: unknown,
    key: string,
    field: string,
    options: { valueKey?: string; zeroMeansAzure?: boolean; consequence: string },
): IpListResult {
    const raw = isObject(bag) ? bag[key] : undefined;
    if (raw === undefined || raw === null) {
        return { state: "absent", size: 0, publicEvidence: [], findings: [] };
    }
    if (isUnknown(raw)) {
        return { state: "unknown", size: 0, publicEvidence: [], findings: [unknownSwitchFinding(field, options.consequence)] };
    }
    if (!Array.isArray(raw)) {
        return { state: "invalid", size: 0, publicEvidence: [], findings: [invalidFieldFinding(field, raw, "an array", options.consequence)] };
    }
    const publicEvidence: string[] = [];
    const findings: Finding[] = [];
    const privateRanges: IpRange[] = [];
    raw.forEach((entry, i) => {
        let value: unknown = entry;
        let path = `${field}[${i}]`;
        if (options.valueKey !== undefined) {
            if (isUnknown(entry)) {
                findings.push(unknownSwitchFinding(path, options.consequence));
                return;
            }
            if (!isObject(entry)) {
                findings.push(invalidFieldFinding(path, entry, "an object", options.consequence));
                return;
            }
            value = entry[options.valueKey];
            path = `${path}.${options.valueKey}`;
        }
        const j = judgeCidr(value, path, { zeroMeansAzure: options.zeroMeansAzure });
        switch (j.verdict) {
            case "public":
                publicEvidence.push(`\`${path}\` is ${j.text}, which ${j.reason}`);
                break;
            case "private":
                privateRanges.push(j.range);
                break;
            case "unknown":
                findings.push(unknownSwitchFinding(path, options.consequence));
                break;
            case "invalid":
                findings.push({ message: `${j.reason}, so the pack cannot tell whether ${options.consequence}. It is treated as public: fix the value in the program.` });
                break;
        }
    });
    const union = unionExposure(privateRanges);
    if (union.publicReason !== undefined) {
        publicEvidence.push(`the ${privateRanges.length} entries of \`${field}\` are each narrow, but ${union.publicReason}`);
    }
    return { state: "known", size: raw.length, publicEvidence, findings };
}

// ---- firewall-rule resources ---------------------------------------------------------------------------

/** Where a resource keeps its network rule set (default action + IP rules), and how to word what it admits. */
export interface NetworkRuleSetSpec {
    /** The rule set's key in `bag` (e.g. "networkRuleSet", "networkAcls"). */
    readonly key: string;
    /** Its path for messages (e.g. "properties.networkAcls"). */
    readonly path: string;
    /** Evidence when the rule set is omitted. */
    readonly whenOmitted: string;
    /** What an omitted defaultAction means, with its source. */
    readonly defaultActionOmitted: string;
    /** How the evidence ends when the default action admits everyone (", so every network is admitted"). */
    readonly admitsEveryone: string;
    /** Key of the address inside each IP rule ("value", "iPAddressOrRange"). */
    readonly ipValueKey: string;
    readonly consequence: string;
}

/**
 * A network rule set read as exposure evidence: omitted or default action Allow admits every network;
 * Deny admits only its IP rules, public when too wide. Unknown and malformed parts are findings.
 */
export function networkRuleSetExposure(bag: unknown, spec: NetworkRuleSetSpec): { evidence: string[]; extra: Finding[] } {
    const evidence: string[] = [];
    const extra: Finding[] = [];
    const rules = objectField(bag, spec.key);
    switch (rules.state) {
        case "absent":
            evidence.push(spec.whenOmitted);
            break;
        case "unknown":
            extra.push(unknownSwitchFinding(spec.path, spec.consequence));
            break;
        case "invalid":
            extra.push(invalidFieldFinding(spec.path, rules.raw, rules.expected, spec.consequence));
            break;
        case "known": {
            const action = readDefaultAction(rules.value, "defaultAction", `${spec.path}.defaultAction`, spec.defaultActionOmitted);
            switch (action.state) {
                case "allow":
                    evidence.push(`${action.text}${spec.admitsEveryone}`);
                    break;
                case "unknown":
                    extra.push(unknownSwitchFinding(action.field, spec.consequence));
                    break;
                case "invalid":
                    extra.push(invalidFieldFinding(action.field, action.raw, action.expected, spec.consequence));
                    break;
                case "deny": {
                    const ips = checkIpList(rules.value, "ipRules", `${spec.path}.ipRules`, { valueKey: spec.ipValueKey, consequence: spec.consequence });
                    evidence.push(...ips.publicEvidence);
                    extra.push(...ips.findings);
                    break;
                }
            }
            break;
        }
    }
    return { evidence, extra };
}

/** How a firewall-rule resource type stores its range and names its server. */
export interface FirewallRuleKind {
    readonly matcher: TypeMatcher;
    /** For messages: "Azure SQL", "Azure Cache for Redis"... */
    readonly service: string;
    readonly startKey: string;
    readonly endKey: string;
    /**
     * Whether 0.0.0.0-0.0.0.0 is the "Allow Azure services" rule. "documented": the service's docs say so;
     * "analogy": the service offers the option but documents no API form, so the SQL encoding is assumed
     * (fail-closed); "none": a literal range (Redis).
     */
    readonly azureServicesPair: "documented" | "analogy" | "none";
    /** The properties that name the rule's server (the first one present is used to join). */
    readonly parentKeys: readonly string[];
}

export const SQL_FIREWALL_RULES = azureType("sql", "FirewallRule");
export const SQL_IPV6_FIREWALL_RULES = azureType("sql", "IPv6FirewallRule");
/**
 * dbforpostgresql:FirewallRule is the flexible-server rule (serverName) and, in API 2022-11-08 / 2023-03-02-preview
 * tokens, also the Cosmos DB for PostgreSQL cluster rule (clusterName): same range fields.
 */
export const RDBMS_FIREWALL_RULES = anyOf(
    azureType("dbforpostgresql", "FirewallRule"),
    azureType("dbforpostgresql", "SingleServerFirewallRule"),
    azureType("dbformysql", "FirewallRule"),
    azureType("dbformysql", "SingleServerFirewallRule"),
    azureType("dbformariadb", "FirewallRule"),
);
export const CITUS_FIREWALL_RULES = azureType("dbforpostgresql", "ServerGroupFirewallRule");
export const SYNAPSE_FIREWALL_RULES = azureType("synapse", "IpFirewallRule");
/** mongocluster:FirewallRule (range under `properties`), cosmosdb:MongoClusterFirewallRule and the v2 documentdb tokens. */
export const MONGO_FIREWALL_RULES = anyOf(
    azureType("mongocluster", "FirewallRule"),
    azureType("cosmosdb", "MongoClusterFirewallRule"),
    azureType("documentdb", "MongoClusterFirewallRule"),
    azureType("documentdb", "FirewallRule"),
);
/** redis:FirewallRule, redis:RedisFirewallRule and the v2 token cache:FirewallRule. */
export const REDIS_FIREWALL_RULES = anyOf(azureType("redis", "FirewallRule"), azureType("redis", "RedisFirewallRule"), azureType("cache", "FirewallRule"));

export const FIREWALL_RULE_KINDS: readonly FirewallRuleKind[] = [
    { matcher: SQL_FIREWALL_RULES, service: "Azure SQL", startKey: "startIpAddress", endKey: "endIpAddress", azureServicesPair: "documented", parentKeys: ["serverName"] },
    { matcher: SQL_IPV6_FIREWALL_RULES, service: "Azure SQL", startKey: "startIPv6Address", endKey: "endIPv6Address", azureServicesPair: "none", parentKeys: ["serverName"] },
    // PostgreSQL flexible and single server, MySQL single server and MariaDB document the 0.0.0.0 pair; MySQL
    // flexible names the option only (docs/azure-defaults.md §3 and §10): the whole group reads it as Azure services.
    { matcher: RDBMS_FIREWALL_RULES, service: "Azure Database for PostgreSQL / MySQL / MariaDB", startKey: "startIpAddress", endKey: "endIpAddress", azureServicesPair: "documented", parentKeys: ["serverName", "clusterName"] },
    { matcher: CITUS_FIREWALL_RULES, service: "Azure Cosmos DB for PostgreSQL", startKey: "startIpAddress", endKey: "endIpAddress", azureServicesPair: "analogy", parentKeys: ["clusterName"] },
    { matcher: SYNAPSE_FIREWALL_RULES, service: "Azure Synapse", startKey: "startIpAddress", endKey: "endIpAddress", azureServicesPair: "documented", parentKeys: ["workspaceName"] },
    { matcher: MONGO_FIREWALL_RULES, service: "Azure Cosmos DB for MongoDB vCore", startKey: "startIpAddress", endKey: "endIpAddress", azureServicesPair: "analogy", parentKeys: ["mongoClusterName"] },
    { matcher: REDIS_FIREWALL_RULES, service: "Azure Cache for Redis", startKey: "startIP", endKey: "endIP", azureServicesPair: "none", parentKeys: ["cacheName"] },
];

export const ALL_FIREWALL_RULES: TypeMatcher = anyOf(...FIREWALL_RULE_KINDS.map((k) => k.matcher));

export function firewallRuleKind(token: string): FirewallRuleKind | undefined {
    return FIREWALL_RULE_KINDS.find((k) => k.matcher.matches(token));
}

/**
 * Judges a firewall-rule resource's range. The range is read at the top level, or under `properties` when
 * the top level has neither end (mongocluster:FirewallRule nests it: `properties.startIpAddress`).
 */
export function judgeFirewallRule(kind: FirewallRuleKind, props: Props): RangeJudgement {
    let bag: Props = props;
    let prefix = "";
    const top = (k: string) => props[k] !== undefined && props[k] !== null;
    if (!top(kind.startKey) && !top(kind.endKey)) {
        const nested = props.properties;
        if (isUnknown(nested)) {
            return { verdict: "unknown", field: "properties" };
        }
        if (isObject(nested)) {
            bag = nested;
            prefix = "properties.";
        }
    }
    return judgeStartEnd(bag[kind.startKey], bag[kind.endKey], [`${prefix}${kind.startKey}`, `${prefix}${kind.endKey}`], {
        azureServicesPair: kind.azureServicesPair !== "none",
    });
}

/** "firewall rule "allow-all" (0.0.0.0-255.255.255.255) covers every IPv4 address" */
export function firewallEvidence(name: string, j: Extract<RangeJudgement, { verdict: "public" }>): string {
    return `firewall rule "${name}" (${j.text}) ${j.reason}`;
}

// ---- servers joined to their firewall rules (stack rules) ----------------------------------------------

/** A family of servers whose public endpoint is filtered by separate firewall-rule resources. */
export interface FirewalledServers {
    /** For messages: "SQL server", "Redis cache"... */
    readonly label: string;
    readonly servers: TypeMatcher;
    /** Server properties a rule's known parent name is compared with (the output `name` and the input name). */
    readonly serverKeys: readonly string[];
    /** The firewall-rule types whose parent is one of these servers (kinds from FIREWALL_RULE_KINDS). */
    readonly rules: TypeMatcher;
    /** Whether the server's public endpoint exists (closed: private whatever its rules say). */
    endpoint(server: StackNode): AccessSwitch;
    /** Set when a server without any firewall rule accepts every address (Redis); the evidence text. */
    readonly noRulesEvidence?: string;
}

/**
 * The servers of `family` that the internet can reach: endpoint open, and its firewall rules (joined
 * through propertyDependencies, then dependencies, then known names: StackGraph.linked) include a public
 * range, the "Allow Azure services" pair, or narrow ranges that together pass the threshold (or, for
 * families with `noRulesEvidence`, no rule at all). Rules whose range is unknown or malformed are left to
 * azure-datastore-firewall-rule-not-public, which fails closed on them before they are created.
 */
export function firewalledServerFindings(stack: StackGraph, family: FirewalledServers): Finding[] {
    const servers = stack.ofType(family.servers);
    const rulesByServer = new Map<string, StackNode[]>();
    for (const rule of stack.ofType(family.rules)) {
        const kind = firewallRuleKind(rule.type);
        if (kind === undefined) continue;
        const parentKey = kind.parentKeys.find((k) => rule.props[k] !== undefined && rule.props[k] !== null) ?? kind.parentKeys[0];
        for (const server of stack.linked(rule, parentKey, family.servers, family.serverKeys)) {
            const list = rulesByServer.get(server.urn) ?? [];
            list.push(rule);
            rulesByServer.set(server.urn, list);
        }
    }
    const findings: Finding[] = [];
    for (const server of servers) {
        const sw = family.endpoint(server);
        const subject = `${family.label} "${server.name}"`;
        if (sw.state === "invalid") {
            findings.push({ ...invalidFieldFinding(sw.field, sw.raw, sw.expected, `${subject} accepts connections from the internet`), urn: server.urn });
            continue;
        }
        const rules = rulesByServer.get(server.urn) ?? [];
        const evidence: string[] = [];
        const narrow: IpRange[] = [];
        for (const rule of rules) {
            const kind = firewallRuleKind(rule.type)!;
            const j = judgeFirewallRule(kind, rule.props);
            if (j.verdict === "public") {
                evidence.push(firewallEvidence(rule.name, j));
            } else if (j.verdict === "private") {
                narrow.push(j.range);
            }
        }
        // One narrow range alone never passes the threshold: the union only matters for two or more.
        if (evidence.length === 0) {
            const union = unionExposure(narrow);
            if (union.publicReason !== undefined) {
                evidence.push(`its ${narrow.length} firewall rules are each narrow, but ${union.publicReason}`);
            }
        }
        if (rules.length === 0 && family.noRulesEvidence !== undefined) {
            evidence.push(family.noRulesEvidence);
        }
        findings.push(...gateFindings(sw, evidence, `${subject} accepts connections from the internet`, server.urn, `${subject} is reachable from the internet: `));
    }
    return findings;
}
