// policies/lib/azure-network.ts: switches, default actions, ranges and their thresholds, inline IP lists,
// firewall-rule resources and the server / firewall-rule join.

import { describe, expect, it } from "vitest";
import {
    ALL_FIREWALL_RULES,
    RDBMS_FIREWALL_RULES,
    checkIpList,
    exposureFindings,
    FIREWALL_RULE_KINDS,
    firewalledServerFindings,
    firewallRuleKind,
    formatCount,
    gateFindings,
    judgeCidr,
    judgeFirewallRule,
    judgeStartEnd,
    readAccessSwitch,
    readDefaultAction,
    SQL_FIREWALL_RULES,
    SQL_IPV6_FIREWALL_RULES,
    CITUS_FIREWALL_RULES,
    unionExposure,
    whyRangeIsPublic,
    type AccessSwitch,
} from "../../policies/lib/azure-network";
import { parseCidrOrAddress, parseStartEnd, type IpRange } from "../../policies/lib/ip-ranges";
import { StackGraph, type StackNode } from "../../policies/lib/stack-graph";
import { node, urn } from "./stack-nodes";
import { anyOf, azureType } from "../../policies/lib/type-tokens";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function cidr(text: string): IpRange {
    const p = parseCidrOrAddress(text);
    if (!p.ok) throw new Error(`test setup: ${p.reason}`);
    return p.range;
}

/** An inclusive start-end range, as firewall rules give them. */
function span(start: string, end: string): IpRange {
    const p = parseStartEnd(start, end);
    if (!p.ok) throw new Error(`test setup: ${p.reason}`);
    return p.range;
}

describe("readAccessSwitch", () => {
    const read = (bag: unknown) => readAccessSwitch(bag, "publicNetworkAccess", "publicNetworkAccess", "the API default is Enabled");

    it.each([
        ["Disabled", "closed"],
        ["disabled (Key Vault's lower case)", "closed"],
        ["DISABLED", "closed"],
        ["Enabled", "open"],
        ["enabled", "open"],
        ["SecuredByPerimeter (not proven private)", "open"],
        ["securedbyperimeter", "open"],
    ])("%s -> %s", (value, state) => {
        expect(read({ publicNetworkAccess: value.split(" ")[0] }).state).toBe(state);
    });

    it("omitted -> open, quoting the documented default", () => {
        expect(read({})).toEqual({ state: "open", text: "`publicNetworkAccess` is omitted (the API default is Enabled)" });
        expect(read({ publicNetworkAccess: null }).state).toBe("open");
        expect(read(undefined).state).toBe("open");
    });

    it("names the value it read", () => {
        expect(read({ publicNetworkAccess: "Enabled" })).toEqual({ state: "open", text: '`publicNetworkAccess` is "Enabled"' });
        expect(read({ publicNetworkAccess: "disabled" })).toEqual({ state: "closed", text: '`publicNetworkAccess` is "disabled"' });
        expect((read({ publicNetworkAccess: "SecuredByPerimeter" }) as { text: string }).text).toContain("not proven private");
    });

    it("unknown during preview -> unknown", () => {
        expect(read({ publicNetworkAccess: UNKNOWN })).toEqual({ state: "unknown", field: "publicNetworkAccess" });
    });

    it("a value outside the enum or of the wrong type -> invalid", () => {
        expect(read({ publicNetworkAccess: "Public" })).toEqual({ state: "invalid", field: "publicNetworkAccess", raw: "Public", expected: "one of Enabled, Disabled, SecuredByPerimeter" });
        expect(read({ publicNetworkAccess: true })).toMatchObject({ state: "invalid", raw: true, expected: "a string" });
    });
});

describe("readDefaultAction", () => {
    const read = (bag: unknown) => readDefaultAction(bag, "defaultAction", "networkRuleSet.defaultAction", "the API default is Allow");
    it("Deny / deny -> deny; Allow / allow -> allow; omitted -> allow with the default", () => {
        expect(read({ defaultAction: "Deny" }).state).toBe("deny");
        expect(read({ defaultAction: "deny" }).state).toBe("deny");
        expect(read({ defaultAction: "Allow" })).toEqual({ state: "allow", text: '`networkRuleSet.defaultAction` is "Allow"' });
        expect(read({ defaultAction: "allow" }).state).toBe("allow");
        expect(read({})).toEqual({ state: "allow", text: "`networkRuleSet.defaultAction` is omitted (the API default is Allow)" });
    });
    it("unknown and malformed", () => {
        expect(read({ defaultAction: UNKNOWN })).toEqual({ state: "unknown", field: "networkRuleSet.defaultAction" });
        expect(read({ defaultAction: "Block" })).toMatchObject({ state: "invalid", expected: "one of Allow, Deny" });
        expect(read({ defaultAction: 0 })).toMatchObject({ state: "invalid", expected: "a string" });
    });
});

describe("thresholds: whyRangeIsPublic", () => {
    it.each([
        ["0.0.0.0/0", "covers every IPv4 address"],
        ["::/0", "covers every IPv6 address"],
        ["0.0.0.0/1", "holds 2,147,483,648 addresses, more than a /8 (16,777,216)"],
        ["8.0.0.0/7", "more than a /8"],
        ["2001:db8::/31", "more than an IPv6 /32"],
    ])("public: %s", (text, reason) => {
        expect(whyRangeIsPublic(cidr(text))).toContain(reason);
    });
    it.each(["8.0.0.0/8", "10.0.0.0/8", "203.0.113.7", "2001:db8::/32", "2001:db8::1"])("not public: %s (exactly /8 or /32 is not broader)", (text) => {
        expect(whyRangeIsPublic(cidr(text))).toBeUndefined();
    });
});

describe("judgeCidr", () => {
    it("a narrow range is private and keeps its parsed range", () => {
        const j = judgeCidr("203.0.113.0/24", "ipRules[0].value");
        expect(j.verdict).toBe("private");
    });
    it("whole internet and wide ranges are public", () => {
        expect(judgeCidr("0.0.0.0/0", "f")).toMatchObject({ verdict: "public", text: '"0.0.0.0/0"', reason: "covers every IPv4 address" });
        expect(judgeCidr("64.0.0.0/2", "f").verdict).toBe("public");
    });
    it('"0.0.0.0" is Cosmos DB\'s Azure-datacenters rule only where that meaning is asked for', () => {
        expect(judgeCidr("0.0.0.0", "ipRules[0].ipAddressOrRange", { zeroMeansAzure: true })).toMatchObject({ verdict: "public", reason: expect.stringContaining("other customers") });
        expect(judgeCidr("0.0.0.0", "f").verdict).toBe("private");
        expect(judgeCidr("0.0.0.0/0", "f", { zeroMeansAzure: true })).toMatchObject({ verdict: "public", reason: "covers every IPv4 address" });
    });
    it("unknown, missing and malformed values", () => {
        expect(judgeCidr(UNKNOWN, "f")).toEqual({ verdict: "unknown", field: "f" });
        expect(judgeCidr(undefined, "f")).toEqual({ verdict: "invalid", field: "f", reason: "`f` is missing" });
        expect(judgeCidr(null, "f")).toEqual({ verdict: "invalid", field: "f", reason: "`f` is missing" });
        expect(judgeCidr("10.0.0.0/33", "f")).toMatchObject({ verdict: "invalid", reason: expect.stringContaining("prefix length") });
        expect(judgeCidr(" 1.2.3.4", "f").verdict).toBe("invalid");
        expect(judgeCidr(42, "f")).toMatchObject({ verdict: "invalid", reason: expect.stringContaining("got number 42") });
    });
});

describe("judgeStartEnd", () => {
    const sql = { azureServicesPair: true };
    const redis = { azureServicesPair: false };
    const F = ["startIpAddress", "endIpAddress"] as const;

    it('0.0.0.0-0.0.0.0 is the "Allow Azure services" rule where the service gives it that meaning', () => {
        expect(judgeStartEnd("0.0.0.0", "0.0.0.0", F, sql)).toMatchObject({ verdict: "public", text: "0.0.0.0-0.0.0.0", reason: expect.stringContaining('"Allow Azure services"') });
        expect(judgeStartEnd("0.0.0.0", "0.0.0.0", F, redis).verdict).toBe("private");
    });
    it("the Azure-services pair is the IPv4 0.0.0.0-0.0.0.0 only: ::-:: is one IPv6 address, and 0.0.0.0-0.0.0.1 a narrow range", () => {
        expect(judgeStartEnd("::", "::", ["startIPv6Address", "endIPv6Address"], sql)).toEqual({ verdict: "private", text: "::-::", range: span("::", "::") });
        expect(judgeStartEnd("0.0.0.0", "0.0.0.1", F, sql)).toEqual({ verdict: "private", text: "0.0.0.0-0.0.0.1", range: span("0.0.0.0", "0.0.0.1") });
    });
    it("0.0.0.0-255.255.255.255 covers the internet", () => {
        expect(judgeStartEnd("0.0.0.0", "255.255.255.255", F, sql)).toMatchObject({ verdict: "public", reason: "covers every IPv4 address" });
        expect(judgeStartEnd("0.0.0.0", "255.255.255.255", F, redis).verdict).toBe("public");
    });
    it("counts end - start + 1: one address past a /8 is public, an exact /8 is not", () => {
        expect(judgeStartEnd("1.0.0.0", "1.255.255.255", F, sql).verdict).toBe("private");
        expect(judgeStartEnd("1.0.0.0", "2.0.0.0", F, sql).verdict).toBe("public");
        expect(judgeStartEnd("10.0.0.0", "10.255.255.255", F, sql).verdict).toBe("private");
        expect(judgeStartEnd("203.0.113.10", "203.0.113.20", F, sql).verdict).toBe("private");
    });
    it("IPv6 pairs use the /32 threshold", () => {
        const v6 = ["startIPv6Address", "endIPv6Address"] as const;
        expect(judgeStartEnd("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", v6, redis)).toMatchObject({ verdict: "public", reason: "covers every IPv6 address" });
        expect(judgeStartEnd("2001:db8::", "2001:db9:ffff:ffff:ffff:ffff:ffff:ffff", v6, redis).verdict).toBe("public");
        expect(judgeStartEnd("2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", v6, redis).verdict).toBe("private");
    });
    it("missing, unknown and malformed ends", () => {
        expect(judgeStartEnd(undefined, "1.2.3.4", F, sql)).toEqual({ verdict: "invalid", field: "startIpAddress", reason: "`startIpAddress` is missing" });
        expect(judgeStartEnd("1.2.3.4", null, F, sql)).toMatchObject({ verdict: "invalid", field: "endIpAddress" });
        expect(judgeStartEnd("1.2.3.4", UNKNOWN, F, sql)).toEqual({ verdict: "unknown", field: "endIpAddress" });
        expect(judgeStartEnd(UNKNOWN, UNKNOWN, F, sql)).toEqual({ verdict: "unknown", field: "startIpAddress" });
        expect(judgeStartEnd("1.2.3.9", "1.2.3.4", F, sql)).toMatchObject({ verdict: "invalid", reason: expect.stringContaining("comes after the end address") });
        expect(judgeStartEnd("1.2.3.4", "::1", F, sql)).toMatchObject({ verdict: "invalid", reason: expect.stringContaining("mixes") });
        expect(judgeStartEnd("1.2.3", "1.2.3.4", F, sql)).toMatchObject({ verdict: "invalid", reason: expect.stringContaining("not a valid IPv4 address") });
        expect(judgeStartEnd(1, "1.2.3.4", F, sql).verdict).toBe("invalid");
    });
    it.each<[string, unknown, unknown, string]>([
        ["start after end", "1.2.3.9", "1.2.3.4", '"1.2.3.9-1.2.3.4" is not a valid range: the start address "1.2.3.9" comes after the end address "1.2.3.4"'],
        ["a number for the start", 1, "1.2.3.4", "the start address must be a string, got number 1"],
        ["an object for the end", "1.2.3.4", {}, "the end address must be a string, got an object"],
    ])("a malformed pair names both fields: %s", (_, start, end, reason) => {
        expect(judgeStartEnd(start, end, F, sql)).toEqual({ verdict: "invalid", field: "startIpAddress/endIpAddress", reason: `\`startIpAddress\`-\`endIpAddress\`: ${reason}` });
    });
});

describe("unionExposure", () => {
    it("adds disjoint ranges and counts overlaps once", () => {
        expect(unionExposure([cidr("1.0.0.0/9"), cidr("2.0.0.0/9")]).ipv4).toBe(1n << 24n);
        expect(unionExposure([cidr("1.0.0.0/9"), cidr("1.0.0.0/9"), cidr("1.0.0.0/10")]).ipv4).toBe(1n << 23n);
        expect(unionExposure([cidr("1.0.0.0/9"), cidr("2.0.0.0/9")]).publicReason).toBeUndefined();
    });
    it("passes the /8 threshold with many narrow ranges", () => {
        const u = unionExposure([cidr("1.0.0.0/9"), cidr("2.0.0.0/9"), cidr("3.0.0.0/9")]);
        expect(u.ipv4).toBe(3n << 23n);
        expect(u.publicReason).toBe("together they admit 25,165,824 IPv4 addresses, more than a /8 (16,777,216)");
    });
    it("does not count RFC 1918 space, even inside a merged interval", () => {
        expect(unionExposure([cidr("10.0.0.0/9"), cidr("10.128.0.0/9"), cidr("172.16.0.0/12"), cidr("192.168.0.0/16")]).ipv4).toBe(0n);
        // 9.0.0.0-11.127.255.255 merged: only 9/8 and 11.0.0.0/9 are internet addresses.
        const u = unionExposure([cidr("9.0.0.0/8"), cidr("10.0.0.0/8"), cidr("11.0.0.0/9")]);
        expect(u.ipv4).toBe((1n << 24n) + (1n << 23n));
        expect(u.publicReason).toContain("25,165,824");
        expect(unionExposure([cidr("10.0.0.0/8"), cidr("11.0.0.0/9")]).publicReason).toBeUndefined();
    });
    it("IPv6 ranges count against the /32 threshold", () => {
        expect(unionExposure([cidr("2001:db8::/33"), cidr("2001:db9::/32")]).publicReason).toContain("IPv6 addresses, more than a /32");
        expect(unionExposure([]).publicReason).toBeUndefined();
    });
    it.each<[string, IpRange[], bigint]>([
        ["partial overlap counted once", [span("1.0.0.0", "1.0.0.10"), span("1.0.0.5", "1.0.0.20")], 21n],
        ["overlap of a single address counted once", [span("1.0.0.0", "1.0.0.10"), span("1.0.0.10", "1.0.0.20")], 21n],
        ["adjacent ranges", [span("1.0.0.0", "1.0.0.10"), span("1.0.0.11", "1.0.0.20")], 21n],
        ["a range inside an earlier, wider one", [span("1.0.0.0", "1.0.0.20"), span("1.0.0.5", "1.0.0.10")], 21n],
        ["wider range listed after one it contains", [span("1.0.0.10", "1.0.0.20"), span("1.0.0.0", "1.0.0.30")], 31n],
        ["wider range listed before one it contains", [span("1.0.0.0", "1.0.0.30"), span("1.0.0.10", "1.0.0.20")], 31n],
        ["three ranges in reverse order", [span("1.0.0.30", "1.0.0.40"), span("1.0.0.15", "1.0.0.35"), span("1.0.0.0", "1.0.0.20")], 41n],
        ["a range touching 10.0.0.0/8 at one address: only the other one counts", [span("9.255.255.255", "10.0.0.0")], 1n],
        ["a range ending one address into 172.16.0.0/12", [span("172.15.255.250", "172.16.0.0")], 6n],
    ])("IPv4 union: %s", (_, ranges, ipv4) => {
        expect(unionExposure(ranges)).toEqual({ publicReason: undefined, ipv4, ipv6: 0n });
    });
    it("RFC 1918 is IPv4 space: IPv6 addresses whose integer value falls in it (::/96) all count", () => {
        expect(unionExposure([cidr("::/96")])).toEqual({ publicReason: undefined, ipv4: 0n, ipv6: 1n << 32n });
    });
    it("an IPv6 union of exactly a /32 is not broader than a /32", () => {
        expect(unionExposure([cidr("2001:db8::/33"), cidr("2001:db8:8000::/33")])).toEqual({ publicReason: undefined, ipv4: 0n, ipv6: 1n << 96n });
        expect(unionExposure([cidr("2001:db8::/33"), cidr("2001:db8:8000::/33"), cidr("2001:db9::/128")])).toEqual({
            publicReason: "together they admit 79,228,162,514,264,337,593,543,950,337 IPv6 addresses, more than a /32",
            ipv4: 0n,
            ipv6: (1n << 96n) + 1n,
        });
    });
});

describe("formatCount", () => {
    it.each([[0n, "0"], [999n, "999"], [1000n, "1,000"], [16777216n, "16,777,216"]])("%s -> %s", (n, text) => {
        expect(formatCount(n)).toBe(text);
    });
});

describe("checkIpList", () => {
    const opts = { valueKey: "value", consequence: "the vault is public" };
    it("absent, empty and narrow lists have no evidence", () => {
        expect(checkIpList({}, "ipRules", "ipRules", opts)).toEqual({ state: "absent", size: 0, publicEvidence: [], findings: [] });
        expect(checkIpList({ ipRules: null }, "ipRules", "ipRules", opts)).toEqual({ state: "absent", size: 0, publicEvidence: [], findings: [] });
        expect(checkIpList({ ipRules: [] }, "ipRules", "ipRules", opts)).toEqual({ state: "known", size: 0, publicEvidence: [], findings: [] });
        expect(checkIpList({ ipRules: [{ value: "203.0.113.7" }, { value: "198.51.100.0/24" }] }, "ipRules", "ipRules", opts)).toEqual({ state: "known", size: 2, publicEvidence: [], findings: [] });
    });
    it("names each public entry with its path and value", () => {
        const r = checkIpList({ ipRules: [{ value: "203.0.113.7" }, { value: "0.0.0.0/0" }] }, "ipRules", "properties.networkAcls.ipRules", opts);
        expect(r.publicEvidence).toEqual(['`properties.networkAcls.ipRules[1].value` is "0.0.0.0/0", which covers every IPv4 address']);
    });
    it("reports a union of narrow entries that passes the threshold", () => {
        const r = checkIpList({ ipRules: ["1.0.0.0/9", "2.0.0.0/9", "3.0.0.0/9"] }, "ipRules", "allowedIpRangeList", { consequence: "x" });
        expect(r.publicEvidence).toEqual(["the 3 entries of `allowedIpRangeList` are each narrow, but together they admit 25,165,824 IPv4 addresses, more than a /8 (16,777,216)"]);
    });
    it("plain-string lists (Data Explorer) and the Cosmos 0.0.0.0 meaning", () => {
        expect(checkIpList({ l: ["0.0.0.0"] }, "l", "l", { consequence: "x" }).publicEvidence).toEqual([]);
        expect(checkIpList({ l: [{ ipAddressOrRange: "0.0.0.0" }] }, "l", "ipRules", { valueKey: "ipAddressOrRange", zeroMeansAzure: true, consequence: "x" }).publicEvidence[0]).toContain("Azure datacenters");
    });
    it("unknown and malformed lists and entries fail closed", () => {
        expect(checkIpList({ ipRules: UNKNOWN }, "ipRules", "ipRules", opts).findings[0]).toMatchObject({ unknown: true, message: expect.stringContaining("`ipRules` is unknown") });
        expect(checkIpList({ ipRules: "1.2.3.4" }, "ipRules", "ipRules", opts)).toMatchObject({ state: "invalid", findings: [{ message: expect.stringContaining("which is not an array") }] });
        const r = checkIpList({ ipRules: [{ value: UNKNOWN }, UNKNOWN, "1.2.3.4", { value: "bad" }, {}] }, "ipRules", "ipRules", opts);
        expect(r.findings.map((f) => f.message.slice(0, 40))).toEqual([
            "`ipRules[0].value` is unknown during pre",
            "`ipRules[1]` is unknown during preview, ",
            '`ipRules[2]` is "1.2.3.4", which is not ',
            '`ipRules[3].value`: "bad" is not a valid',
            "`ipRules[4].value` is missing, so the pa",
        ]);
        expect(r.findings.map((f) => f.unknown === true)).toEqual([true, true, false, false, false]);
        expect(r.findings[2].message).toBe('`ipRules[2]` is "1.2.3.4", which is not an object, so the pack cannot tell whether the vault is public. It is treated as public: fix the value in the program.');
    });
    it("a list of the wrong type is invalid with a single finding and no evidence", () => {
        expect(checkIpList({ ipRules: "1.2.3.4" }, "ipRules", "ipRules", opts)).toEqual({
            state: "invalid",
            size: 0,
            publicEvidence: [],
            findings: [{ message: '`ipRules` is "1.2.3.4", which is not an array, so the pack cannot tell whether the vault is public. It is treated as public: fix the value in the program.' }],
        });
    });
});

describe("gateFindings / exposureFindings", () => {
    const open: AccessSwitch = { state: "open", text: '`publicNetworkAccess` is "Enabled"' };
    const closed: AccessSwitch = { state: "closed", text: "x" };
    const unknown: AccessSwitch = { state: "unknown", field: "publicNetworkAccess" };
    const invalid: AccessSwitch = { state: "invalid", field: "publicNetworkAccess", raw: 1, expected: "a string" };
    const extra = [{ message: "extra" }];

    it("closed: nothing, whatever the evidence", () => {
        expect(gateFindings(closed, ["e"], "c")).toEqual([]);
        expect(exposureFindings(closed, ["e"], extra, "c")).toEqual([]);
    });
    it("open with evidence: one violation naming the switch and the evidence", () => {
        expect(gateFindings(open, ["a", "b"], "c", "urn:x", "Server \"s\": ")).toEqual([{ message: 'Server "s": `publicNetworkAccess` is "Enabled", and a; b.', urn: "urn:x" }]);
        expect(exposureFindings(open, ["a"], extra, "c")).toEqual([{ message: '`publicNetworkAccess` is "Enabled", and a.', urn: undefined }]);
    });
    it("no evidence: nothing from the gate, the unknown / malformed network findings from exposureFindings", () => {
        expect(gateFindings(open, [], "c")).toEqual([]);
        expect(exposureFindings(open, [], extra, "c")).toEqual(extra);
        expect(exposureFindings(unknown, [], extra, "c")).toEqual(extra);
    });
    it("unknown switch with evidence fails closed and keeps the evidence", () => {
        const [f] = gateFindings(unknown, ["rule x is wide"], "the server is public", "urn:s");
        expect(f).toMatchObject({ unknown: true, urn: "urn:s" });
        expect(f.message).toContain("`publicNetworkAccess` is unknown during preview, so the pack cannot tell whether the server is public (rule x is wide)");
        expect(gateFindings(unknown, ["a", "b"], "c", "urn:s")).toEqual([
            {
                message: "`publicNetworkAccess` is unknown during preview, so the pack cannot tell whether c (a; b). An unknown exposure switch is treated as public: set it to a literal value in the program.",
                urn: "urn:s",
                unknown: true,
            },
        ]);
    });
    it("a malformed switch with evidence: the malformed-switch violation, with the urn", () => {
        expect(gateFindings(invalid, ["a"], "c", "urn:s")).toEqual([
            { message: "`publicNetworkAccess` is 1, which is not a string, so the pack cannot tell whether c. It is treated as public: fix the value in the program.", urn: "urn:s" },
        ]);
        expect(gateFindings(invalid, [], "c", "urn:s")).toEqual([]);
    });
    it("a malformed switch is a violation even without evidence", () => {
        expect(exposureFindings(invalid, [], [], "c")[0].message).toContain("`publicNetworkAccess` is 1, which is not a string");
    });
});

describe("firewall-rule kinds", () => {
    const tokens: Array<[string, string, string]> = [
        ["azure-native:sql:FirewallRule", "Azure SQL", "startIpAddress"],
        ["azure-native:sql/v20211101:FirewallRule", "Azure SQL", "startIpAddress"],
        ["azure-native:sql:IPv6FirewallRule", "Azure SQL", "startIPv6Address"],
        ["azure-native:dbforpostgresql:FirewallRule", "Azure Database for PostgreSQL / MySQL / MariaDB", "startIpAddress"],
        ["azure-native:dbforpostgresql/v20221108:FirewallRule", "Azure Database for PostgreSQL / MySQL / MariaDB", "startIpAddress"],
        ["azure-native:dbforpostgresql:SingleServerFirewallRule", "Azure Database for PostgreSQL / MySQL / MariaDB", "startIpAddress"],
        ["azure-native:dbforpostgresql:ServerGroupFirewallRule", "Azure Cosmos DB for PostgreSQL", "startIpAddress"],
        ["azure-native:dbformysql:FirewallRule", "Azure Database for PostgreSQL / MySQL / MariaDB", "startIpAddress"],
        ["azure-native:dbformysql:SingleServerFirewallRule", "Azure Database for PostgreSQL / MySQL / MariaDB", "startIpAddress"],
        ["azure-native:dbformariadb:FirewallRule", "Azure Database for PostgreSQL / MySQL / MariaDB", "startIpAddress"],
        ["azure-native:synapse:IpFirewallRule", "Azure Synapse", "startIpAddress"],
        ["azure-native:mongocluster:FirewallRule", "Azure Cosmos DB for MongoDB vCore", "startIpAddress"],
        ["azure-native:cosmosdb:MongoClusterFirewallRule", "Azure Cosmos DB for MongoDB vCore", "startIpAddress"],
        ["azure-native:documentdb:MongoClusterFirewallRule", "Azure Cosmos DB for MongoDB vCore", "startIpAddress"],
        ["azure-native:documentdb:FirewallRule", "Azure Cosmos DB for MongoDB vCore", "startIpAddress"],
        ["azure-native:redis:FirewallRule", "Azure Cache for Redis", "startIP"],
        ["azure-native:redis:RedisFirewallRule", "Azure Cache for Redis", "startIP"],
        ["azure-native:cache:FirewallRule", "Azure Cache for Redis", "startIP"],
        ["azure-native_redis_v20241101:redis:FirewallRule", "Azure Cache for Redis", "startIP"],
    ];
    it.each(tokens)("%s -> %s (%s)", (token, service, startKey) => {
        expect(ALL_FIREWALL_RULES.matches(token)).toBe(true);
        expect(firewallRuleKind(token)).toMatchObject({ service, startKey });
    });
    it.each(["azure-native:sql:Server", "azure-native:network:AzureFirewall", "azure-native:storage:StorageAccount", "azure-native:synapse:FirewallRule"])("not a data-store firewall rule: %s", (token) => {
        expect(ALL_FIREWALL_RULES.matches(token)).toBe(false);
        expect(firewallRuleKind(token)).toBeUndefined();
    });
    it("no two kinds claim the same token", () => {
        for (const [token] of tokens) {
            expect(FIREWALL_RULE_KINDS.filter((k) => k.matcher.matches(token)).length).toBe(1);
        }
    });

    it("reads the range at the top level, or under `properties` (mongocluster)", () => {
        const mongo = firewallRuleKind("azure-native:mongocluster:FirewallRule")!;
        expect(judgeFirewallRule(mongo, { properties: { startIpAddress: "0.0.0.0", endIpAddress: "255.255.255.255" } })).toMatchObject({ verdict: "public", text: "0.0.0.0-255.255.255.255" });
        expect(judgeFirewallRule(mongo, { startIpAddress: "203.0.113.1", endIpAddress: "203.0.113.1" }).verdict).toBe("private");
        expect(judgeFirewallRule(mongo, { properties: { startIpAddress: "1.2.3.4" } })).toMatchObject({ verdict: "invalid", field: "properties.endIpAddress" });
        expect(judgeFirewallRule(mongo, { properties: UNKNOWN })).toEqual({ verdict: "unknown", field: "properties" });
        expect(judgeFirewallRule(mongo, {})).toMatchObject({ verdict: "invalid", field: "startIpAddress" });
    });
    it.each<[string, Record<string, unknown>, object]>([
        [
            "one end at the top level: the top level is read, and its other end is missing",
            { startIpAddress: "1.2.3.4", properties: { startIpAddress: "203.0.113.1", endIpAddress: "203.0.113.1" } },
            { verdict: "invalid", field: "endIpAddress", reason: "`endIpAddress` is missing" },
        ],
        [
            "only the end at the top level: the top level is read, and its start is missing",
            { endIpAddress: "1.2.3.4", properties: { startIpAddress: "203.0.113.1", endIpAddress: "203.0.113.1" } },
            { verdict: "invalid", field: "startIpAddress", reason: "`startIpAddress` is missing" },
        ],
        [
            "both ends null at the top level read as absent: the nested range is used",
            { startIpAddress: null, endIpAddress: null, properties: { startIpAddress: "0.0.0.0", endIpAddress: "255.255.255.255" } },
            { verdict: "public", text: "0.0.0.0-255.255.255.255", reason: "covers every IPv4 address" },
        ],
    ])("mongocluster range location: %s", (_, props, expected) => {
        expect(judgeFirewallRule(firewallRuleKind("azure-native:mongocluster:FirewallRule")!, props)).toEqual(expected);
    });
    it("Redis has no Azure-services pair; SQL has", () => {
        expect(judgeFirewallRule(firewallRuleKind("azure-native:redis:FirewallRule")!, { startIP: "0.0.0.0", endIP: "0.0.0.0" }).verdict).toBe("private");
        expect(judgeFirewallRule(firewallRuleKind("azure-native:sql:FirewallRule")!, { startIpAddress: "0.0.0.0", endIpAddress: "0.0.0.0" }).verdict).toBe("public");
    });
});

describe("firewalledServerFindings (the join)", () => {
    const SERVER = "azure-native:sql:Server";
    const RULE = "azure-native:sql:FirewallRule";
    const family = {
        label: "SQL server",
        servers: azureType("sql", "Server"),
        serverKeys: ["name", "serverName"],
        rules: SQL_FIREWALL_RULES,
        endpoint: (s: StackNode) => readAccessSwitch(s.props, "publicNetworkAccess", "publicNetworkAccess", "treated as Enabled"),
    };
    const allowAll = { startIpAddress: "0.0.0.0", endIpAddress: "255.255.255.255" };
    const run = (...nodes: StackNode[]) => firewalledServerFindings(new StackGraph(nodes), family);

    it("joins by propertyDependencies while the server name is unknown (preview)", () => {
        const f = run(node(SERVER, "db", {}), node(RULE, "all", { serverName: UNKNOWN, ...allowAll }, { propertyDependencies: { serverName: [urn(SERVER, "db")] } }));
        expect(f).toEqual([{ urn: urn(SERVER, "db"), message: expect.stringContaining('SQL server "db" is reachable from the internet: `publicNetworkAccess` is omitted (treated as Enabled), and firewall rule "all" (0.0.0.0-255.255.255.255) covers every IPv4 address.') }]);
    });
    it("joins by dependencies, and by known name", () => {
        expect(run(node(SERVER, "db", {}), node(RULE, "all", { serverName: UNKNOWN, ...allowAll }, { dependencies: [urn(SERVER, "db")] }))).toHaveLength(1);
        expect(run(node(SERVER, "db", { name: "db-1" }), node(RULE, "all", { serverName: "db-1", ...allowAll }))).toHaveLength(1);
        expect(run(node(SERVER, "db", { serverName: "db-1" }), node(RULE, "all", { serverName: "db-1", ...allowAll }))).toHaveLength(1);
    });
    it("IPv6 SQL rules join by serverName, Cosmos DB for PostgreSQL rules by clusterName, both by known name only", () => {
        const sqlV6 = { ...family, rules: SQL_IPV6_FIREWALL_RULES };
        const v6Rule = node("azure-native:sql:IPv6FirewallRule", "v6", { serverName: "db-1", startIPv6Address: "::", endIPv6Address: "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" });
        expect(firewalledServerFindings(new StackGraph([node(SERVER, "db", { name: "db-1" }), v6Rule]), sqlV6)).toHaveLength(1);
        const citus = { ...family, label: "cluster", servers: azureType("dbforpostgresql", "ServerGroupCluster"), serverKeys: ["name", "clusterName"], rules: CITUS_FIREWALL_RULES };
        const citusRule = node("azure-native:dbforpostgresql:ServerGroupFirewallRule", "all", { clusterName: "c-1", ...allowAll });
        expect(firewalledServerFindings(new StackGraph([node("azure-native:dbforpostgresql:ServerGroupCluster", "c", { name: "c-1" }), citusRule]), citus)).toHaveLength(1);
    });
    it("a rule of another server, or an unlinked rule, does not make this server public", () => {
        expect(run(node(SERVER, "db", { name: "db-1" }), node(RULE, "all", { serverName: "other", ...allowAll }))).toEqual([]);
        expect(run(node(SERVER, "db", {}), node(RULE, "all", { serverName: UNKNOWN, ...allowAll }))).toEqual([]);
    });
    it("a closed endpoint excuses its rules; an unknown one fails closed; a malformed one is a violation", () => {
        const rule = node(RULE, "all", { serverName: "db-1", ...allowAll });
        expect(run(node(SERVER, "db", { name: "db-1", publicNetworkAccess: "Disabled" }), rule)).toEqual([]);
        expect(run(node(SERVER, "db", { name: "db-1", publicNetworkAccess: UNKNOWN }), rule)).toEqual([expect.objectContaining({ unknown: true, urn: urn(SERVER, "db") })]);
        expect(run(node(SERVER, "db", { name: "db-1", publicNetworkAccess: "Open" })).map((f) => f.message)).toEqual([expect.stringContaining('`publicNetworkAccess` is "Open", which is not one of Enabled, Disabled, SecuredByPerimeter, so the pack cannot tell whether SQL server "db" accepts connections')]);
    });
    it("narrow rules are fine alone, public together", () => {
        const rules = ["1.0.0.0", "2.0.0.0", "3.0.0.0"].map((start, i) => node(RULE, `r${i}`, { serverName: "db-1", startIpAddress: start, endIpAddress: start.replace(".0.0.0", ".127.255.255") }));
        expect(run(node(SERVER, "db", { name: "db-1" }), ...rules.slice(0, 2))).toEqual([]);
        expect(run(node(SERVER, "db", { name: "db-1" }), ...rules)[0].message).toContain("its 3 firewall rules are each narrow, but together they admit 25,165,824 IPv4 addresses");
    });
    it("unknown or malformed rule ranges are left to the resource rule", () => {
        expect(run(node(SERVER, "db", { name: "db-1" }), node(RULE, "r", { serverName: "db-1", startIpAddress: UNKNOWN, endIpAddress: UNKNOWN }))).toEqual([]);
        expect(run(node(SERVER, "db", { name: "db-1" }), node(RULE, "r", { serverName: "db-1", startIpAddress: "x" }))).toEqual([]);
    });
    it("noRulesEvidence: a server without rules is public (Redis)", () => {
        const redis = { ...family, label: "Redis cache", noRulesEvidence: "it has no firewall rule" };
        expect(firewalledServerFindings(new StackGraph([node(SERVER, "c", {})]), redis)[0].message).toContain("and it has no firewall rule.");
        expect(firewalledServerFindings(new StackGraph([node(SERVER, "c", { name: "c-1" }), node(RULE, "r", { serverName: "c-1", startIpAddress: "203.0.113.1", endIpAddress: "203.0.113.1" })]), redis)).toEqual([]);
    });
    it("a public rule is the evidence; the union of the narrow ones is not added to it", () => {
        const narrow = ["1.0.0.0", "2.0.0.0", "3.0.0.0"].map((start, i) => node(RULE, `r${i}`, { serverName: "db-1", startIpAddress: start, endIpAddress: start.replace(".0.0.0", ".127.255.255") }));
        expect(run(node(SERVER, "db", { name: "db-1" }), node(RULE, "all", { serverName: "db-1", ...allowAll }), ...narrow)).toEqual([
            {
                urn: urn(SERVER, "db"),
                message: 'SQL server "db" is reachable from the internet: `publicNetworkAccess` is omitted (treated as Enabled), and firewall rule "all" (0.0.0.0-255.255.255.255) covers every IPv4 address.',
            },
        ]);
    });
    it("a rule with an unknown or malformed range is not counted as a narrow range", () => {
        const narrow = node(RULE, "n", { serverName: "db-1", startIpAddress: "203.0.113.1", endIpAddress: "203.0.113.9" });
        expect(run(node(SERVER, "db", { name: "db-1" }), narrow, node(RULE, "u", { serverName: "db-1", startIpAddress: UNKNOWN, endIpAddress: UNKNOWN }))).toEqual([]);
        expect(run(node(SERVER, "db", { name: "db-1" }), narrow, node(RULE, "m", { serverName: "db-1", startIpAddress: "x", endIpAddress: "y" }))).toEqual([]);
    });
    it("a closed endpoint has nothing to say even with no rules where no rule means public (Redis)", () => {
        const redis = { ...family, label: "Redis cache", noRulesEvidence: "it has no firewall rule" };
        expect(firewalledServerFindings(new StackGraph([node(SERVER, "c", { publicNetworkAccess: "Disabled" })]), redis)).toEqual([]);
    });
    it("a rules matcher wider than the firewall-rule kinds: the other types are ignored", () => {
        const VNET_RULE = "azure-native:sql:VirtualNetworkRule";
        const wide = { ...family, rules: anyOf(SQL_FIREWALL_RULES, azureType("sql", "VirtualNetworkRule")) };
        const stack = new StackGraph([node(SERVER, "db", { name: "db-1" }), node(VNET_RULE, "v", { serverName: "db-1" }), node(RULE, "all", { serverName: "db-1", ...allowAll })]);
        expect(firewalledServerFindings(stack, wide).map((f) => f.message)).toEqual([expect.stringContaining('firewall rule "all" (0.0.0.0-255.255.255.255) covers every IPv4 address.')]);
    });
    describe("several parent keys (dbforpostgresql:FirewallRule names a flexible server or a Cosmos DB for PostgreSQL cluster)", () => {
        const CLUSTER = "azure-native:dbforpostgresql:ServerGroupCluster";
        const FLEX = "azure-native:dbforpostgresql:Server";
        const PG_RULE = "azure-native:dbforpostgresql:FirewallRule";
        const pg = {
            label: "Database server",
            servers: anyOf(azureType("dbforpostgresql", "ServerGroupCluster"), azureType("dbforpostgresql", "Server")),
            serverKeys: ["name", "serverName", "clusterName"],
            rules: RDBMS_FIREWALL_RULES,
            endpoint: (s: StackNode) => readAccessSwitch(s.props, "publicNetworkAccess", "publicNetworkAccess", "treated as Enabled"),
        };
        const names = (...nodes: StackNode[]) => firewalledServerFindings(new StackGraph(nodes), pg).map((f) => f.urn);
        it.each<[string, Record<string, unknown>]>([
            ["clusterName only", { clusterName: "c-1" }],
            ["serverName null, clusterName set: the key present is used", { serverName: null, clusterName: "c-1" }],
        ])("joins by the key that is present: %s", (_, keys) => {
            expect(names(node(CLUSTER, "c", { name: "c-1" }), node(FLEX, "s", { name: "s-1" }), node(PG_RULE, "all", { ...keys, ...allowAll }))).toEqual([urn(CLUSTER, "c")]);
        });
        it("neither key in the props: the first key's propertyDependencies still join", () => {
            const rule = node(PG_RULE, "all", { ...allowAll }, { propertyDependencies: { serverName: [urn(FLEX, "s")] } });
            expect(names(node(CLUSTER, "c", { name: "c-1" }), node(FLEX, "s", { name: "s-1" }), rule)).toEqual([urn(FLEX, "s")]);
        });
    });
    it("a stack without servers has nothing to say", () => {
        expect(run(node(RULE, "all", { serverName: "x", ...allowAll }))).toEqual([]);
    });
});
