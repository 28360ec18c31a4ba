import { cannedAclFindings, grantFindings } from "../../lib/aws-storage";
import { arrayField, stringField } from "../../lib/props";
import type { ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";

// Object ACLs (docs/aws-tokens.md §2):
//   aws:s3/bucketObject:BucketObject       `acl` ("Defaults to `private`"), no grants field
//   aws:s3/bucketObjectv2:BucketObjectv2   `acl` (no default documented; S3 gives a new object the default
//                                          ACL, owner full control only [S3 ACL overview])
//   aws:s3/objectCopy:ObjectCopy           `acl` and `grants[].{type, uri, id, email, permissions}` (the uri
//                                          sits on the grant); no `acl` means S3's default private ACL for
//                                          the new object (CopyObject does not copy the source's ACL)
//   aws:s3/BucketObject:BucketObject       the legacy token BucketObjectv2 aliases (capital B); matched in
//                                          case an old state or provider still registers it
// An object ACL grant to AllUsers or AuthenticatedUsers makes that object public whatever the bucket ACL.

const CONSEQUENCE = "the object ACL grants access to AllUsers or AuthenticatedUsers";

export const awsS3ObjectAclNotPublic: ResourceRule = {
    kind: "resource",
    name: "aws-s3-object-acl-not-public",
    description:
        "S3 object ACLs must not grant access to AllUsers or AuthenticatedUsers (canned ACLs public-read, " +
        "public-read-write, authenticated-read, or grants to those groups).",
    severity: "critical",
    remediationSteps:
        "Remove the object's `acl` (S3 then applies the private default) or set it to `private` / " +
        "`bucket-owner-full-control`, and remove grants to the AllUsers / AuthenticatedUsers groups. Disable " +
        "ACLs on the bucket with aws.s3.BucketOwnershipControls (objectOwnership: BucketOwnerEnforced).",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl",
    catalog: "AWS: Object ACL public",
    appliesTo: awsTypes(
        "aws:s3/bucketObject:BucketObject",
        "aws:s3/bucketObjectv2:BucketObjectv2",
        "aws:s3/objectCopy:ObjectCopy",
        "aws:s3/BucketObject:BucketObject",
    ),
    check(resource) {
        const findings = cannedAclFindings(stringField(resource.props, "acl"), "acl", CONSEQUENCE);
        if (resource.type === "aws:s3/objectCopy:ObjectCopy") {
            findings.push(...grantFindings(arrayField(resource.props, "grants"), "grants", (g) => g, CONSEQUENCE));
        }
        return findings;
    },
};
