import ipaddr from "ipaddr.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
    addressCount,
    isBroaderThanAwsPublicThreshold,
    isWholeInternet,
    isWithinRfc1918,
    parseCidrOrAddress,
    parseStartEnd,
    type IpRange,
} from "../../policies/lib/ip-ranges";

const v4 = (a: number, b: number, c: number, d: number): bigint => (BigInt(a) << 24n) | (BigInt(b) << 16n) | (BigInt(c) << 8n) | BigInt(d);
const V4_MAX = (1n << 32n) - 1n;
const V6_MAX = (1n << 128n) - 1n;

function range(text: string): IpRange {
    const p = parseCidrOrAddress(text);
    if (!p.ok) throw new Error(`test setup: ${p.reason}`);
    return p.range;
}

function startEnd(start: string, end: string): IpRange {
    const p = parseStartEnd(start, end);
    if (!p.ok) throw new Error(`test setup: ${p.reason}`);
    return p.range;
}

describe("parseCidrOrAddress", () => {
    const good: Array<[string, string, "ipv4" | "ipv6", bigint, bigint]> = [
        ["ok: IPv4 CIDR 10.0.0.0/8", "10.0.0.0/8", "ipv4", v4(10, 0, 0, 0), v4(10, 255, 255, 255)],
        ["ok: bare IPv4 address is a /32", "203.0.113.7", "ipv4", v4(203, 0, 113, 7), v4(203, 0, 113, 7)],
        ["ok: IPv4 /32", "203.0.113.7/32", "ipv4", v4(203, 0, 113, 7), v4(203, 0, 113, 7)],
        ["ok: whole IPv4 internet 0.0.0.0/0", "0.0.0.0/0", "ipv4", 0n, V4_MAX],
        ["ok: host bits set (10.1.2.3/8) reads as the containing network", "10.1.2.3/8", "ipv4", v4(10, 0, 0, 0), v4(10, 255, 255, 255)],
        ["ok: prefix with a leading zero (/08)", "10.0.0.0/08", "ipv4", v4(10, 0, 0, 0), v4(10, 255, 255, 255)],
        ["ok: IPv6 CIDR 2001:db8::/32", "2001:db8::/32", "ipv6", 0x20010db8n << 96n, (0x20010db8n << 96n) | ((1n << 96n) - 1n)],
        ["ok: whole IPv6 internet ::/0", "::/0", "ipv6", 0n, V6_MAX],
        ["ok: bare IPv6 address is a /128", "2001:db8::1", "ipv6", (0x20010db8n << 96n) | 1n, (0x20010db8n << 96n) | 1n],
        ["ok: upper-case IPv6 as in IAM's own example", "2001:DB8:1234:5678::/64", "ipv6", 0x20010db812345678n << 64n, (0x20010db812345678n << 64n) | ((1n << 64n) - 1n)],
    ];
    it.each(good)("%s", (_name, text, family, first, last) => {
        expect(parseCidrOrAddress(text)).toEqual({ ok: true, range: { family, first, last, text } });
    });

    const bad: Array<[string, unknown, string]> = [
        ["rejected: bad IPv4 octet names the input", "999.1.1.1", '"999.1.1.1" is not a valid IPv4 address'],
        ["rejected: bad IPv4 octet in a CIDR", "999.1.1.1/8", '"999.1.1.1/8" is not a valid CIDR: "999.1.1.1" is not a valid IPv4 address'],
        ["rejected: IPv4 prefix 33", "10.0.0.0/33", "prefix length must be a number from 0 to 32"],
        ["rejected: IPv6 prefix 129", "2001:db8::/129", "from 0 to 128"],
        ["rejected: negative prefix", "10.0.0.0/-1", "prefix length"],
        ["rejected: empty prefix", "10.0.0.0/", "prefix length"],
        ["rejected: two slashes", "10.0.0.0/8/8", "prefix length"],
        ["rejected: prefix with a plus sign (Number() would read 8)", "10.0.0.0/+8", "prefix length"],
        ["rejected: prefix with a leading space (Number() would read 8)", "10.0.0.0/ 8", "prefix length"],
        ["rejected: prefix with a trailing space (Number() would read 8)", "10.0.0.0/8 ", "prefix length"],
        ["rejected: decimal prefix 8.0 (Number() would read 8)", "10.0.0.0/8.0", "prefix length"],
        ["rejected: garbage", "garbage", '"garbage" is not a valid IPv4 or IPv6 address'],
        ["rejected: empty string", "", "is not a valid IPv4 or IPv6 address"],
        ["rejected: legacy one-part IPv4 '10' (ipaddr.parse would read 0.0.0.10)", "10", "not a valid IPv4 address"],
        ["rejected: three-part IPv4", "1.2.3", "not a valid IPv4 address"],
        ["rejected: five-part IPv4", "1.2.3.4.5", "not a valid IPv4 address"],
        ["rejected: octal-looking IPv4 (ipaddr.parse would read 8.0.0.0)", "010.0.0.0/8", "not a valid IPv4 address"],
        ["rejected: hex IPv4", "0x0a.0.0.0/8", "not a valid"],
        ["rejected: surrounding whitespace", " 10.0.0.0/8", "not a valid"],
        ["rejected: IPv6 zone id", "fe80::1%eth0", "not a valid IPv6 address"],
        ["rejected: bad IPv6", "2001:db8:::1", "not a valid IPv6 address"],
        ["rejected: wildcard", "10.0.0.*", "not a valid"],
        ["rejected: number", 167772160, "expected an IP address or CIDR string, got number 167772160"],
        ["rejected: null", null, "got null"],
        ["rejected: undefined", undefined, "got undefined"],
        ["rejected: object", { cidr: "10.0.0.0/8" }, "got an object"],
        ["rejected: array", ["10.0.0.0/8"], "got an array"],
    ];
    it.each(bad)("%s", (_name, text, reason) => {
        const p = parseCidrOrAddress(text);
        expect(p.ok).toBe(false);
        if (!p.ok) expect(p.reason).toContain(reason);
    });

    it.each([
        ["IPv4 prefix 33", "10.0.0.0/33", '"10.0.0.0/33" is not a valid CIDR: the prefix length must be a number from 0 to 32 for IPv4'],
        ["IPv6 prefix 129", "2001:db8::/129", '"2001:db8::/129" is not a valid CIDR: the prefix length must be a number from 0 to 128 for IPv6'],
        ["an 80-character input is quoted whole", "1".repeat(80), `"${"1".repeat(80)}" is not a valid IPv4 address`],
        ["an 81-character input is quoted up to 80 characters and ...", "1".repeat(81), `"${"1".repeat(80)}..." is not a valid IPv4 address`],
    ])("rejected: %s (exact reason)", (_name, text, reason) => {
        expect(parseCidrOrAddress(text)).toEqual({ ok: false, reason });
    });

    it("rejected: a 1 MB string, with a short reason", () => {
        const p = parseCidrOrAddress("1".repeat(1 << 20));
        expect(p.ok).toBe(false);
        if (!p.ok) expect(p.reason.length).toBeLessThan(300);
    });
});

describe("parseStartEnd", () => {
    it("ok: 10.0.0.1-10.0.0.255 holds 255 addresses", () => {
        const r = startEnd("10.0.0.1", "10.0.0.255");
        expect(r).toEqual({ family: "ipv4", first: v4(10, 0, 0, 1), last: v4(10, 0, 0, 255), text: "10.0.0.1-10.0.0.255" });
        expect(addressCount(r)).toBe(255n);
    });
    it("ok: Azure's 'Allow Azure services' 0.0.0.0-0.0.0.0 is one address", () => {
        expect(addressCount(startEnd("0.0.0.0", "0.0.0.0"))).toBe(1n);
    });
    it("ok: IPv6 pair", () => {
        expect(addressCount(startEnd("2001:db8::", "2001:db8::ff"))).toBe(256n);
    });

    const bad: Array<[string, unknown, unknown, string]> = [
        ["malformed: start after end", "10.0.0.2", "10.0.0.1", 'the start address "10.0.0.2" comes after the end address "10.0.0.1"'],
        ["malformed: mixed families", "10.0.0.1", "2001:db8::1", '"10.0.0.1-2001:db8::1" mixes an IPv4 start with an IPv6 end'],
        ["malformed: mixed families, IPv6 start", "2001:db8::1", "10.0.0.1", '"2001:db8::1-10.0.0.1" mixes an IPv6 start with an IPv4 end'],
        ["malformed: CIDR is not an address", "10.0.0.0/8", "10.0.0.255", "start address:"],
        ["malformed: bad end address", "10.0.0.1", "10.0.0.256", 'end address: "10.0.0.256" is not a valid IPv4 address'],
        ["malformed: start not a string", 1, "10.0.0.1", "the start address must be a string"],
        ["malformed: end not a string", "10.0.0.1", null, "the end address must be a string"],
    ];
    it.each(bad)("%s", (_name, start, end, reason) => {
        const p = parseStartEnd(start, end);
        expect(p.ok).toBe(false);
        if (!p.ok) expect(p.reason).toContain(reason);
    });
});

describe("addressCount", () => {
    it.each([
        ["0.0.0.0/0", 1n << 32n],
        ["10.0.0.0/8", 1n << 24n],
        ["203.0.113.0/24", 256n],
        ["203.0.113.7", 1n],
        ["::/0", 1n << 128n],
        ["2001:db8::/32", 1n << 96n],
    ] as Array<[string, bigint]>)("%s holds %s addresses", (text, count) => {
        expect(addressCount(range(text))).toBe(count);
    });
});

describe("isWholeInternet", () => {
    it.each([
        ["yes: 0.0.0.0/0", range("0.0.0.0/0"), true],
        ["yes: ::/0", range("::/0"), true],
        ["yes: 0.0.0.0-255.255.255.255", startEnd("0.0.0.0", "255.255.255.255"), true],
        ["no: 0.0.0.0/1", range("0.0.0.0/1"), false],
        ["no: 0.0.0.1-255.255.255.255", startEnd("0.0.0.1", "255.255.255.255"), false],
        ["no: 2000::/3", range("2000::/3"), false],
    ] as Array<[string, IpRange, boolean]>)("%s", (_name, r, expected) => {
        expect(isWholeInternet(r)).toBe(expected);
    });
});

describe("isWithinRfc1918", () => {
    it.each([
        ["yes: 10.0.0.0/8", range("10.0.0.0/8"), true],
        ["yes: 10.1.0.0/16", range("10.1.0.0/16"), true],
        ["yes: 172.16.0.0/12", range("172.16.0.0/12"), true],
        ["yes: 172.31.255.0/24", range("172.31.255.0/24"), true],
        ["yes: 192.168.0.0/16", range("192.168.0.0/16"), true],
        ["yes: 192.168.1.5", range("192.168.1.5"), true],
        ["no: 172.32.0.0/16 (just outside 172.16/12)", range("172.32.0.0/16"), false],
        ["no: 192.169.0.0/16", range("192.169.0.0/16"), false],
        ["no: 10.0.0.0/7 (half of it is 11/8)", range("10.0.0.0/7"), false],
        ["no: 10.0.0.0-172.16.0.1 spans public space", startEnd("10.0.0.0", "172.16.0.1"), false],
        ["no: 203.0.113.0/24", range("203.0.113.0/24"), false],
        ["no: IPv6 unique-local fd00::/8 (RFC 1918 is IPv4 only)", range("fd00::/8"), false],
        ["no: IPv6 ::a00:1, whose low 32 bits read as 10.0.0.1 (RFC 1918 is IPv4 only)", range("::a00:1"), false],
    ] as Array<[string, IpRange, boolean]>)("%s", (_name, r, expected) => {
        expect(isWithinRfc1918(r)).toBe(expected);
    });
});

describe("isBroaderThanAwsPublicThreshold (IPv4 > /8 unless RFC 1918, IPv6 > /32)", () => {
    it.each([
        ["broader: 0.0.0.0/0", range("0.0.0.0/0"), true],
        ["broader: 0.0.0.0/1 (AWS's own example)", range("0.0.0.0/1"), true],
        ["broader: 8.0.0.0/7", range("8.0.0.0/7"), true],
        ["broader: 10.0.0.0/7 (not entirely RFC 1918)", range("10.0.0.0/7"), true],
        ["not broader: 10.0.0.0/8 is exactly /8", range("10.0.0.0/8"), false],
        ["not broader: 11.0.0.0/8 is exactly /8 (public space)", range("11.0.0.0/8"), false],
        ["not broader: 172.16.0.0/12", range("172.16.0.0/12"), false],
        ["not broader: 192.168.0.0/16", range("192.168.0.0/16"), false],
        ["not broader: 203.0.113.0/24", range("203.0.113.0/24"), false],
        ["not broader: single address", range("203.0.113.7"), false],
        ["broader: start-end of 2^24 + 1 addresses", startEnd("10.0.0.0", "11.0.0.0"), true],
        ["not broader: unaligned start-end of exactly 2^24 addresses", startEnd("1.128.0.0", "2.127.255.255"), false],
        ["broader: unaligned start-end of 2^24 + 1 addresses", startEnd("1.128.0.0", "2.128.0.0"), true],
        ["broader: 0.0.0.0-255.255.255.255", startEnd("0.0.0.0", "255.255.255.255"), true],
        ["broader: ::/0", range("::/0"), true],
        ["broader: 2001:db8::/31", range("2001:db8::/31"), true],
        ["not broader: 2001:db8::/32 is exactly /32", range("2001:db8::/32"), false],
        ["not broader: 2001:db8::/64", range("2001:db8::/64"), false],
        ["not broader: single IPv6 address", range("2001:db8::1"), false],
    ] as Array<[string, IpRange, boolean]>)("%s", (_name, r, expected) => {
        expect(isBroaderThanAwsPublicThreshold(r)).toBe(expected);
    });
});

describe("never throws when ipaddr.js throws on input its validators accepted", () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });

    const thrown: Array<[string, unknown, string]> = [
        ["an Error: its message", new Error("boom"), "boom"],
        ["a string: the string", "boom", "boom"],
        ["undefined: undefined", undefined, "undefined"],
    ];

    it.each(thrown)("parseCidrOrAddress: a clear rejection when it throws %s", (_name, error, shown) => {
        vi.spyOn(ipaddr.IPv4, "networkAddressFromCIDR").mockImplementation(() => {
            throw error;
        });
        expect(parseCidrOrAddress("10.0.0.0/8")).toEqual({ ok: false, reason: `"10.0.0.0/8" is not a valid IP address or CIDR (${shown})` });
    });

    it.each(thrown)("parseStartEnd: a clear rejection when it throws %s", (_name, error, shown) => {
        vi.spyOn(ipaddr.IPv4.prototype, "toByteArray").mockImplementation(() => {
            throw error;
        });
        expect(parseStartEnd("10.0.0.1", "10.0.0.2")).toEqual({ ok: false, reason: `"10.0.0.1-10.0.0.2" is not a valid address range (${shown})` });
    });
});
