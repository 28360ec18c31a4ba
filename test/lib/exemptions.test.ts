import { describe, expect, it } from "vitest";
import { findExemption, matchesResource, parseExemptions, type Exemption } from "../../policies/lib/exemptions";

const POLICIES = ["aws-s3-bucket-acl-not-public", "aws-rds-instance-not-publicly-accessible"];
const valid = {
    policies: ["aws-s3-bucket-acl-not-public"],
    resources: ["public-assets"],
    reason: "Marketing images served to the public web site",
    approvedBy: "platform-security@example.com",
    expires: "2027-03-31",
};
const URN = "urn:pulumi:prod::site::aws:s3/bucket:Bucket::public-assets";

describe("parseExemptions", () => {
    it("accepts a complete list and an absent one", () => {
        expect(parseExemptions([valid], POLICIES)).toEqual({ ok: true, exemptions: [valid] });
        expect(parseExemptions(undefined, POLICIES)).toEqual({ ok: true, exemptions: [] });
    });

    it.each([
        [{ ...valid, reason: "because" }, "exemptions[0].reason must say why, in at least 20 characters"],
        [{ ...valid, reason: undefined }, "exemptions[0].reason must say why"],
        [{ ...valid, approvedBy: " " }, "exemptions[0].approvedBy must name who approved it"],
        [{ ...valid, expires: "2027-02-30" }, "exemptions[0].expires must be a real date, YYYY-MM-DD"],
        [{ ...valid, expires: "next year" }, "exemptions[0].expires must be a real date"],
        [{ ...valid, policies: ["aws-s3-bucket-acl-public"] }, 'exemptions[0].policies names "aws-s3-bucket-acl-public", which is not a policy of this pack'],
        [{ ...valid, policies: [] }, "exemptions[0].policies must be a non-empty list"],
        [{ ...valid, resources: "public-assets" }, "exemptions[0].resources must be a non-empty list"],
        ["public-assets", "exemptions[0] must be an object"],
    ])("rejects the whole list when an entry is malformed: %j", (entry, error) => {
        const parsed = parseExemptions([valid, entry].reverse(), POLICIES);
        expect(parsed.ok).toBe(false);
        expect(parsed.ok ? [] : parsed.errors.join("\n")).toContain(error);
    });

    it("rejects a list that is not a list", () => {
        expect(parseExemptions({ ...valid }, POLICIES)).toEqual({ ok: false, errors: ["`exemptions` must be a list"] });
    });
});

describe("matchesResource", () => {
    it.each([
        ["public-assets", true],
        [URN, true],
        ["public-*", true],
        ["urn:pulumi:prod::site::aws:s3/bucket:Bucket::*", true],
        ["urn:pulumi:dev::*", false],
        ["public-asset?", true],
        ["assets", false],
        ["public.assets", false],
    ])("%s matches: %s", (pattern, expected) => {
        expect(matchesResource(pattern, URN)).toBe(expected);
    });
});

describe("findExemption", () => {
    const now = new Date("2027-03-31T23:00:00Z");
    const e = (over: Partial<Exemption>): Exemption => ({ ...valid, ...over });

    it("applies through the last day of its expiry date, then reports it expired", () => {
        expect(findExemption([e({})], "aws-s3-bucket-acl-not-public", URN, now)?.status).toBe("active");
        expect(findExemption([e({})], "aws-s3-bucket-acl-not-public", URN, new Date("2027-04-01T00:00:00Z"))?.status).toBe("expired");
    });

    it("matches only its policies, or every policy with *", () => {
        expect(findExemption([e({})], "aws-rds-instance-not-publicly-accessible", URN, now)).toBeUndefined();
        expect(findExemption([e({ policies: ["*"] })], "aws-rds-instance-not-publicly-accessible", URN, now)?.status).toBe("active");
    });

    it("prefers an exemption still in force over an expired one", () => {
        const found = findExemption([e({ expires: "2020-01-01" }), e({ expires: "2028-01-01" })], "aws-s3-bucket-acl-not-public", URN, now);
        expect(found).toMatchObject({ status: "active", exemption: { expires: "2028-01-01" } });
    });
});
