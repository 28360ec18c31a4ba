import { awsS3BucketAclNotPublic as rule } from "../../policies/aws/s3/aws-s3-bucket-acl-not-public";
import { one, ruleTable, UNKNOWN } from "../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const ACL = "aws:s3/bucketAcl:BucketAcl";
const ACL_V2 = "aws:s3/bucketAclV2:BucketAclV2";
const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTH_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
const M = "mandatory" as const;

const grant = (uri: string, permission = "READ") => ({ grantee: { type: "Group", uri }, permission });
const owner = { id: "0123456789abcdef" };

ruleTable(rule, [
    { kind: "pass", name: "bucket with no acl (S3 default private)", resources: one(BUCKET, {}), expect: [] },
    { kind: "pass", name: "bucket acl private", resources: one(BUCKET, { acl: "private" }), expect: [] },
    { kind: "pass", name: "BucketV2 acl log-delivery-write", resources: one(BUCKET_V2, { acl: "log-delivery-write" }), expect: [] },
    { kind: "pass", name: "BucketAcl private", resources: one(ACL, { bucket: "b", acl: "private" }), expect: [] },
    {
        kind: "pass",
        name: "BucketAclV2 grant to a canonical user only",
        resources: one(ACL_V2, { bucket: "b", accessControlPolicy: { owner, grants: [{ grantee: { type: "CanonicalUser", id: "abc" }, permission: "FULL_CONTROL" }] } }),
        expect: [],
    },
    { kind: "fail", name: "bucket acl public-read", resources: one(BUCKET, { acl: "public-read" }), expect: [{ level: M, message: '`acl` is "public-read", which grants READ to AllUsers' }] },
    { kind: "fail", name: "BucketV2 acl public-read-write", resources: one(BUCKET_V2, { acl: "public-read-write" }), expect: [{ level: M, message: "READ and WRITE to AllUsers" }] },
    { kind: "fail", name: "bucket acl authenticated-read", resources: one(BUCKET, { acl: "authenticated-read" }), expect: [{ level: M, message: "AuthenticatedUsers (any AWS account)" }] },
    { kind: "fail", name: "canned ACL compared case-insensitively", resources: one(BUCKET, { acl: "Public-Read" }), expect: [{ level: M, message: '"Public-Read"' }] },
    {
        kind: "fail",
        name: "inline grant to AllUsers",
        resources: one(BUCKET, { grants: [{ type: "Group", uri: ALL_USERS, permissions: ["READ"] }] }),
        expect: [{ level: M, message: '`grants[0]` grants ["READ"] to AllUsers' }],
    },
    { kind: "fail", name: "BucketAcl public-read", resources: one(ACL, { bucket: "b", acl: "public-read" }), expect: [{ level: M, message: "public-read" }] },
    {
        kind: "fail",
        name: "BucketAclV2 grant to AuthenticatedUsers (second grant)",
        resources: one(ACL_V2, { bucket: "b", accessControlPolicy: { owner, grants: [{ grantee: { type: "CanonicalUser", id: "abc" }, permission: "FULL_CONTROL" }, grant(AUTH_USERS)] } }),
        expect: [{ level: M, message: "`accessControlPolicy.grants[1]` grants \"READ\" to AuthenticatedUsers" }],
    },
    {
        kind: "fail",
        name: "BucketAcl grant to AllUsers over https, any case",
        resources: one(ACL, { bucket: "b", accessControlPolicy: { owner, grants: [grant("https://ACS.amazonaws.com/groups/global/allusers", "WRITE")] } }),
        expect: [{ level: M, message: "to AllUsers" }],
    },
    { kind: "not-applicable", name: "bucket policy is not an ACL", resources: one("aws:s3/bucketPolicy:BucketPolicy", { bucket: "b", acl: "public-read" }), expect: [] },
    { kind: "not-applicable", name: "object ACLs are the object rule's job", resources: one("aws:s3/objectCopy:ObjectCopy", { bucket: "b", key: "k", source: "b/s", acl: "public-read" }), expect: [] },
    { kind: "not-applicable", name: "an azure container", resources: one("azure-native:storage:BlobContainer", { acl: "public-read" }), expect: [] },
    { kind: "unknown", name: "acl unknown at preview fails closed", resources: one(BUCKET, { acl: UNKNOWN }), expect: [{ level: M, message: "`acl` is unknown during preview" }] },
    { kind: "unknown", name: "grants unknown at preview", resources: one(BUCKET_V2, { grants: UNKNOWN }), expect: [{ level: M, message: "`grants` is unknown during preview" }] },
    {
        kind: "unknown",
        name: "grantee uri unknown at preview",
        resources: one(ACL_V2, { bucket: UNKNOWN, accessControlPolicy: { owner, grants: [{ grantee: { type: "Group", uri: UNKNOWN }, permission: "READ" }] } }),
        expect: [{ level: M, message: "`accessControlPolicy.grants[0].uri` is unknown" }],
    },
    { kind: "unknown", name: "bucket name unknown does not matter", resources: one(ACL, { bucket: UNKNOWN, acl: "private" }), expect: [] },
    { kind: "malformed", name: "acl of the wrong type", resources: one(BUCKET, { acl: 42 }), expect: [{ level: M, message: "`acl` is 42, which is not a string" }] },
    { kind: "malformed", name: "acl that is not a canned ACL", resources: one(BUCKET, { acl: "everyone" }), expect: [{ level: M, message: "not a canned ACL S3 accepts" }] },
    { kind: "malformed", name: "grants not an array", resources: one(BUCKET, { grants: "AllUsers" }), expect: [{ level: M, message: "`grants` is \"AllUsers\", which is not an array" }] },
    { kind: "malformed", name: "grant entry not an object", resources: one(BUCKET, { grants: [7] }), expect: [{ level: M, message: "`grants[0]` is 7, which is not a grant object" }] },
    { kind: "malformed", name: "accessControlPolicy not an object", resources: one(ACL, { bucket: "b", accessControlPolicy: "public" }), expect: [{ level: M, message: "`accessControlPolicy` is \"public\", which is not an object" }] },
]);
