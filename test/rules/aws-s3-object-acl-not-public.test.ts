import { awsS3ObjectAclNotPublic as rule } from "../../policies/aws/s3/aws-s3-object-acl-not-public";
import { one, ruleTable, UNKNOWN } from "../harness";

const OBJECT = "aws:s3/bucketObject:BucketObject";
const OBJECT_V2 = "aws:s3/bucketObjectv2:BucketObjectv2";
const COPY = "aws:s3/objectCopy:ObjectCopy";
const LEGACY = "aws:s3/BucketObject:BucketObject";
const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTH_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
const M = "mandatory" as const;

const object = { bucket: "telemetry", key: "vin/123.json", content: "{}" };
const copy = { bucket: "telemetry", key: "copy.json", source: "telemetry/vin/123.json" };

ruleTable(rule, [
    { kind: "pass", name: "BucketObject without acl (provider default private)", resources: one(OBJECT, object), expect: [] },
    { kind: "pass", name: "BucketObjectv2 without acl (S3 default ACL: owner only)", resources: one(OBJECT_V2, object), expect: [] },
    { kind: "pass", name: "ObjectCopy without acl or grants (the copy gets S3's default private ACL)", resources: one(COPY, copy), expect: [] },
    { kind: "pass", name: "BucketObjectv2 acl bucket-owner-full-control", resources: one(OBJECT_V2, { ...object, acl: "bucket-owner-full-control" }), expect: [] },
    {
        kind: "pass",
        name: "ObjectCopy grant to a canonical user",
        resources: one(COPY, { ...copy, grants: [{ type: "CanonicalUser", id: "abc123", permissions: ["READ"] }] }),
        expect: [],
    },
    { kind: "fail", name: "BucketObject acl public-read", resources: one(OBJECT, { ...object, acl: "public-read" }), expect: [{ level: M, message: '`acl` is "public-read", which grants READ to AllUsers' }] },
    { kind: "fail", name: "BucketObjectv2 acl public-read-write", resources: one(OBJECT_V2, { ...object, acl: "public-read-write" }), expect: [{ level: M, message: "READ and WRITE to AllUsers" }] },
    { kind: "fail", name: "ObjectCopy acl authenticated-read", resources: one(COPY, { ...copy, acl: "authenticated-read" }), expect: [{ level: M, message: "AuthenticatedUsers (any AWS account)" }] },
    { kind: "fail", name: "legacy token (alias of BucketObjectv2) acl public-read", resources: one(LEGACY, { ...object, acl: "public-read" }), expect: [{ level: M, message: '"public-read"' }] },
    { kind: "fail", name: "canned ACL compared case-insensitively", resources: one(OBJECT, { ...object, acl: "PUBLIC-READ" }), expect: [{ level: M, message: '"PUBLIC-READ"' }] },
    {
        kind: "fail",
        name: "ObjectCopy grant to AllUsers (second grant)",
        resources: one(COPY, { ...copy, grants: [{ type: "CanonicalUser", id: "abc", permissions: ["FULL_CONTROL"] }, { type: "Group", uri: ALL_USERS, permissions: ["READ"] }] }),
        expect: [{ level: M, message: '`grants[1]` grants ["READ"] to AllUsers' }],
    },
    {
        kind: "fail",
        name: "ObjectCopy public acl and a grant to AuthenticatedUsers: two violations",
        resources: one(COPY, { ...copy, acl: "public-read", grants: [{ type: "Group", uri: AUTH_USERS, permissions: ["READ_ACP"] }] }),
        expect: [{ level: M, message: '`acl` is "public-read"' }, { level: M, message: "`grants[0]` grants [\"READ_ACP\"] to AuthenticatedUsers" }],
    },
    { kind: "not-applicable", name: "a bucket ACL is the bucket rule's job", resources: one("aws:s3/bucketAcl:BucketAcl", { bucket: "b", acl: "public-read" }), expect: [] },
    { kind: "not-applicable", name: "grants on BucketObject (no such field) are ignored", resources: one(OBJECT, { ...object, grants: [{ type: "Group", uri: ALL_USERS, permissions: ["READ"] }] }), expect: [] },
    { kind: "unknown", name: "acl unknown at preview fails closed", resources: one(OBJECT_V2, { ...object, acl: UNKNOWN }), expect: [{ level: M, message: "`acl` is unknown during preview" }] },
    { kind: "unknown", name: "ObjectCopy grants unknown", resources: one(COPY, { ...copy, grants: UNKNOWN }), expect: [{ level: M, message: "`grants` is unknown during preview" }] },
    { kind: "unknown", name: "ObjectCopy grant uri unknown", resources: one(COPY, { ...copy, grants: [{ type: "Group", uri: UNKNOWN, permissions: ["READ"] }] }), expect: [{ level: M, message: "`grants[0].uri` is unknown" }] },
    { kind: "unknown", name: "bucket unknown does not matter", resources: one(OBJECT, { ...object, bucket: UNKNOWN, acl: "private" }), expect: [] },
    { kind: "malformed", name: "acl of the wrong type", resources: one(OBJECT, { ...object, acl: true }), expect: [{ level: M, message: "`acl` is true, which is not a string" }] },
    { kind: "malformed", name: "acl that is not a canned ACL", resources: one(OBJECT_V2, { ...object, acl: "world-readable" }), expect: [{ level: M, message: "not a canned ACL S3 accepts" }] },
    { kind: "malformed", name: "ObjectCopy grants not an array", resources: one(COPY, { ...copy, grants: { uri: ALL_USERS } }), expect: [{ level: M, message: "which is not an array" }] },
    { kind: "malformed", name: "ObjectCopy grant uri not a string", resources: one(COPY, { ...copy, grants: [{ type: "Group", uri: 7, permissions: ["READ"] }] }), expect: [{ level: M, message: "`grants[0].uri` is 7, which is not a string" }] },
]);
