import { describe, expect, it } from "vitest";
import { reconcilePolicyPackConfig } from "../../cli/policy-config";
import { describeExemption, EXEMPTIONS_POLICY, exemptionsSchema, findExemption, matchesResource, parseExemptions, type Exemption } from "../../policies/lib/exemptions";

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
        expect(parseExemptions(null, POLICIES)).toEqual({ ok: true, exemptions: [] });
    });

    it.each([
        ["every policy, with *", { ...valid, policies: ["*"] }],
        ["both policies of the pack", { ...valid, policies: POLICIES }],
        ["a reason of exactly 20 characters", { ...valid, reason: "Public demo, Q1 only" }],
        ["several resource globs", { ...valid, resources: ["public-assets", "urn:pulumi:prod::site::*"] }],
    ])("accepts an entry with %s", (_case, entry) => {
        expect("Public demo, Q1 only").toHaveLength(20);
        expect(parseExemptions([entry], POLICIES)).toEqual({ ok: true, exemptions: [entry] });
    });

    it.each([
        [{ ...valid, reason: "because" }, "exemptions[0].reason must say why, in at least 20 characters"],
        [{ ...valid, reason: undefined }, "exemptions[0].reason must say why"],
        [{ ...valid, reason: "      too short      " }, "exemptions[0].reason must say why, in at least 20 characters"],
        [{ ...valid, reason: "Public demo, Q1 onl" }, "exemptions[0].reason must say why, in at least 20 characters"],
        [{ ...valid, approvedBy: " " }, "exemptions[0].approvedBy must name who approved it"],
        [{ ...valid, approvedBy: undefined }, "exemptions[0].approvedBy must name who approved it"],
        [{ ...valid, expires: "2027-02-30" }, "exemptions[0].expires must be a real date, YYYY-MM-DD"],
        [{ ...valid, expires: "next year" }, "exemptions[0].expires must be a real date"],
        [{ ...valid, expires: "2027-03" }, "exemptions[0].expires must be a real date, YYYY-MM-DD"],
        [{ ...valid, expires: "2027" }, "exemptions[0].expires must be a real date, YYYY-MM-DD"],
        [{ ...valid, expires: ["2027-03-31"] }, "exemptions[0].expires must be a real date, YYYY-MM-DD"],
        [{ ...valid, expires: undefined }, "exemptions[0].expires must be a real date, YYYY-MM-DD"],
        [{ ...valid, policies: ["aws-s3-bucket-acl-public"] }, 'exemptions[0].policies names "aws-s3-bucket-acl-public", which is not a policy of this pack'],
        [{ ...valid, policies: [] }, "exemptions[0].policies must be a non-empty list"],
        [{ ...valid, policies: ["*", 7] }, 'exemptions[0].policies must be a non-empty list of policy names or "*"'],
        [{ ...valid, resources: "public-assets" }, "exemptions[0].resources must be a non-empty list"],
        [{ ...valid, resources: [] }, "exemptions[0].resources must be a non-empty list of URN or name globs"],
        [{ ...valid, resources: ["public-assets", ""] }, "exemptions[0].resources must be a non-empty list of URN or name globs"],
        [{ ...valid, resources: [""] }, "exemptions[0].resources must be a non-empty list of URN or name globs"],
        [{ ...valid, resources: [["public-assets"]] }, "exemptions[0].resources must be a non-empty list of URN or name globs"],
        [{ ...valid, resources: [42] }, "exemptions[0].resources must be a non-empty list of URN or name globs"],
        ["public-assets", "exemptions[0] must be an object"],
        [null, "exemptions[0] must be an object"],
        [[valid], "exemptions[0] must be an object"],
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

    const DOTTED = "urn:pulumi:prod::site::aws:s3/bucket:Bucket::www.example.com";
    it.each([
        ["www.example.com", true],
        ["*.example.com", true],
        ["www.example.co?", true],
        ["wwwxexample.com", false],
        ["www.example.com(1)", false],
    ])("a name with regular-expression characters is taken literally: %s matches: %s", (pattern, expected) => {
        expect(matchesResource(pattern, DOTTED)).toBe(expected);
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

    it("applies until the very last millisecond of its expiry date (UTC)", () => {
        expect(findExemption([e({})], "aws-s3-bucket-acl-not-public", URN, new Date("2027-03-31T23:59:59.999Z"))).toEqual({ status: "active", exemption: e({}) });
        expect(findExemption([e({})], "aws-s3-bucket-acl-not-public", URN, new Date("2027-04-01T00:00:00.000Z"))).toEqual({ status: "expired", exemption: e({}) });
    });

    it("matches only its resources; any one of them is enough", () => {
        const other = "urn:pulumi:prod::site::aws:s3/bucket:Bucket::customer-exports";
        expect(findExemption([e({})], "aws-s3-bucket-acl-not-public", other, now)).toBeUndefined();
        expect(findExemption([e({ expires: "2020-01-01" })], "aws-s3-bucket-acl-not-public", other, now)).toBeUndefined();
        const two = e({ resources: ["customer-exports", "public-assets"] });
        expect(findExemption([two], "aws-s3-bucket-acl-not-public", URN, now)).toEqual({ status: "active", exemption: two });
        expect(findExemption([two], "aws-s3-bucket-acl-not-public", other, now)).toEqual({ status: "active", exemption: two });
    });

    it("prefers an exemption still in force over an expired one", () => {
        const found = findExemption([e({ expires: "2020-01-01" }), e({ expires: "2028-01-01" })], "aws-s3-bucket-acl-not-public", URN, now);
        expect(found).toMatchObject({ status: "active", exemption: { expires: "2028-01-01" } });
    });
});

describe("describeExemption", () => {
    it("gives the reason, the approver and the expiry date", () => {
        expect(describeExemption(valid)).toBe('"Marketing images served to the public web site" (approved by platform-security@example.com, until 2027-03-31)');
    });
});

// The engine validates the exemptions policy's config against this schema before anything runs; the
// runner reproduces that validation (cli/policy-config.ts), so a malformed list stops the preview.
describe("exemptionsSchema, as the engine validates the config", () => {
    // Built inside each test, so that every test sees the schema as the code under test builds it.
    const policy = () => ({ name: EXEMPTIONS_POLICY, enforcementLevel: "mandatory" as const, configSchema: { properties: { exemptions: exemptionsSchema(POLICIES) } } });
    const configure = (exemptions: unknown) =>
        reconcilePolicyPackConfig([policy()], {}, { [EXEMPTIONS_POLICY]: { properties: { exemptions } } })[EXEMPTIONS_POLICY].properties;
    const without = (key: keyof typeof valid) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));

    it("describes the list and defaults to no exemptions", () => {
        expect(exemptionsSchema(POLICIES)).toMatchObject({
            type: "array",
            description: "Resources allowed to break named policies: who approved it, why, and until when.",
        });
        expect(reconcilePolicyPackConfig([policy()], {}, {})[EXEMPTIONS_POLICY].properties).toEqual({ exemptions: [] });
    });

    it.each([
        ["a complete entry", [valid]],
        ["every policy, with *", [{ ...valid, policies: ["*"] }]],
        ["both policies of the pack", [{ ...valid, policies: POLICIES }]],
        ["an empty list", []],
    ])("accepts %s", (_case, exemptions) => {
        expect(configure(exemptions)).toEqual({ exemptions });
    });

    it.each([
        ["a list that is not a list", valid, "exemptions: must be array"],
        ["an entry that is not an object", ["public-assets"], "exemptions/0: must be object"],
        ["no policies", [without("policies")], "exemptions/0: must have required property 'policies'"],
        ["no resources", [without("resources")], "exemptions/0: must have required property 'resources'"],
        ["no reason", [without("reason")], "exemptions/0: must have required property 'reason'"],
        ["no approver", [without("approvedBy")], "exemptions/0: must have required property 'approvedBy'"],
        ["no expiry", [without("expires")], "exemptions/0: must have required property 'expires'"],
        ["a field the schema does not know (a misspelt expiry)", [{ ...valid, expiry: "2027-03-31" }], "exemptions/0: must NOT have additional properties"],
        ["policies that are not a list", [{ ...valid, policies: "aws-s3-bucket-acl-not-public" }], "exemptions/0/policies: must be array"],
        ["an empty policy list", [{ ...valid, policies: [] }], "exemptions/0/policies: must NOT have fewer than 1 items"],
        ["a policy the pack does not have", [{ ...valid, policies: ["aws-s3-bucket-acl-public"] }], "exemptions/0/policies/0: must be equal to one of the allowed values"],
        ["a policy name that is not a string", [{ ...valid, policies: [7] }], "exemptions/0/policies/0: must be string"],
        ["resources that are not a list", [{ ...valid, resources: "public-assets" }], "exemptions/0/resources: must be array"],
        ["an empty resource list", [{ ...valid, resources: [] }], "exemptions/0/resources: must NOT have fewer than 1 items"],
        ["an empty resource glob", [{ ...valid, resources: [""] }], "exemptions/0/resources/0: must NOT have fewer than 1 characters"],
        ["a resource glob that is not a string", [{ ...valid, resources: [42] }], "exemptions/0/resources/0: must be string"],
        ["a short reason", [{ ...valid, reason: "because" }], "exemptions/0/reason: must NOT have fewer than 20 characters"],
        ["a reason that is not a string", [{ ...valid, reason: 12345678901234567890 }], "exemptions/0/reason: must be string"],
        ["an empty approver", [{ ...valid, approvedBy: "" }], "exemptions/0/approvedBy: must NOT have fewer than 1 characters"],
        ["an approver that is not a string", [{ ...valid, approvedBy: true }], "exemptions/0/approvedBy: must be string"],
        ["an expiry that is not a date", [{ ...valid, expires: "next year" }], "exemptions/0/expires: must match pattern"],
        ["an expiry without its day", [{ ...valid, expires: "2027-03" }], "exemptions/0/expires: must match pattern"],
        ["an expiry that is not a string", [{ ...valid, expires: 20270331 }], "exemptions/0/expires: must be string"],
    ])("rejects %s", (_case, exemptions, error) => {
        expect(() => configure(exemptions)).toThrow(`the policy pack config is invalid:\n  ${EXEMPTIONS_POLICY}: ${error}`);
    });
});
