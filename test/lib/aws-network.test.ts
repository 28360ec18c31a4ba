import { describe, expect, it } from "vitest";
import {
    cacheEngineDefaultPort,
    classifyCidrSource,
    decodeIngressPorts,
    formatRanges,
    MSK_PORTS,
    rdsEngineDefaultPort,
    reachesStorePorts,
    type IngressPorts,
    type StorePorts,
} from "../../policies/lib/aws-network";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

describe("rdsEngineDefaultPort", () => {
    it.each([
        ["postgres", 5432],
        ["aurora-postgresql", 5432],
        ["mysql", 3306],
        ["MySQL", 3306],
        ["mariadb", 3306],
        ["aurora-mysql", 3306],
        ["aurora", 3306],
        ["oracle-ee", 1521],
        ["oracle-se2-cdb", 1521],
        ["custom-oracle-ee", 1521],
        ["sqlserver-ex", 1433],
        ["custom-sqlserver-se", 1433],
        ["db2-ae", 50000],
        ["POSTGRESQL", 5432], // RDS Proxy engineFamily
        ["SQLSERVER", 1433],
    ])("%s -> %d", (engine, port) => expect(rdsEngineDefaultPort(engine)).toBe(port));

    it.each(["neptune", "docdb", "", "postgresx"])("%j is not an RDS engine", (engine) => expect(rdsEngineDefaultPort(engine)).toBeUndefined());
});

describe("cacheEngineDefaultPort", () => {
    it("redis, valkey and memcached", () => {
        expect(cacheEngineDefaultPort("redis")).toBe(6379);
        expect(cacheEngineDefaultPort("Valkey")).toBe(6379);
        expect(cacheEngineDefaultPort("memcached")).toBe(11211);
        expect(cacheEngineDefaultPort("mongodb")).toBeUndefined();
    });
});

describe("decodeIngressPorts", () => {
    const known = (p: unknown, f: unknown, t: unknown) => {
        const d = decodeIngressPorts(p, f, t, "ingress[0].");
        if (d.state !== "known") throw new Error(`expected known, got ${JSON.stringify(d)}`);
        return d.value;
    };
    it("all protocols: -1, all, number -1 (ports ignored)", () => {
        expect(known("-1", 0, 0).kind).toBe("all");
        expect(known("ALL", 5432, 5432).kind).toBe("all");
        expect(known(-1, undefined, undefined).kind).toBe("all");
    });
    it("tcp and 6 give the port range", () => {
        expect(known("tcp", 5432, 5432)).toEqual({ kind: "tcp", range: { from: 5432, to: 5432 }, text: "tcp 5432" });
        expect(known("6", 0, 65535)).toEqual({ kind: "tcp", range: { from: 0, to: 65535 }, text: "tcp 0-65535" });
        expect(known("TCP", -1, -1).kind).toBe("all");
    });
    it("udp, icmp, icmpv6 and other protocol numbers are not TCP", () => {
        for (const p of ["udp", "17", "icmp", "1", "icmpv6", "58", "50"]) expect(known(p, 0, 65535).kind).toBe("not-tcp");
    });
    it("unknown protocol or port", () => {
        expect(decodeIngressPorts(UNKNOWN, 1, 2, "")).toEqual({ state: "unknown", field: "protocol" });
        expect(decodeIngressPorts("tcp", UNKNOWN, 2, "x.")).toEqual({ state: "unknown", field: "x.fromPort" });
        expect(decodeIngressPorts("tcp", 1, UNKNOWN, "")).toEqual({ state: "unknown", field: "toPort" });
        expect(decodeIngressPorts(UNKNOWN, 1, 2, "", "ipProtocol")).toEqual({ state: "unknown", field: "ipProtocol" });
    });
    it("malformed protocol, ports, or range", () => {
        expect(decodeIngressPorts("sctp-ish", 1, 2, "").state).toBe("invalid");
        expect(decodeIngressPorts("", 1, 2, "").state).toBe("invalid");
        expect(decodeIngressPorts({}, 1, 2, "").state).toBe("invalid");
        expect(decodeIngressPorts("tcp", "5432", 5432, "").state).toBe("invalid");
        expect(decodeIngressPorts("tcp", 6000, 5000, "").state).toBe("invalid");
        expect(decodeIngressPorts("tcp", 1, 70000, "").state).toBe("invalid");
        expect(decodeIngressPorts("tcp", undefined, 5432, "")).toMatchObject({ state: "invalid", field: "fromPort" });
        expect(decodeIngressPorts("256", 1, 2, "").state).toBe("invalid");
    });
});

describe("reachesStorePorts", () => {
    const tcp = (from: number, to: number): IngressPorts => ({ kind: "tcp", range: { from, to }, text: "" });
    const store: StorePorts = { kind: "known", ranges: [{ from: 5432, to: 5432 }], source: "" };
    it("overlap, no overlap, all, not TCP", () => {
        expect(reachesStorePorts(tcp(5432, 5432), store)).toBe("yes");
        expect(reachesStorePorts(tcp(5000, 6000), store)).toBe("yes");
        expect(reachesStorePorts(tcp(443, 443), store)).toBe("no");
        expect(reachesStorePorts(tcp(5433, 5440), store)).toBe("no");
        expect(reachesStorePorts({ kind: "all", text: "" }, store)).toBe("yes");
        expect(reachesStorePorts({ kind: "not-tcp", text: "" }, store)).toBe("no");
    });
    it("unknown store port: only all-port permissions decide", () => {
        const unknown: StorePorts = { kind: "unknown", field: "port" };
        expect(reachesStorePorts(tcp(1, 2), unknown)).toBe("unknown");
        expect(reachesStorePorts({ kind: "all", text: "" }, unknown)).toBe("yes");
        expect(reachesStorePorts(tcp(1, 2), { kind: "any", reason: "" })).toBe("yes");
    });
    it("MSK ports include 9092 and 9098, not 9093", () => {
        const msk: StorePorts = { kind: "known", ranges: MSK_PORTS, source: "" };
        expect(reachesStorePorts(tcp(9098, 9098), msk)).toBe("yes");
        expect(reachesStorePorts(tcp(9093, 9093), msk)).toBe("no");
        expect(formatRanges(MSK_PORTS)).toContain("9092");
    });
});

describe("classifyCidrSource", () => {
    it.each([
        ["0.0.0.0/0", "every IPv4 address"],
        ["::/0", "every IPv6 address"],
        ["64.0.0.0/2", "broader than /8"],
        ["2001::/16", "broader than /32"],
    ])("public: %s", (cidr, why) => {
        const v = classifyCidrSource(cidr);
        expect(v.kind).toBe("public");
        if (v.kind === "public") expect(v.why).toContain(why);
    });
    it.each(["10.0.0.0/8", "10.0.0.0/16", "172.16.0.0/12", "203.0.113.7/32", "11.0.0.0/8", "2001:db8::/32", "2001:db8::1"])("not public: %s", (cidr) => {
        expect(classifyCidrSource(cidr)).toEqual({ kind: "private" });
    });
    it("unknown and malformed", () => {
        expect(classifyCidrSource(UNKNOWN)).toEqual({ kind: "unknown" });
        expect(classifyCidrSource("0.0.0.0/33").kind).toBe("invalid");
        expect(classifyCidrSource("anywhere").kind).toBe("invalid");
        expect(classifyCidrSource(42).kind).toBe("invalid");
        expect(classifyCidrSource(null).kind).toBe("invalid");
    });
});
