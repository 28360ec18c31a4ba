// IP ranges: parsing (ipaddr.js only) and the size thresholds AWS uses to call a range public.
//
// AWS threshold, S3 User Guide, "Blocking public access to your Amazon S3 storage" > "The meaning of
// public" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html):
//   "Bucket policies that grant access conditioned on the aws:SourceIp condition key with very broad IP
//    ranges (for example, 0.0.0.0/1) are evaluated as "public." This includes values broader than /8 for
//    IPv4 and /32 for IPv6 (excluding RFC1918 private ranges)."

import ipaddr from "ipaddr.js";

export type IpFamily = "ipv4" | "ipv6";

/** An inclusive range of addresses of one family, as integers. `text` is the input it was parsed from. */
export type IpRange = { family: IpFamily; first: bigint; last: bigint; text: string };

export type RangeParse = { ok: true; range: IpRange } | { ok: false; reason: string };

const BITS: Record<IpFamily, number> = { ipv4: 32, ipv6: 128 };

/** Addresses in an IPv4 /8 and an IPv6 /32: AWS's "broader than" thresholds compare against these. */
const IPV4_SLASH8_SIZE = 1n << 24n;
const IPV6_SLASH32_SIZE = 1n << 96n;

function show(value: unknown): string {
    if (typeof value === "string") {
        return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value);
    }
    if (value === null) return "null";
    if (Array.isArray(value)) return "an array";
    return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

function toBigInt(bytes: number[]): bigint {
    let n = 0n;
    for (const b of bytes) n = (n << 8n) | BigInt(b);
    return n;
}

type ParsedAddress = { ok: true; family: IpFamily; address: ipaddr.IPv4 | ipaddr.IPv6 } | { ok: false; reason: string };

/**
 * One address, strictly. IPv4 must be four decimal parts: ipaddr.parse also accepts legacy forms such as
 * "10" (= 0.0.0.10), "0x0a.0.0.1" and octal "010.0.0.0" (= 8.0.0.0) that no cloud API means, so IPv4 goes
 * through isValidFourPartDecimal first. IPv6 zone ids ("fe80::1%eth0") are not addresses a cloud firewall
 * or IAM condition accepts.
 */
function parseAddress(text: string): ParsedAddress {
    if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
        return { ok: true, family: "ipv4", address: ipaddr.IPv4.parse(text) };
    }
    if (!text.includes("%") && ipaddr.IPv6.isValid(text)) {
        return { ok: true, family: "ipv6", address: ipaddr.IPv6.parse(text) };
    }
    if (/^[0-9.]+$/.test(text)) {
        return { ok: false, reason: `${show(text)} is not a valid IPv4 address` };
    }
    if (text.includes(":")) {
        return { ok: false, reason: `${show(text)} is not a valid IPv6 address` };
    }
    return { ok: false, reason: `${show(text)} is not a valid IPv4 or IPv6 address` };
}

/**
 * Parses "10.0.0.0/8", "2001:db8::/32", or a bare address ("203.0.113.7" is a /32, "2001:db8::1" a /128:
 * IAM "If you specify an IP address without the associated routing prefix, IAM uses the default prefix
 * value of /32", IAM User Guide, "IAM JSON policy elements: Condition operators", IP address operators).
 *
 * Host bits set ("10.1.2.3/8"): IAM's documentation only asks for "the standard CIDR format" and does
 * not say such a value is rejected, so it is read as the network that contains it (10.0.0.0/8): the
 * broader reading, which can only make a range look more public, never less.
 */
export function parseCidrOrAddress(text: unknown): RangeParse {
    try {
        if (typeof text !== "string") {
            return { ok: false, reason: `expected an IP address or CIDR string, got ${show(text)}` };
        }
        const slash = text.indexOf("/");
        const addressText = slash === -1 ? text : text.slice(0, slash);
        const parsed = parseAddress(addressText);
        if (!parsed.ok) {
            return { ok: false, reason: slash === -1 ? parsed.reason : `${show(text)} is not a valid CIDR: ${parsed.reason}` };
        }
        const maxBits = BITS[parsed.family];
        let prefix = maxBits;
        if (slash !== -1) {
            const prefixText = text.slice(slash + 1);
            const n = /^[0-9]{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
            if (!Number.isInteger(n) || n > maxBits) {
                return {
                    ok: false,
                    reason: `${show(text)} is not a valid CIDR: the prefix length must be a number from 0 to ${maxBits} for ${parsed.family === "ipv4" ? "IPv4" : "IPv6"}`,
                };
            }
            prefix = n;
        }
        const cidr = `${parsed.address.toString()}/${prefix}`;
        const Family = parsed.family === "ipv4" ? ipaddr.IPv4 : ipaddr.IPv6;
        const first = toBigInt(Family.networkAddressFromCIDR(cidr).toByteArray());
        const last = toBigInt(Family.broadcastAddressFromCIDR(cidr).toByteArray());
        return { ok: true, range: { family: parsed.family, first, last, text } };
    } catch (e) {
        // ipaddr.js throws on inputs its validators let through in some edge case: still a clear answer.
        return { ok: false, reason: `${show(text)} is not a valid IP address or CIDR (${(e as Error)?.message ?? e})` };
    }
}

/**
 * An inclusive start-end pair of single addresses, as Azure firewall rules express them
 * (startIpAddress / endIpAddress). Start after end, or an IPv4 start with an IPv6 end, is malformed.
 */
export function parseStartEnd(start: unknown, end: unknown): RangeParse {
    try {
        if (typeof start !== "string") {
            return { ok: false, reason: `the start address must be a string, got ${show(start)}` };
        }
        if (typeof end !== "string") {
            return { ok: false, reason: `the end address must be a string, got ${show(end)}` };
        }
        const s = parseAddress(start);
        if (!s.ok) return { ok: false, reason: `start address: ${s.reason}` };
        const e = parseAddress(end);
        if (!e.ok) return { ok: false, reason: `end address: ${e.reason}` };
        const text = `${start}-${end}`;
        if (s.family !== e.family) {
            return { ok: false, reason: `${show(text)} mixes an ${s.family === "ipv4" ? "IPv4" : "IPv6"} start with an ${e.family === "ipv4" ? "IPv4" : "IPv6"} end` };
        }
        const first = toBigInt(s.address.toByteArray());
        const last = toBigInt(e.address.toByteArray());
        if (first > last) {
            return { ok: false, reason: `${show(text)} is not a valid range: the start address ${show(start)} comes after the end address ${show(end)}` };
        }
        return { ok: true, range: { family: s.family, first, last, text } };
    } catch (err) {
        return { ok: false, reason: `${show(`${String(start)}-${String(end)}`)} is not a valid address range (${(err as Error)?.message ?? err})` };
    }
}

/** How many addresses the range holds. */
export function addressCount(r: IpRange): bigint {
    return r.last - r.first + 1n;
}

/** 0.0.0.0/0 or ::/0: every address of its family. */
export function isWholeInternet(r: IpRange): boolean {
    return r.first === 0n && r.last === (1n << BigInt(BITS[r.family])) - 1n;
}

/** The RFC 1918 private IPv4 blocks. */
export const RFC1918: ReadonlyArray<IpRange> = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map((c) => {
    const p = parseCidrOrAddress(c);
    // Stryker disable next-line ConditionalExpression,StringLiteral: the three CIDRs above are constants that always parse, so the check never fires
    if (!p.ok) throw new Error(`internal: ${p.reason}`);
    return p.range;
});

/** Entirely inside one of 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (RFC 1918 private space). IPv6: never. */
export function isWithinRfc1918(r: IpRange): boolean {
    return r.family === "ipv4" && RFC1918.some((p) => r.first >= p.first && r.last <= p.last);
}

/**
 * AWS's "meaning of public" for aws:SourceIp: IPv4 ranges holding more addresses than a /8 (a start-end
 * range counts by its size) unless entirely within RFC 1918; IPv6 ranges holding more than a /32.
 * Exactly /8 or /32 is not broader. (Every range inside RFC 1918 is at most a /8, so the exception never
 * changes an IPv4 answer; it is kept to mirror the documented rule.)
 */
export function isBroaderThanAwsPublicThreshold(r: IpRange): boolean {
    if (r.family === "ipv4") {
        return addressCount(r) > IPV4_SLASH8_SIZE && !isWithinRfc1918(r);
    }
    return addressCount(r) > IPV6_SLASH32_SIZE;
}
