import { describe, expect, it } from "vitest";
import {
    cacheEngineDefaultPort,
    classifyCidrSource,
    decodeIngressPorts,
    formatRanges,
    isPortNumber,
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
        [" postgres\n", 5432], // pack normalisation: surrounding whitespace is ignored
    ])("%j -> %d", (engine, port) => expect(rdsEngineDefaultPort(engine)).toBe(port));

    it.each(["neptune", "docdb", "", "postgresx", "postgres_x"])("%j is not an RDS engine", (engine) => expect(rdsEngineDefaultPort(engine)).toBeUndefined());
});

describe("cacheEngineDefaultPort", () => {
    it("redis, valkey and memcached", () => {
        expect(cacheEngineDefaultPort("redis")).toBe(6379);
        expect(cacheEngineDefaultPort("Valkey")).toBe(6379);
        expect(cacheEngineDefaultPort("memcached")).toBe(11211);
        expect(cacheEngineDefaultPort("mongodb")).toBeUndefined();
    });
    it("surrounding whitespace is ignored (pack normalisation)", () => {
        expect(cacheEngineDefaultPort(" redis ")).toBe(6379);
        expect(cacheEngineDefaultPort("memcached\n")).toBe(11211);
    });
});

describe("formatRanges", () => {
    it("single ports and ranges, comma separated", () => {
        expect(formatRanges([{ from: 5432, to: 5432 }, { from: 8191, to: 8215 }])).toBe("5432, 8191-8215");
        expect(formatRanges(MSK_PORTS)).toBe("2181, 2182, 9092, 9094, 9096, 9098, 9194, 9196, 9198, 20092, 20094, 20096, 20098");
        expect(formatRanges([])).toBe("");
    });
});

describe("isPortNumber: a store's `port`, a whole number 1-65535", () => {
    it.each([
        [1, true],
        [5432, true],
        [65535, true],
        [0, false], // port 0 is not a listening port
        [-1, false],
        [65536, false],
        [5432.5, false],
        [Number.NaN, false],
        [Number.POSITIVE_INFINITY, false],
        ["5432", false],
        [null, false],
        [undefined, false],
    ])("%j -> %s", (value, expected) => expect(isPortNumber(value)).toBe(expected));
});

describe("decodeIngressPorts", () => {
    const known = (p: unknown, f: unknown, t: unknown) => {
        const d = decodeIngressPorts(p, f, t, "ingress[0].");
        if (d.state !== "known") throw new Error(`expected known, got ${JSON.stringify(d)}`);
        return d.value;
    };
    const ALL = { kind: "all", text: "all protocols and ports" };
    const TCP_EVERY_PORT = { kind: "all", text: "tcp, every port (fromPort -1)" };
    const tcp = (from: number, to: number, text: string) => ({ kind: "tcp", range: { from, to }, text });
    const PROTOCOL_EXPECTED = 'a protocol ("-1", "all", "tcp", "udp", "icmp", "icmpv6" or a protocol number)';
    const PORT_EXPECTED = "a port number from -1 to 65535";
    const RANGE_EXPECTED = "a port range with 0 <= fromPort <= toPort <= 65535";
    const MISSING_EXPECTED = "set (a TCP permission needs fromPort and toPort)";

    it("all protocols: -1, all, number -1 (ports ignored)", () => {
        expect(known("-1", 0, 0)).toEqual(ALL);
        expect(known("ALL", 5432, 5432)).toEqual(ALL);
        expect(known(-1, undefined, undefined)).toEqual(ALL);
    });
    it.each([
        ["tcp", 5432, 5432, tcp(5432, 5432, "tcp 5432")],
        ["6", 0, 65535, tcp(0, 65535, "tcp 0-65535")],
        [6, 1024, 2048, tcp(1024, 2048, "tcp 1024-2048")],
        ["tcp", 0, 0, tcp(0, 0, "tcp 0")],
        [" TCP ", 3306, 3306, tcp(3306, 3306, "tcp 3306")], // pack normalisation: case and surrounding whitespace
        // fromPort -1 with toPort -1 or 65535: read as every port, the broader reading
        ["TCP", -1, -1, TCP_EVERY_PORT],
        ["tcp", -1, 65535, TCP_EVERY_PORT],
    ])("tcp permission %j %j-%j", (p, f, t, expected) => {
        expect(known(p, f, t)).toEqual(expected);
    });
    it.each([
        ["udp", "protocol udp"],
        ["17", "protocol 17"],
        ["icmp", "protocol icmp"],
        ["1", "protocol 1"],
        ["ICMPv6", "protocol icmpv6"],
        ["58", "protocol 58"],
        ["50", "protocol 50"], // ESP
        ["0", "protocol 0"],
        ["255", "protocol 255"], // the highest IP protocol number
    ])("%s is not TCP (no data port opened, whatever the ports)", (p, text) => {
        expect(known(p, 0, 65535)).toEqual({ kind: "not-tcp", text });
    });
    it("unknown protocol or port", () => {
        expect(decodeIngressPorts(UNKNOWN, 1, 2, "")).toEqual({ state: "unknown", field: "protocol" });
        expect(decodeIngressPorts("tcp", UNKNOWN, 2, "x.")).toEqual({ state: "unknown", field: "x.fromPort" });
        expect(decodeIngressPorts("tcp", 1, UNKNOWN, "")).toEqual({ state: "unknown", field: "toPort" });
        expect(decodeIngressPorts(UNKNOWN, 1, 2, "", "ipProtocol")).toEqual({ state: "unknown", field: "ipProtocol" });
    });
    it.each([
        ["unrecognised protocol name", "sctp-ish", 1, 2, { field: "x.protocol", raw: "sctp-ish", expected: PROTOCOL_EXPECTED }],
        ["empty protocol", "", 1, 2, { field: "x.protocol", raw: "", expected: PROTOCOL_EXPECTED }],
        ["protocol object", {}, 1, 2, { field: "x.protocol", raw: {}, expected: PROTOCOL_EXPECTED }],
        ["protocol null", null, 1, 2, { field: "x.protocol", raw: null, expected: PROTOCOL_EXPECTED }],
        ["protocol number above 255", "256", 1, 2, { field: "x.protocol", raw: "256", expected: PROTOCOL_EXPECTED }],
        ["protocol in exponent notation", "1e2", 1, 2, { field: "x.protocol", raw: "1e2", expected: PROTOCOL_EXPECTED }],
        ["protocol in hex", "0x11", 1, 2, { field: "x.protocol", raw: "0x11", expected: PROTOCOL_EXPECTED }],
        ["port as a string", "tcp", "5432", 5432, { field: "x.fromPort", raw: "5432", expected: PORT_EXPECTED }],
        ["fractional port", "tcp", 5432.5, 5433, { field: "x.fromPort", raw: 5432.5, expected: PORT_EXPECTED }],
        ["port below -1", "tcp", -2, 5432, { field: "x.fromPort", raw: -2, expected: PORT_EXPECTED }],
        ["port above 65535", "tcp", 1, 70000, { field: "x.toPort", raw: 70000, expected: PORT_EXPECTED }],
        ["fromPort after toPort", "tcp", 6000, 5000, { field: "x.fromPort", raw: "6000-5000", expected: RANGE_EXPECTED }],
        ["fromPort -1 with a specific toPort", "tcp", -1, 5432, { field: "x.fromPort", raw: "-1-5432", expected: RANGE_EXPECTED }],
        ["toPort -1 with a specific fromPort", "tcp", 5432, -1, { field: "x.fromPort", raw: "5432--1", expected: RANGE_EXPECTED }],
        ["fromPort missing", "tcp", undefined, 5432, { field: "x.fromPort", raw: undefined, expected: MISSING_EXPECTED }],
        ["toPort missing", "tcp", 5432, undefined, { field: "x.toPort", raw: undefined, expected: MISSING_EXPECTED }],
        ["toPort null", "6", 5432, null, { field: "x.toPort", raw: undefined, expected: MISSING_EXPECTED }],
    ])("malformed: %s", (_name, p, f, t, invalid) => {
        expect(decodeIngressPorts(p, f, t, "x.")).toEqual({ state: "invalid", ...invalid });
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
    });
});

describe("classifyCidrSource", () => {
    it.each([
        ["0.0.0.0/0", "every IPv4 address"],
        ["::/0", "every IPv6 address"],
        ["64.0.0.0/2", "broader than /8, which AWS counts as public"],
        ["2001::/16", "broader than /32, which AWS counts as public"],
        [" 0.0.0.0/0\n", "every IPv4 address"], // surrounding whitespace does not hide the whole internet
    ])("public: %j", (cidr, why) => {
        expect(classifyCidrSource(cidr)).toEqual({ kind: "public", cidr, why });
    });
    it.each(["10.0.0.0/8", "10.0.0.0/16", "172.16.0.0/12", "203.0.113.7/32", "11.0.0.0/8", "2001:db8::/32", "2001:db8::1"])("not public: %s", (cidr) => {
        expect(classifyCidrSource(cidr)).toEqual({ kind: "private" });
    });
    it("unknown and malformed", () => {
        expect(classifyCidrSource(UNKNOWN)).toEqual({ kind: "unknown" });
        expect(classifyCidrSource("0.0.0.0/33")).toEqual({ kind: "invalid", reason: '"0.0.0.0/33" is not a valid CIDR: the prefix length must be a number from 0 to 32 for IPv4' });
        expect(classifyCidrSource("anywhere").kind).toBe("invalid");
    });
    it.each([
        [42, "expected a CIDR string, got number"],
        [null, "expected a CIDR string, got null"],
        [undefined, "expected a CIDR string, got undefined"],
        [["0.0.0.0/0"], "expected a CIDR string, got an array"],
        [{ cidr: "0.0.0.0/0" }, "expected a CIDR string, got object"],
    ])("not a string: %j", (raw, reason) => {
        expect(classifyCidrSource(raw)).toEqual({ kind: "invalid", reason });
    });
});
