import { describe, expect, it } from "vitest";
import { analyzePolicyDocument, type AnalyzeOptions, type DocumentVerdict } from "../../policies/lib/iam-policy";
import { allow, BUCKET, deny, policy, type Stmt } from "./policy-documents";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"; // Pulumi's unknown string sentinel
const UNKNOWN_OBJECT = "dd056dcd-154b-4c76-9bd3-c8f88648b5ff";

/** Expected verdicts: "not-public", ["public", [index, whySubstring], ...], ["unknown", detail], ["malformed", reason]. */
type Expected =
    | "not-public"
    | ["public", ...Array<[number, string]>]
    | ["unknown", string]
    | ["malformed", string];

function check(verdict: DocumentVerdict, expected: Expected): void {
    if (expected === "not-public") {
        expect(verdict).toEqual({ kind: "not-public" });
        return;
    }
    const [kind, ...rest] = expected;
    expect(verdict.kind, JSON.stringify(verdict)).toBe(kind);
    if (verdict.kind === "public" && kind === "public") {
        const wanted = rest as Array<[number, string]>;
        expect(verdict.statements.map((s) => s.index)).toEqual(wanted.map(([i]) => i));
        wanted.forEach(([, why], n) => expect(verdict.statements[n].why).toContain(why));
    } else if (verdict.kind === "unknown") {
        expect(verdict.detail).toContain(rest[0] as string);
    } else if (verdict.kind === "malformed") {
        expect(verdict.reason).toContain(rest[0] as string);
    }
}

type Case = [name: string, doc: unknown, expected: Expected, options?: AnalyzeOptions];

function table(cases: Case[]): void {
    it.each(cases)("%s", (_name, doc, expected, options) => {
        check(analyzePolicyDocument(doc, options), expected);
        // The same document as a JSON string gets the same verdict.
        if (typeof doc === "object" && doc !== null) {
            check(analyzePolicyDocument(JSON.stringify(doc), options), expected);
        }
    });
}

// ---------------------------------------------------------------------------------------------------

describe("AWS's 'meaning of public' page: its own examples", () => {
    // S3 User Guide, "Blocking public access to your Amazon S3 storage" > "The meaning of "public"".
    const put = { Resource: "*", Action: "s3:PutObject" };
    table([
        ["public: Principal * with no Condition", policy({ Principal: "*", ...put, Effect: "Allow" }), ["public", [0, "no Condition"]]],
        [
            "public: Federated graph.facebook.com (earlier version of the page)",
            policy({ Principal: { Federated: "graph.facebook.com" }, ...put, Effect: "Allow" }),
            ["public", [0, "no Condition"]],
        ],
        [
            "public: Principal * with StringLike aws:SourceVpc vpc-*",
            policy({ Principal: "*", ...put, Effect: "Allow", Condition: { StringLike: { "aws:SourceVpc": "vpc-*" } } }),
            ["public", [0, 'aws:SourceVpc uses StringLike with wildcard "vpc-*"']],
        ],
        [
            "not public: Principal * with StringEquals aws:SourceVpc vpc-91237329",
            policy({ Principal: "*", ...put, Effect: "Allow", Condition: { StringEquals: { "aws:SourceVpc": "vpc-91237329" } } }),
            "not-public",
        ],
        [
            "public: aws:SourceIp 0.0.0.0/1, the page's 'very broad IP range' example",
            policy(allow("*", { IpAddress: { "aws:SourceIp": "0.0.0.0/1" } })),
            ["public", [0, "aws:SourceIp 0.0.0.0/1 is broader than /8"]],
        ],
        ["not public: a fixed role principal", policy(allow({ AWS: "arn:aws:iam::111122223333:role/JohnDoe" })), "not-public"],
        ["not public: Principal * limited to 192.168.1.1/32", policy(allow("*", { IpAddress: { "aws:SourceIp": "192.168.1.1/32" } })), "not-public"],
        [
            "public (statement 3 only): worked example, CloudTrail + Account-2 + Principal * with no limiting Condition",
            policy(
                allow({ Service: "cloudtrail.amazonaws.com" }),
                allow({ AWS: "arn:aws:iam::222222222222:root" }),
                allow("*"),
            ),
            ["public", [2, "no Condition"]],
        ],
        [
            "not public: worked example with statement 3 removed",
            policy(allow({ Service: "cloudtrail.amazonaws.com" }), allow({ AWS: "arn:aws:iam::222222222222:root" })),
            "not-public",
        ],
        [
            "not public: bucket policy, s3:DataAccessPointArn wildcards only the access point name, account fixed",
            policy(allow({ AWS: "*" }, { StringLike: { "s3:DataAccessPointArn": "arn:aws:s3:us-west-2:123456789012:accesspoint/*" } })),
            "not-public",
        ],
        [
            "public: access point policy, the same s3:DataAccessPointArn wildcard",
            policy(allow({ AWS: "*" }, { StringLike: { "s3:DataAccessPointArn": "arn:aws:s3:us-west-2:123456789012:accesspoint/*" } })),
            ["public", [0, "makes an access point policy public"]],
            { accessPointContext: true },
        ],
        [
            "not public: bucket policy, access point name wildcard in the China partition (aws-cn)",
            policy(allow({ AWS: "*" }, { StringLike: { "s3:DataAccessPointArn": "arn:aws-cn:s3:cn-north-1:123456789012:accesspoint/*" } })),
            "not-public",
        ],
        [
            "public: bucket policy, an access point ARN wildcard with text before arn:",
            policy(allow({ AWS: "*" }, { StringLike: { "s3:DataAccessPointArn": "*arn:aws:s3:us-west-2:123456789012:accesspoint/*" } })),
            ["public", [0, "outside the access point name"]],
        ],
        [
            "public: bucket policy, an access point ARN wildcard with a second line",
            policy(allow({ AWS: "*" }, { StringLike: { "s3:DataAccessPointArn": "arn:aws:s3:us-west-2:123456789012:accesspoint/*\n*" } })),
            ["public", [0, "outside the access point name"]],
        ],
        [
            "not public: bucket policy, a partial access point name wildcard (telemetry-*), account fixed",
            policy(allow({ AWS: "*" }, { StringLike: { "s3:DataAccessPointArn": "arn:aws:s3:us-west-2:123456789012:accesspoint/telemetry-*" } })),
            "not-public",
        ],
        [
            "not public: access point policy, fixed s3:DataAccessPointArn",
            policy(allow({ AWS: "*" }, { StringEquals: { "s3:DataAccessPointArn": "arn:aws:s3:us-west-2:123456789012:accesspoint/reports" } })),
            "not-public",
            { accessPointContext: true },
        ],
    ]);
});

describe("false-positive traps: scoped grants are not public", () => {
    table([
        [
            "not public: CloudFront OAC bucket policy (service principal + StringEquals AWS:SourceArn, upper-case key)",
            {
                Version: "2008-10-17",
                Id: "PolicyForCloudFrontPrivateContent",
                Statement: [
                    {
                        Sid: "AllowCloudFrontServicePrincipal",
                        Effect: "Allow",
                        Principal: { Service: "cloudfront.amazonaws.com" },
                        Action: "s3:GetObject",
                        Resource: "arn:aws:s3:::amzn-s3-demo-bucket/*",
                        Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE" } },
                    },
                ],
            },
            "not-public",
        ],
        [
            "not public: Principal * with StringEquals AWS:SourceArn (key case ignored)",
            policy(allow("*", { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE" } })),
            "not-public",
        ],
        ["not public: Principal * with StringEquals aws:PrincipalOrgID o-xxxx", policy(allow("*", { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } })), "not-public"],
        ["not public: Principal * with aws:SourceVpce vpce-1a2b3c4d", policy(allow("*", { StringEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } })), "not-public"],
        [
            "not public: TLS-only Deny with Principal * and Bool aws:SecureTransport false",
            policy({ Sid: "AllowSSLRequestsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } }),
            "not-public",
        ],
        [
            "not public: TLS-only Deny next to a fixed-account Allow",
            policy(deny("*", { Bool: { "aws:SecureTransport": "false" } }), allow({ AWS: "111122223333" })),
            "not-public",
        ],
        ["not public: SNS-style Principal * with ArnEquals aws:SourceArn", policy(allow("*", { ArnEquals: { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:topic" } })), "not-public"],
        ["not public: Principal * with StringEquals aws:SourceAccount", policy(allow("*", { StringEquals: { "aws:SourceAccount": "111122223333" } })), "not-public"],
        ["not public: aws:SourceAccount as a JSON number", policy(allow("*", { StringEquals: { "aws:SourceAccount": 111122223333 } })), "not-public"],
        [
            "not public: TLS-only Deny with a JSON boolean false (numbers and booleans are accepted as condition values)",
            policy(deny("*", { Bool: { "aws:SecureTransport": false } }), allow({ AWS: "111122223333" })),
            "not-public",
        ],
        ["not public: Principal * with StringEquals aws:SourceOwner", policy(allow("*", { StringEquals: { "aws:SourceOwner": "111122223333" } })), "not-public"],
        ["not public: Principal * with StringEquals aws:PrincipalAccount (decision: principal-identifying key)", policy(allow("*", { StringEquals: { "aws:PrincipalAccount": "111122223333" } })), "not-public"],
        ["not public: Principal * with ArnEquals aws:PrincipalArn (decision: principal-identifying key)", policy(allow("*", { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/app" } })), "not-public"],
        ["not public: fixed aws:userid", policy(allow("*", { StringEquals: { "aws:userid": "AIDAEXAMPLEUSERID" } })), "not-public"],
        [
            "not public: fixed s3:x-amz-server-side-encryption-aws-kms-key-id",
            policy(allow("*", { StringEquals: { "s3:x-amz-server-side-encryption-aws-kms-key-id": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" } })),
            "not-public",
        ],
        ["not public: fixed s3:DataAccessPointAccount", policy(allow({ AWS: "*" }, { StringEquals: { "s3:DataAccessPointAccount": "111122223333" } })), "not-public"],
        ["not public: StringEqualsIgnoreCase with a fixed value", policy(allow("*", { StringEqualsIgnoreCase: { "aws:SourceVpce": "VPCE-1A2B3C4D" } })), "not-public"],
        ["not public: StringLike with a value that holds no wildcard", policy(allow("*", { StringLike: { "aws:SourceVpc": "vpc-91237329" } })), "not-public"],
        ["not public: ArnLike with a value that holds no wildcard", policy(allow("*", { ArnLike: { "aws:SourceArn": "arn:aws:s3:::source-bucket" } })), "not-public"],
        ["not public: every value of the array fixed", policy(allow("*", { StringEquals: { "aws:SourceVpce": ["vpce-1", "vpce-2"] } })), "not-public"],
        [
            "not public: ForAnyValue:StringEquals on a fixed key (false when the key is absent)",
            policy(allow("*", { "ForAnyValue:StringEquals": { "aws:SourceVpce": "vpce-1a2b3c4d" } })),
            "not-public",
        ],
        [
            "not public: non-scoping Bool AND a fixed aws:SourceVpce (conditions are ANDed)",
            policy(allow("*", { Bool: { "aws:SecureTransport": "true" }, StringEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } })),
            "not-public",
        ],
        [
            "not public: non-scoping key AND a scoping key in the same operator block",
            policy(allow("*", { StringEquals: { "aws:UserAgent": "curl", "aws:SourceVpce": "vpce-1a2b3c4d" } })),
            "not-public",
        ],
        ["not public: key name in any case (AWS:SOURCEVPCE)", policy(allow("*", { StringEquals: { "AWS:SOURCEVPCE": "vpce-1a2b3c4d" } })), "not-public"],
        ["not public: operator name in another case (stringequals), decision: matched case-insensitively", policy(allow("*", { stringequals: { "aws:SourceVpce": "vpce-1a2b3c4d" } })), "not-public"],
        ["not public: NotPrincipal + Allow, scoped by a fixed aws:SourceVpce", policy({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "s3:*", Resource: BUCKET, Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } }), "not-public"],
        ["not public: Deny with Principal * and no Condition", policy(deny("*")), "not-public"],
        ["not public: Deny with NotPrincipal", policy({ Effect: "Deny", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "s3:*", Resource: BUCKET }), "not-public"],
    ]);
});

describe("conditions that do not scope", () => {
    table([
        ["public: Allow * with Bool aws:SecureTransport true", policy(allow("*", { Bool: { "aws:SecureTransport": "true" } })), ["public", [0, "aws:SecureTransport does not limit who can call"]]],
        ["public: Bool aws:SecureTransport as a JSON boolean true", policy(allow("*", { Bool: { "aws:SecureTransport": true } })), ["public", [0, "aws:SecureTransport does not limit who can call"]]],
        ["public: aws:Referer (StringLike)", policy(allow("*", { StringLike: { "aws:Referer": ["https://www.example.com/*"] } })), ["public", [0, "aws:Referer does not limit who can call"]]],
        ["public: aws:Referer fixed (StringEquals) still does not scope", policy(allow("*", { StringEquals: { "aws:Referer": "https://www.example.com/" } })), ["public", [0, "aws:Referer does not limit who can call"]]],
        ["public: aws:UserAgent", policy(allow("*", { StringEquals: { "aws:UserAgent": "my-agent" } })), ["public", [0, "aws:UserAgent does not limit who can call"]]],
        ["public: aws:CurrentTime", policy(allow("*", { DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } })), ["public", [0, "aws:CurrentTime does not limit who can call"]]],
        ["public: StringLike aws:SourceVpc vpc-*", policy(allow("*", { StringLike: { "aws:SourceVpc": "vpc-*" } })), ["public", [0, 'aws:SourceVpc uses StringLike with wildcard "vpc-*"']]],
        ["public: single-character wildcard ?", policy(allow("*", { StringLike: { "aws:SourceVpce": "vpce-1a2b3c4?" } })), ["public", [0, "wildcard"]]],
        ["public: StringEquals with a * in the value (any * counts as a wildcard)", policy(allow("*", { StringEquals: { "aws:SourceAccount": "*" } })), ["public", [0, "wildcard"]]],
        ["public: ArnEquals with a wildcard (ArnEquals matches wildcards like ArnLike)", policy(allow("*", { ArnEquals: { "aws:SourceArn": "arn:aws:sns:*:111122223333:topic" } })), ["public", [0, "uses ArnEquals with wildcard"]]],
        ["public: one wildcard value among fixed ones", policy(allow("*", { StringEquals: { "aws:SourceVpce": ["vpce-1", "vpce-*"] } })), ["public", [0, 'wildcard "vpce-*"']]],
        [
            "public: policy variable ${aws:username}",
            policy(allow("*", { StringEquals: { "aws:SourceArn": "arn:aws:iam::111122223333:user/${aws:username}" } })),
            ["public", [0, "policy variable"]],
        ],
        ["public: StringNotEquals", policy(allow("*", { StringNotEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } })), ["public", [0, "StringNotEquals is a negated operator and does not scope"]]],
        ["public: StringNotLike", policy(allow("*", { StringNotLike: { "aws:SourceVpc": "vpc-1" } })), ["public", [0, "StringNotLike is a negated operator"]]],
        ["public: ArnNotLike", policy(allow("*", { ArnNotLike: { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:t" } })), ["public", [0, "ArnNotLike is a negated operator"]]],
        ["public: ArnNotEquals", policy(allow("*", { ArnNotEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/x" } })), ["public", [0, "ArnNotEquals is a negated operator"]]],
        ["public: NotIpAddress", policy(allow("*", { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } })), ["public", [0, "NotIpAddress is a negated operator"]]],
        ["public: StringEqualsIfExists (a request without the key passes)", policy(allow("*", { StringEqualsIfExists: { "aws:SourceVpce": "vpce-1a2b3c4d" } })), ["public", [0, "StringEqualsIfExists passes when aws:SourceVpce is absent"]]],
        ["public: ArnEqualsIfExists", policy(allow("*", { ArnEqualsIfExists: { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:t" } })), ["public", [0, "ArnEqualsIfExists passes when"]]],
        ["public: IpAddressIfExists with a narrow range", policy(allow("*", { IpAddressIfExists: { "aws:SourceIp": "203.0.113.0/24" } })), ["public", [0, "IpAddressIfExists passes when aws:SourceIp is absent"]]],
        ["public: ForAllValues:StringEquals (true when the key is absent)", policy(allow("*", { "ForAllValues:StringEquals": { "aws:SourceVpce": "vpce-1a2b3c4d" } })), ["public", [0, "ForAllValues"]]],
        ["public: ForAnyValue:StringLike with a wildcard", policy(allow("*", { "ForAnyValue:StringLike": { "aws:PrincipalOrgID": "o-*" } })), ["public", [0, "wildcard"]]],
        ["public: ForAnyValue:StringEqualsIfExists", policy(allow("*", { "ForAnyValue:StringEqualsIfExists": { "aws:SourceVpce": "vpce-1" } })), ["public", [0, "passes when"]]],
        ["public: Null aws:SourceVpce false (presence is not a fixed value)", policy(allow("*", { Null: { "aws:SourceVpce": "false" } })), ["public", [0, "Null cannot pin aws:SourceVpce"]]],
        ["public: Bool on a scoping key", policy(allow("*", { Bool: { "aws:SourceVpce": "true" } })), ["public", [0, "Bool cannot pin"]]],
        ["public: aws:SourceIp under StringEquals (only IpAddress pins it)", policy(allow("*", { StringEquals: { "aws:SourceIp": "203.0.113.7" } })), ["public", [0, "StringEquals cannot pin aws:SourceIp"]]],
        ["public: IpAddress on another key", policy(allow("*", { IpAddress: { "aws:VpcSourceIp": "10.0.0.1" } })), ["public", [0, "aws:VpcSourceIp does not limit who can call"]]],
        ["public: aws:userid AROLEID:* (any session of a role)", policy(allow("*", { StringLike: { "aws:userid": "AROAEXAMPLEROLEID:*" } })), ["public", [0, 'aws:userid "AROAEXAMPLEROLEID:*" matches the "AROLEID:*" pattern (any session of a role)']]],
        ["public: aws:userid with another wildcard is an ordinary wildcard (AIDA*)", policy(allow("*", { StringLike: { "aws:userid": "AIDAEXAMPLE*" } })), ["public", [0, 'aws:userid uses StringLike with wildcard "AIDAEXAMPLE*"']]],
        ["public: aws:userid with a leading wildcard before ROLEID:* is an ordinary wildcard", policy(allow("*", { StringLike: { "aws:userid": "*AROAEXAMPLE:*" } })), ["public", [0, 'aws:userid uses StringLike with wildcard "*AROAEXAMPLE:*"']]],
        ["public: aws:userid ROLEID:*suffix is an ordinary wildcard", policy(allow("*", { StringLike: { "aws:userid": "AROAEXAMPLE:*admin" } })), ["public", [0, 'aws:userid uses StringLike with wildcard "AROAEXAMPLE:*admin"']]],
        ["public: an ID:* shaped value on another key is an ordinary wildcard", policy(allow("*", { StringLike: { "aws:SourceAccount": "AROAEXAMPLE:*" } })), ["public", [0, 'aws:SourceAccount uses StringLike with wildcard "AROAEXAMPLE:*"']]],
        [
            "public: bucket policy, s3:DataAccessPointArn wildcard in the account",
            policy(allow({ AWS: "*" }, { StringLike: { "s3:DataAccessPointArn": "arn:aws:s3:us-west-2:*:accesspoint/*" } })),
            ["public", [0, "outside the access point name"]],
        ],
        ["public: empty Condition object", policy(allow("*", {})), ["public", [0, "empty Condition"]]],
        ["public: StringNotEqualsIgnoreCase", policy(allow("*", { StringNotEqualsIgnoreCase: { "aws:SourceVpce": "vpce-1a2b3c4d" } })), ["public", [0, "StringNotEqualsIgnoreCase is a negated operator"]]],
        ["public: DateNotEquals", policy(allow("*", { DateNotEquals: { "aws:SourceAccount": "111122223333" } })), ["public", [0, "DateNotEquals is a negated operator"]]],
        ["public: NumericNotEquals", policy(allow("*", { NumericNotEquals: { "aws:SourceAccount": "111122223333" } })), ["public", [0, "NumericNotEquals is a negated operator"]]],
        [
            "public: the why lists every non-scoping entry",
            policy(allow("*", { Bool: { "aws:SecureTransport": "true" }, StringLike: { "aws:SourceVpc": "vpc-*" } })),
            ["public", [0, "aws:SecureTransport does not limit who can call; aws:SourceVpc uses StringLike"]],
        ],
    ]);
});

describe("every condition operator AWS lists is read, not taken for a malformed one", () => {
    it.each([
        ["StringEquals", "x"], ["StringNotEquals", "x"], ["StringEqualsIgnoreCase", "x"], ["StringNotEqualsIgnoreCase", "x"], ["StringLike", "x"], ["StringNotLike", "x"],
        ["NumericEquals", "1"], ["NumericNotEquals", "1"], ["NumericLessThan", "1"], ["NumericLessThanEquals", "1"], ["NumericGreaterThan", "1"], ["NumericGreaterThanEquals", "1"],
        ["DateEquals", "2030-01-01T00:00:00Z"], ["DateNotEquals", "2030-01-01T00:00:00Z"], ["DateLessThan", "2030-01-01T00:00:00Z"],
        ["DateLessThanEquals", "2030-01-01T00:00:00Z"], ["DateGreaterThan", "2030-01-01T00:00:00Z"], ["DateGreaterThanEquals", "2030-01-01T00:00:00Z"],
        ["Bool", "true"], ["BinaryEquals", "QmluYXJ5VmFsdWVJbkJhc2U2NA=="], ["IpAddress", "203.0.113.0/24"], ["NotIpAddress", "203.0.113.0/24"],
        ["ArnEquals", "arn:aws:sns:us-east-1:111122223333:t"], ["ArnLike", "arn:aws:sns:us-east-1:111122223333:t"],
        ["ArnNotEquals", "arn:aws:sns:us-east-1:111122223333:t"], ["ArnNotLike", "arn:aws:sns:us-east-1:111122223333:t"], ["Null", "false"],
    ])("%s on a key that does not limit who can call: public, with that reason", (operator, value) => {
        const verdict = analyzePolicyDocument(policy(allow("*", { [operator]: { "aws:UserAgent": value } })));
        expect(verdict).toMatchObject({ kind: "public", statements: [{ why: "aws:UserAgent does not limit who can call" }] });
    });
});

describe("aws:SourceIp thresholds (IPv4 > /8 unless RFC 1918, IPv6 > /32)", () => {
    const ip = (...cidrs: string[]) => policy(allow("*", { IpAddress: { "aws:SourceIp": cidrs.length === 1 ? cidrs[0] : cidrs } }));
    table([
        ["public: 0.0.0.0/0", ip("0.0.0.0/0"), ["public", [0, "aws:SourceIp 0.0.0.0/0 is broader than /8"]]],
        ["public: 0.0.0.0/1", ip("0.0.0.0/1"), ["public", [0, "broader than /8"]]],
        ["public: 8.0.0.0/7", ip("8.0.0.0/7"), ["public", [0, "aws:SourceIp 8.0.0.0/7 is broader than /8"]]],
        ["public: 10.0.0.0/7 (only half RFC 1918)", ip("10.0.0.0/7"), ["public", [0, "broader than /8"]]],
        ["not public: 10.0.0.0/8 (exactly /8)", ip("10.0.0.0/8"), "not-public"],
        ["not public: 11.0.0.0/8 (exactly /8)", ip("11.0.0.0/8"), "not-public"],
        ["not public: 192.168.0.0/16", ip("192.168.0.0/16"), "not-public"],
        ["not public: 203.0.113.0/24", ip("203.0.113.0/24"), "not-public"],
        ["not public: a bare address 203.0.113.7", ip("203.0.113.7"), "not-public"],
        ["not public: IPv4 and IPv6 allowlist", ip("203.0.113.0/24", "2001:DB8:1234:5678::/64"), "not-public"],
        ["public: one broad range among narrow ones", ip("203.0.113.0/24", "0.0.0.0/0"), ["public", [0, "0.0.0.0/0 is broader than /8"]]],
        ["public: IPv6 2001:db8::/31", ip("2001:db8::/31"), ["public", [0, "aws:SourceIp 2001:db8::/31 is broader than /32"]]],
        ["not public: IPv6 2001:db8::/32", ip("2001:db8::/32"), "not-public"],
        ["public: IPv6 ::/0", ip("::/0"), ["public", [0, "broader than /32"]]],
        ["malformed: 999.1.1.1/8 names the bad CIDR", ip("999.1.1.1/8"), ["malformed", '"999.1.1.1" is not a valid IPv4 address']],
        ["malformed: 10.0.0.0/33", ip("10.0.0.0/33"), ["malformed", "Statement[0] Condition IpAddress aws:SourceIp"]],
        ["malformed: a bad CIDR among good ones", ip("203.0.113.0/24", "not-an-ip"), ["malformed", '"not-an-ip"']],
        ["malformed: a bad CIDR in a Deny's NotIpAddress", policy(deny("*", { NotIpAddress: { "aws:SourceIp": "10.0.0.300/8" } })), ["malformed", "10.0.0.300"]],
    ]);
});

describe("principals", () => {
    table([
        ["public: Principal *", policy(allow("*")), ["public", [0, "no Condition"]]],
        ['public: {"AWS":"*"}', policy(allow({ AWS: "*" })), ["public", [0, "no Condition"]]],
        ['public: {"AWS":["*", account]}', policy(allow({ AWS: ["arn:aws:iam::111122223333:root", "*"] })), ["public", [0, "no Condition"]]],
        ['public: {"CanonicalUser":"*"}', policy(allow({ CanonicalUser: "*" })), ["public", [0, "no Condition"]]],
        ['public: {"Service":"*"}', policy(allow({ Service: "*" })), ["public", [0, "no Condition"]]],
        ["public: wildcard inside an ARN (arn:aws:iam::*:root)", policy(allow({ AWS: "arn:aws:iam::*:root" })), ["public", [0, "no Condition"]]],
        ["public: wildcard in a user ARN (arn:aws:iam::111122223333:user/*)", policy(allow({ AWS: "arn:aws:iam::111122223333:user/*" })), ["public", [0, "no Condition"]]],
        ["public: Federated accounts.google.com", policy(allow({ Federated: "accounts.google.com" })), ["public", [0, "no Condition"]]],
        ["public: Federated SAML provider", policy(allow({ Federated: "arn:aws:iam::111122223333:saml-provider/corp" })), ["public", [0, "no Condition"]]],
        ["public: NotPrincipal with Allow", policy({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "s3:*", Resource: BUCKET }), ["public", [0, "no Condition"]]],
        ["not public: account id", policy(allow({ AWS: "111122223333" })), "not-public"],
        ["not public: account root ARN", policy(allow({ AWS: "arn:aws:iam::111122223333:root" })), "not-public"],
        ["not public: several fixed principals of several types", policy(allow({ AWS: ["arn:aws:iam::111122223333:root", "999999999999"], CanonicalUser: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", Service: ["logging.s3.amazonaws.com"] })), "not-public"],
        ["not public: service principal, no condition", policy(allow({ Service: "cloudtrail.amazonaws.com" })), "not-public"],
        ["not public: fixed principal with a non-scoping condition", policy(allow({ AWS: "111122223333" }, { Bool: { "aws:SecureTransport": "true" } })), "not-public"],
        ["malformed: Principal is a number", policy(allow(42)), ["malformed", 'Statement[0] Principal must be "*" or an object']],
        [
            "malformed: Principal is an ARN string (must be an object), the string quoted in the reason",
            policy(allow("arn:aws:iam::111122223333:root")),
            ["malformed", 'Statement[0] Principal must be "*" or an object such as {"AWS": "..."}, got the string "arn:aws:iam::111122223333:root"'],
        ],
        ["malformed: Principal is an array", policy(allow(["*"])), ["malformed", "got an array"]],
        ["malformed: Principal is null", policy(allow(null)), ["malformed", "got null"]],
        ["malformed: Principal is an empty object", policy(allow({})), ["malformed", "Principal is an empty object"]],
        ["malformed: unknown principal type", policy(allow({ Group: "admins" })), ["malformed", 'principal type "Group"']],
        ["malformed: principal value is a number", policy(allow({ AWS: 111122223333 })), ["malformed", "AWS values must be strings"]],
        ["malformed: principal value is an empty array", policy(allow({ AWS: [] })), ["malformed", "AWS is an empty array"]],
        ["malformed: principal value is an empty string", policy(allow({ AWS: "" })), ["malformed", "empty string"]],
        ["malformed: Principal and NotPrincipal together", policy({ ...allow("*"), NotPrincipal: { AWS: "111122223333" } }), ["malformed", "both Principal and NotPrincipal"]],
        ["malformed: NotPrincipal of the wrong shape", policy({ Effect: "Allow", NotPrincipal: 7, Action: "s3:*", Resource: BUCKET }), ["malformed", "NotPrincipal must be"]],
        ["malformed: Allow without Principal or NotPrincipal", policy({ Effect: "Allow", Action: "s3:*", Resource: BUCKET }), ["malformed", "neither Principal nor NotPrincipal"]],
        ["malformed: Deny without Principal or NotPrincipal (AWS refuses it too)", policy({ Effect: "Deny", Action: "s3:*", Resource: BUCKET }), ["malformed", "Statement[0] has neither Principal nor NotPrincipal"]],
        ["malformed: unknown Effect without Principal or NotPrincipal", policy({ Effect: UNKNOWN, Action: "s3:*", Resource: BUCKET }), ["malformed", "Statement[0] has neither Principal nor NotPrincipal"]],
        ["malformed: wrong-shaped Principal even in a Deny", policy(deny(42)), ["malformed", "Principal must be"]],
    ]);
});

describe("Effect", () => {
    table([
        ["not public: Deny", policy(deny("*")), "not-public"],
        ['malformed: lower-case "allow" (Effect is case-sensitive)', policy({ ...allow("*"), Effect: "allow" }), ["malformed", 'Statement[0] has Effect "allow"']],
        ["malformed: Effect missing", policy({ Principal: "*", Action: "s3:*", Resource: BUCKET }), ["malformed", "Statement[0] has no Effect"]],
        ["malformed: Effect is a number", policy({ ...allow("*"), Effect: 1 }), ["malformed", "has Effect 1"]],
        ["malformed: Effect is null", policy({ ...allow("*"), Effect: null }), ["malformed", "has Effect null"]],
    ]);
});

describe("document shape", () => {
    const publicStmt = allow("*");
    table([
        ["public: Statement as a single object", { Version: "2012-10-17", Statement: publicStmt }, ["public", [0, "no Condition"]]],
        ["public: Statement as an array", policy(publicStmt), ["public", [0, "no Condition"]]],
        ["public: every public statement, in order", policy(allow("*"), allow({ AWS: "111122223333" }), allow({ AWS: "*" }, { Bool: { "aws:SecureTransport": "true" } })), ["public", [0, "no Condition"], [2, "aws:SecureTransport"]]],
        ["not public: empty Statement array", policy(), "not-public"],
        ["not public: Version missing is fine", { Statement: [allow({ AWS: "111122223333" })] }, "not-public"],
        ["malformed: Statement missing", { Version: "2012-10-17" }, ["malformed", "the policy document has no Statement"]],
        ["malformed: Statement is a string", { Statement: "Allow everyone" }, ["malformed", "Statement must be an object or an array of objects"]],
        ["malformed: Statement is null", { Statement: null }, ["malformed", "got null"]],
        ["malformed: a statement is a number", policy(42), ["malformed", "Statement[0] must be an object"]],
        ["malformed: a statement is an array", policy([publicStmt]), ["malformed", "Statement[0] must be an object, got an array"]],
        ["malformed: single Statement object names it plainly", { Statement: { Effect: "Maybe", Principal: "*" } }, ["malformed", 'Statement has Effect "Maybe"']],
        ["malformed: a malformed statement next to a public one", policy(allow("*"), { Effect: "Allow", Principal: 1 }), ["malformed", "Statement[1] Principal"]],
        ["malformed: Condition is an array", policy(allow("*", [{ StringEquals: { "aws:SourceVpce": "vpce-1" } }])), ["malformed", "Statement[0] Condition must be an object, got an array"]],
        ["malformed: Condition is a string", policy(allow("*", "aws:SourceVpce=vpce-1")), ["malformed", "Condition must be an object"]],
        ["malformed: operator block is a string", policy(allow("*", { StringEquals: "vpce-1" })), ["malformed", "Condition StringEquals must be an object of condition keys"]],
        ["malformed: operator block is empty", policy(allow("*", { StringEquals: {} })), ["malformed", "has no condition keys"]],
        ["malformed: unknown operator", policy(allow("*", { StringEqualz: { "aws:SourceVpce": "vpce-1" } })), ["malformed", 'unknown operator "StringEqualz"']],
        ["malformed: unknown set prefix", policy(allow("*", { "ForSomeValues:StringEquals": { "aws:SourceVpce": "vpce-1" } })), ["malformed", "unknown set prefix"]],
        ["malformed: 8 characters after a base operator that are not IfExists", policy(allow("*", { StringLikeIfExistz: { "aws:SourceVpce": "vpce-1" } })), ["malformed", 'Statement[0] Condition uses unknown operator "StringLikeIfExistz"']],
        ["malformed: NullIfExists does not exist", policy(allow("*", { NullIfExists: { "aws:SourceVpce": "true" } })), ["malformed", 'unknown operator "NullIfExists"']],
        ["malformed: condition value is an object", policy(allow("*", { StringEquals: { "aws:SourceVpce": { id: "vpce-1" } } })), ["malformed", "values must be strings, numbers or booleans, got an object"]],
        ["malformed: condition value is null", policy(allow("*", { StringEquals: { "aws:SourceVpce": null } })), ["malformed", "got null"]],
        ["malformed: condition values are an empty array", policy(allow("*", { StringEquals: { "aws:SourceVpce": [] } })), ["malformed", "has no values"]],
        ["malformed: document is an array", [publicStmt], ["malformed", "the policy document must be a JSON object, got an array"]],
    ]);

    it.each([
        ["malformed: invalid JSON", "{", "the policy document is not valid JSON"],
        ["malformed: empty string", "", "the policy document is an empty string"],
        ["malformed: whitespace only", "  \n ", "empty string"],
        ["malformed: JSON null", "null", "must be a JSON object, got null"],
        ["malformed: JSON number", "42", "must be a JSON object, got number 42"],
        ["malformed: JSON array", "[]", "got an array"],
        ["malformed: plain text", "Allow everyone", "not valid JSON"],
    ])("%s", (_name, text, reason) => {
        check(analyzePolicyDocument(text), ["malformed", reason]);
    });

    it.each([
        ["malformed: null", null, "got null"],
        ["malformed: undefined", undefined, "got undefined"],
        ["malformed: number", 7, "got number 7"],
        ["malformed: boolean", true, "got boolean true"],
    ])("%s", (_name, value, reason) => {
        check(analyzePolicyDocument(value), ["malformed", reason]);
    });

    it("public: a pretty-printed JSON string, as pulumi.jsonStringify(…, null, 2) writes it", () => {
        check(analyzePolicyDocument(JSON.stringify(policy(allow("*")), null, 2)), ["public", [0, "no Condition"]]);
    });

    it("public: the statement carries its index, Sid, principal and actions", () => {
        const verdict = analyzePolicyDocument(
            policy(
                deny("*", { Bool: { "aws:SecureTransport": "false" } }),
                { Sid: "PublicRead", Effect: "Allow", Principal: { AWS: "*" }, Action: ["s3:GetObject", "s3:ListBucket"], Resource: BUCKET },
                { Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, NotAction: "s3:Delete*", Resource: BUCKET },
                { Effect: "Allow", Principal: "*", Resource: BUCKET },
            ),
        );
        expect(verdict).toEqual({
            kind: "public",
            statements: [
                { index: 1, sid: "PublicRead", principal: '{"AWS":"*"}', actions: '["s3:GetObject","s3:ListBucket"]', why: "no Condition" },
                { index: 2, principal: 'NotPrincipal {"AWS":"arn:aws:iam::111122223333:root"}', actions: 'NotAction "s3:Delete*"', why: "no Condition" },
                { index: 3, principal: '"*"', actions: "(no Action)", why: "no Condition" },
            ],
        });
    });

    it('public: Federated principal renders as {"Federated":"graph.facebook.com"}', () => {
        const verdict = analyzePolicyDocument(policy(allow({ Federated: "graph.facebook.com" })));
        expect(verdict.kind === "public" && verdict.statements[0].principal).toBe('{"Federated":"graph.facebook.com"}');
    });

    it.each([
        ["a non-string Sid (number)", 7],
        ["an unknown Sid", UNKNOWN],
    ])("public: %s is left out of the statement (sid is a known string or absent)", (_name, sid) => {
        expect(analyzePolicyDocument(policy(allow("*", undefined, { Sid: sid })))).toStrictEqual({
            kind: "public",
            statements: [{ index: 0, principal: '"*"', actions: '"s3:GetObject"', why: "no Condition" }],
        });
    });

    it.each([
        ["kept whole at exactly 160 characters", 158, `"${"a".repeat(158)}"`],
        ["cut to 157 characters and ... above 160", 159, `"${"a".repeat(156)}...`],
    ])("public: the Action rendering is %s", (_name, length, rendering) => {
        const v = analyzePolicyDocument(policy(allow("*", undefined, { Action: "a".repeat(length) })));
        expect(v.kind === "public" && v.statements[0].actions).toBe(rendering);
    });

    it.each([
        [
            "an Effect present but undefined (parsed object) is named as undefined, not as missing",
            policy({ ...allow("*"), Effect: undefined }),
            'Statement[0] has Effect undefined; AWS accepts only "Allow" or "Deny" (case-sensitive)',
        ],
        ["a wrong-shaped Principal", policy(allow(42)), 'Statement[0] Principal must be "*" or an object such as {"AWS": "..."}, got number 42'],
    ])("malformed: %s (exact reason)", (_name, doc, reason) => {
        expect(analyzePolicyDocument(doc)).toEqual({ kind: "malformed", reason });
    });

    it("malformed: invalid JSON carries the parser's own message", () => {
        let parserMessage = "";
        try {
            JSON.parse("{");
        } catch (e) {
            parserMessage = (e as Error).message;
        }
        expect(parserMessage).not.toBe("");
        expect(analyzePolicyDocument("{")).toEqual({ kind: "malformed", reason: `the policy document is not valid JSON: ${parserMessage}` });
    });
});

describe("unknown values at preview", () => {
    table([
        ["unknown: Statement is unknown", { Statement: UNKNOWN }, ["unknown", "Statement is unknown"]],
        ["unknown: the only statement is unknown", policy(UNKNOWN), ["unknown", "Statement[0] is unknown"]],
        ["public: an unknown statement next to a public one", policy(UNKNOWN, allow("*")), ["public", [1, "no Condition"]]],
        ["unknown: Principal unknown, no other public statement", policy(allow(UNKNOWN), allow({ AWS: "111122223333" })), ["unknown", "Statement[0] Principal is unknown"]],
        ["public: Principal unknown plus another public statement", policy(allow(UNKNOWN), allow("*")), ["public", [1, "no Condition"]]],
        ['unknown: {"AWS": <unknown>}', policy(allow({ AWS: UNKNOWN })), ["unknown", "Principal is unknown"]],
        ['unknown: {"AWS": [fixed, <unknown>]}', policy(allow({ AWS: ["arn:aws:iam::111122223333:root", UNKNOWN] })), ["unknown", "Principal is unknown"]],
        ["unknown: an ARN interpolated from an unknown", policy(allow({ AWS: `arn:aws:iam::${UNKNOWN}:root` })), ["unknown", "Principal is unknown"]],
        ['public: {"AWS": ["*", <unknown>]} is public whatever the unknown is', policy(allow({ AWS: ["*", UNKNOWN] })), ["public", [0, "no Condition"]]],
        ["not public: Principal unknown but a fixed aws:SourceVpce scopes it anyway", policy(allow(UNKNOWN, { StringEquals: { "aws:SourceVpce": "vpce-1" } })), "not-public"],
        ["public: NotPrincipal unknown with Allow is still everyone-but", policy({ Effect: "Allow", NotPrincipal: UNKNOWN, Action: "s3:*", Resource: BUCKET }), ["public", [0, "no Condition"]]],
        ["unknown: Effect unknown with Principal *", policy({ ...allow("*"), Effect: UNKNOWN }), ["unknown", "Effect is unknown"]],
        ["not public: Effect unknown with a fixed principal", policy({ ...allow({ AWS: "111122223333" }), Effect: UNKNOWN }), "not-public"],
        ["unknown: whole Condition unknown", policy(allow("*", UNKNOWN)), ["unknown", "Statement[0] Condition is unknown"]],
        ["unknown: Condition is the object sentinel", policy(allow("*", UNKNOWN_OBJECT)), ["unknown", "Condition is unknown"]],
        ["unknown: operator block unknown", policy(allow("*", { StringEquals: UNKNOWN })), ["unknown", "Condition StringEquals is unknown"]],
        ["unknown: scoping value unknown", policy(allow("*", { StringEquals: { "aws:SourceVpce": UNKNOWN } })), ["unknown", "Condition StringEquals aws:SourceVpce value is unknown"]],
        ["unknown: CloudFront OAC with an unknown distribution ARN", policy(allow({ AWS: "*" }, { StringEquals: { "AWS:SourceArn": `arn:aws:cloudfront::111122223333:distribution/${UNKNOWN}` } })), ["unknown", "AWS:SourceArn value is unknown"]],
        ["not public: CloudFront OAC service principal with an unknown SourceArn (principal already fixed)", policy(allow({ Service: "cloudfront.amazonaws.com" }, { StringEquals: { "AWS:SourceArn": UNKNOWN } })), "not-public"],
        ["unknown: one unknown value among fixed ones", policy(allow("*", { StringEquals: { "aws:SourceVpce": ["vpce-1", UNKNOWN] } })), ["unknown", "value is unknown"]],
        ["public: one unknown value next to a wildcard value", policy(allow("*", { StringLike: { "aws:SourceVpce": [UNKNOWN, "vpce-*"] } })), ["public", [0, "wildcard"]]],
        ["unknown: aws:SourceIp unknown", policy(allow("*", { IpAddress: { "aws:SourceIp": UNKNOWN } })), ["unknown", "aws:SourceIp value is unknown"]],
        ["public: unknown value of a non-scoping key does not matter", policy(allow("*", { Bool: { "aws:SecureTransport": UNKNOWN } })), ["public", [0, "aws:SecureTransport does not limit who can call"]]],
        ["not public: an unknown entry next to a fixed scoping one", policy(allow("*", { StringEquals: { "aws:SourceVpce": "vpce-1", "aws:SourceAccount": UNKNOWN } })), "not-public"],
        ["public: unknown Action and Resource do not matter", policy({ Effect: "Allow", Principal: "*", Action: UNKNOWN, Resource: UNKNOWN }), ["public", [0, "no Condition"]]],
        ["not public: unknown Action on a fixed principal", policy({ Effect: "Allow", Principal: { AWS: "111122223333" }, Action: UNKNOWN, Resource: UNKNOWN }), "not-public"],
    ]);

    it("unknown: the whole document is the unknown sentinel", () => {
        expect(analyzePolicyDocument(UNKNOWN)).toEqual({ kind: "unknown", detail: "the policy document is unknown at preview" });
    });
    it("unknown: the whole document is the object sentinel", () => {
        expect(analyzePolicyDocument(UNKNOWN_OBJECT).kind).toBe("unknown");
    });
    it.each([
        ["a JSON string holding only the sentinel", JSON.stringify(UNKNOWN), "the policy document is unknown at preview"],
        [
            "the detail lists every undecidable statement",
            policy(allow(UNKNOWN), allow("*", { StringEquals: { "aws:SourceVpce": UNKNOWN } })),
            "Statement[0] Principal is unknown; Statement[1] Condition StringEquals aws:SourceVpce value is unknown",
        ],
        [
            "the detail lists every unknown scoping value of a statement",
            policy(allow("*", { StringEquals: { "aws:SourceVpce": UNKNOWN, "aws:SourceAccount": UNKNOWN } })),
            "Statement[0] Condition StringEquals aws:SourceVpce value is unknown; Statement[0] Condition StringEquals aws:SourceAccount value is unknown",
        ],
        ["Effect and Principal both unknown: both named", policy({ ...allow(UNKNOWN), Effect: UNKNOWN }), "Statement[0] Effect is unknown; Statement[0] Principal is unknown"],
        [
            "Effect, Principal and Condition all unknown: all named, in that order",
            policy({ ...allow(UNKNOWN, { StringEquals: { "aws:SourceVpce": UNKNOWN } }), Effect: UNKNOWN }),
            "Statement[0] Effect is unknown; Statement[0] Principal is unknown; Statement[0] Condition StringEquals aws:SourceVpce value is unknown",
        ],
        ["a Condition unknown as a whole is named", policy(allow("*", UNKNOWN)), "Statement[0] Condition is unknown"],
    ])("unknown: %s (exact detail)", (_name, doc, detail) => {
        expect(analyzePolicyDocument(doc)).toEqual({ kind: "unknown", detail });
    });
    it("public: a public statement renders an unknown Action as <unknown>", () => {
        const v = analyzePolicyDocument(policy({ Effect: "Allow", Principal: "*", Action: UNKNOWN, Resource: BUCKET }));
        expect(v.kind === "public" && v.statements[0].actions).toBe("<unknown>");
    });
    it("public: an unknown inside the Action list renders as <unknown>", () => {
        const v = analyzePolicyDocument(policy({ Effect: "Allow", Principal: "*", Action: ["s3:GetObject", UNKNOWN], Resource: BUCKET }));
        expect(v.kind === "public" && v.statements[0].actions).toBe('["s3:GetObject","<unknown>"]');
    });
    it("public: an unknown NotPrincipal renders as NotPrincipal <unknown>", () => {
        const v = analyzePolicyDocument(policy({ Effect: "Allow", NotPrincipal: UNKNOWN, Action: "s3:*", Resource: BUCKET }));
        expect(v.kind === "public" && v.statements[0].principal).toBe("NotPrincipal <unknown>");
    });
});

describe("never throws", () => {
    it("malformed: a 1 MB garbage string, with a short reason", () => {
        const v = analyzePolicyDocument("x".repeat(1 << 20));
        expect(v.kind).toBe("malformed");
        if (v.kind === "malformed") expect(v.reason.length).toBeLessThan(500);
    });

    it("public: a 1 MB valid policy (thousands of statements), short renderings", () => {
        const statements = [];
        for (let i = 0; i < 7000; i++) statements.push(allow({ AWS: `arn:aws:iam::${String(100000000000 + i)}:root` }, undefined, { Sid: `S${i}` }));
        statements.push(allow("*", undefined, { Action: Array.from({ length: 2000 }, (_, i) => `s3:Action${i}`) }));
        const text = JSON.stringify(policy(...statements));
        expect(text.length).toBeGreaterThan(1 << 20);
        const v = analyzePolicyDocument(text);
        expect(v.kind).toBe("public");
        if (v.kind === "public") {
            expect(v.statements.map((s) => s.index)).toEqual([7000]);
            expect(v.statements[0].actions.length).toBeLessThanOrEqual(160);
        }
    });

    it("malformed: a 1 MB string value where a principal should be", () => {
        const v = analyzePolicyDocument(policy(allow("y".repeat(1 << 20))));
        expect(v.kind).toBe("malformed");
        if (v.kind === "malformed") expect(v.reason.length).toBeLessThan(500);
    });

    const nest = (depth: number, open: string, close: string, inner: string) => open.repeat(depth) + inner + close.repeat(depth);
    it.each([
        ["malformed: Statement nested 1,000 arrays deep", `{"Statement":${nest(1000, "[", "]", "")}}`, "malformed"],
        ["malformed: document nested 1,000 objects deep", nest(1000, '{"Statement":', "}", "{}"), "malformed"],
        ["malformed: Principal nested 1,000 objects deep", JSON.stringify(policy(allow({ AWS: "x" }))).replace('{"AWS":"x"}', nest(1000, '{"AWS":', "}", '"x"')), "malformed"],
        ["malformed: condition value nested 1,000 arrays deep", JSON.stringify(policy(allow("*", { StringEquals: { "aws:SourceVpce": "V" } }))).replace('"V"', nest(1000, "[", "]", '"v"')), "malformed"],
        ["public: Action nested 1,000 arrays deep (rendered, not judged)", JSON.stringify(policy(allow("*"))).replace('"s3:GetObject"', nest(1000, "[", "]", '"a"')), "public"],
        ["malformed: 100,000-deep nesting", `{"Statement":${nest(100000, "[", "]", "")}}`, "malformed"],
    ])("%s", (_name, text, kind) => {
        expect(analyzePolicyDocument(text).kind).toBe(kind);
    });

    it("public: a cyclic Action in a parsed object renders without throwing", () => {
        const action: unknown[] = ["s3:GetObject"];
        action.push(action);
        const v = analyzePolicyDocument(policy(allow("*", undefined, { Action: action })));
        expect(v.kind).toBe("public");
        if (v.kind === "public") expect(v.statements[0].actions).toBe("<unprintable>");
    });

    it("public: a BigInt Action renders without throwing", () => {
        const v = analyzePolicyDocument(policy(allow("*", undefined, { Action: 10n })));
        expect(v.kind).toBe("public");
    });

    it("malformed: a getter that throws", () => {
        const doc = {
            get Statement(): unknown {
                throw new Error("boom");
            },
        };
        expect(analyzePolicyDocument(doc)).toEqual({ kind: "malformed", reason: "the policy document could not be read: boom" });
    });

    it("malformed: a getter that throws something that cannot even be turned into a string", () => {
        const doc = {
            get Statement(): unknown {
                throw Object.create(null);
            },
        };
        expect(analyzePolicyDocument(doc)).toEqual({ kind: "malformed", reason: "the policy document could not be read: unreadable error" });
    });

    it("reads through @pulumi/policy's unknown-checking proxy", () => {
        const raw = policy(allow("*"));
        const proxied = new Proxy(raw, {
            get(target, prop) {
                if (prop === "__getSpecialProxyTarget") return target;
                throw new Error("unknown value accessed");
            },
        });
        check(analyzePolicyDocument(proxied), ["public", [0, "no Condition"]]);
    });

    it("every odd value in every position returns a verdict", () => {
        const odd: unknown[] = [undefined, null, NaN, Infinity, -0, 0, 1, true, false, "", "*", UNKNOWN, [], [null], {}, { "*": "*" }, 10n, Symbol("s"), () => 1, new Date(0), new Map(), "x".repeat(10000)];
        const slots: Array<(v: unknown) => unknown> = [
            (v) => v,
            (v) => ({ Statement: v }),
            (v) => policy(v),
            (v) => policy({ ...allow("*"), Effect: v }),
            (v) => policy(allow(v)),
            (v) => policy({ Effect: "Allow", NotPrincipal: v, Action: "s3:*" }),
            (v) => policy(allow({ AWS: v })),
            (v) => policy(allow("*", v)),
            (v) => policy(allow("*", { StringEquals: v })),
            (v) => policy(allow("*", { StringEquals: { "aws:SourceVpce": v } })),
            (v) => policy(allow("*", { IpAddress: { "aws:SourceIp": v } })),
            (v) => policy(allow("*", undefined, { Action: v, Sid: v })),
        ];
        for (const slot of slots) {
            for (const v of odd) {
                const verdict = analyzePolicyDocument(slot(v));
                expect(["public", "not-public", "unknown", "malformed"]).toContain(verdict.kind);
            }
        }
    });
});
