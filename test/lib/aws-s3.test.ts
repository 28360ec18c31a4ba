import { describe, expect, it } from "vitest";
import { CANNED_ACLS, classifyCannedAcl, PUBLIC_ACCESS_BLOCK_FLAGS, publicGroupOf } from "../../policies/lib/aws-s3";

// S3 User Guide, "Access control list (ACL) overview": the canned ACLs and the predefined groups.

describe("classifyCannedAcl", () => {
    it.each([
        ["public-read", { kind: "public", why: "grants READ to AllUsers (anyone on the internet)" }],
        ["public-read-write", { kind: "public", why: "grants READ and WRITE to AllUsers (anyone on the internet)" }],
        ["authenticated-read", { kind: "public", why: "grants READ to AuthenticatedUsers (any AWS account)" }],
        ["Public-Read", { kind: "public", why: "grants READ to AllUsers (anyone on the internet)" }], // compared case-insensitively
        ["private", { kind: "private" }],
        ["aws-exec-read", { kind: "private" }], // EC2 gets READ on the bundle, nobody else
        ["bucket-owner-read", { kind: "private" }],
        ["bucket-owner-full-control", { kind: "private" }],
        ["log-delivery-write", { kind: "private" }], // the LogDelivery group writes access logs; not public
        ["PRIVATE", { kind: "private" }],
        ["everyone", { kind: "unrecognised" }],
        ["public", { kind: "unrecognised" }],
        ["", { kind: "unrecognised" }],
    ])("%j -> %j", (acl, verdict) => {
        expect(classifyCannedAcl(acl)).toEqual(verdict);
    });

    it("knows every canned ACL S3 accepts, and exactly those", () => {
        expect([...CANNED_ACLS].sort()).toEqual([
            "authenticated-read",
            "aws-exec-read",
            "bucket-owner-full-control",
            "bucket-owner-read",
            "log-delivery-write",
            "private",
            "public-read",
            "public-read-write",
        ]);
    });
});

describe("publicGroupOf", () => {
    it.each([
        ["http://acs.amazonaws.com/groups/global/AllUsers", "AllUsers (anyone on the internet)"],
        ["http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "AuthenticatedUsers (any AWS account)"],
        ["https://ACS.amazonaws.com/groups/global/allusers", "AllUsers (anyone on the internet)"],
        ["http://acs.amazonaws.com/groups/global/AllUsers ", "AllUsers (anyone on the internet)"], // trailing whitespace does not hide the group
    ])("%j names %s", (uri, group) => {
        expect(publicGroupOf(uri)).toBe(group);
    });

    it.each([
        "http://acs.amazonaws.com/groups/s3/LogDelivery", // server access log delivery only
        "http://acs.amazonaws.com/groups/global/AllUsersX",
        "",
    ])("%j is not a public group", (uri) => {
        expect(publicGroupOf(uri)).toBeUndefined();
    });
});

describe("PUBLIC_ACCESS_BLOCK_FLAGS", () => {
    it("the four settings of S3 Block Public Access", () => {
        expect(PUBLIC_ACCESS_BLOCK_FLAGS).toEqual(["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"]);
    });
});
