import { blockFlagFindings, resourcePolicyFindings } from "../../lib/aws-storage";
import { objectField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type Finding, type ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";

// S3 access points (docs/aws-tokens.md §7; S3 User Guide "Blocking public access", section "Access
// points", and "Managing public access to access points"):
//   aws:s3/accessPoint:AccessPoint
//       `vpcConfiguration` present  -> "An access point that has a VPC network origin is always considered
//                                      non-public": nothing else is checked (the vpcId may be unknown at
//                                      preview: the presence of the block is what sets the origin).
//       `policy`                    -> an access point policy: s3:DataAccessPointArn wildcards make it public
//                                      (accessPointContext). "" / "{}" is no policy ("{}" is how the
//                                      provider removes one).
//       `publicAccessBlockConfiguration.*` -> each flag "Defaults to `true`"; a flag set to false on an
//                                      internet-origin access point weakens the guardrail, and AWS cannot
//                                      change it after creation: a violation.
//   aws:s3control/accessPointPolicy:AccessPointPolicy           `policy` (accessPointArn names the access
//       point; its network origin is not visible here, so a public document fails closed: put the policy
//       on the AccessPoint, where a VPC origin exempts it, or scope the document)
//   aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy  `details.policy` (no VPC origin
//       exists for multi-Region access points)
//   aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint  `details.publicAccessBlock.*` (each flag
//       "Defaults to `true`"; cannot be changed after creation)
//   aws:s3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy `policy`

const ACCESS_POINT = "aws:s3/accessPoint:AccessPoint";
const ACCESS_POINT_POLICY = "aws:s3control/accessPointPolicy:AccessPointPolicy";
const MRAP = "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint";
const MRAP_POLICY = "aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy";
const OLAP_POLICY = "aws:s3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy";

const VPC_CONSEQUENCE = "the access point only accepts requests from a VPC, which is what keeps its policy from being public";
const BLOCK_CONSEQUENCE = "the access point's block public access settings are on";
const IMMUTABLE = " AWS cannot change an access point's block public access settings after creation.";

function accessPointFindings(props: Record<string, unknown>): Finding[] {
    const vpc = objectField(props, "vpcConfiguration");
    if (vpc.state === "known") {
        return []; // VPC network origin: always non-public.
    }
    if (vpc.state === "invalid") {
        return [invalidFieldFinding("vpcConfiguration", vpc.raw, vpc.expected, VPC_CONSEQUENCE)];
    }
    const policy = resourcePolicyFindings(props.policy, "policy", { accessPointContext: true, inlineOptional: true });
    const findings: Finding[] = [];
    if (vpc.state === "unknown" && policy.kind === "public") {
        // A public document is exempt only by a VPC origin, which is not known yet: fail closed, once.
        findings.push(unknownSwitchFinding("vpcConfiguration", VPC_CONSEQUENCE));
    } else {
        findings.push(...policy.findings);
    }
    const block = objectField(props, "publicAccessBlockConfiguration");
    if (block.state === "unknown") {
        findings.push(unknownSwitchFinding("publicAccessBlockConfiguration", BLOCK_CONSEQUENCE));
    } else if (block.state === "invalid") {
        findings.push(invalidFieldFinding("publicAccessBlockConfiguration", block.raw, block.expected, BLOCK_CONSEQUENCE));
    } else if (block.state === "known") {
        findings.push(...blockFlagFindings(block.value, true, "publicAccessBlockConfiguration.", IMMUTABLE));
    }
    return findings;
}

function multiRegionFindings(props: Record<string, unknown>, what: "policy" | "block"): Finding[] {
    const details = objectField(props, "details");
    if (details.state === "absent") {
        return [];
    }
    if (details.state === "invalid") {
        return [invalidFieldFinding("details", details.raw, details.expected, what === "policy" ? "the multi-Region access point policy is public" : BLOCK_CONSEQUENCE)];
    }
    if (what === "policy") {
        // An unknown `details` object is an unknown document: checked at update time.
        const document = details.state === "unknown" ? props.details : details.value.policy;
        return resourcePolicyFindings(document, "details.policy", { accessPointContext: true }).findings;
    }
    if (details.state === "unknown") {
        return [unknownSwitchFinding("details", BLOCK_CONSEQUENCE)];
    }
    const block = objectField(details.value, "publicAccessBlock");
    switch (block.state) {
        case "absent":
            return []; // every flag defaults to true
        case "unknown":
            return [unknownSwitchFinding("details.publicAccessBlock", BLOCK_CONSEQUENCE)];
        case "invalid":
            return [invalidFieldFinding("details.publicAccessBlock", block.raw, block.expected, BLOCK_CONSEQUENCE)];
        case "known":
            return blockFlagFindings(block.value, true, "details.publicAccessBlock.", IMMUTABLE);
    }
}

export const awsS3AccessPointNotPublic: ResourceRule = {
    kind: "resource",
    name: "aws-s3-access-point-not-public",
    description:
        "S3 access points without a VPC network origin (standard, multi-Region and Object Lambda) must not " +
        "have a public access point policy, and must keep their block public access settings on.",
    severity: "critical",
    remediationSteps:
        "Give the access point a `vpcConfiguration` (VPC network origin), or limit its policy to named " +
        "principals or fixed values of aws:PrincipalOrgID / aws:PrincipalAccount / aws:SourceVpce; do not " +
        "wildcard s3:DataAccessPointArn in an access point policy. Leave `publicAccessBlockConfiguration` " +
        "(and a multi-Region access point's `details.publicAccessBlock`) at its default, every flag true.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-bpa-settings.html",
    catalog: "AWS: Access point with a public policy and no VPC origin",
    appliesTo: awsTypes(ACCESS_POINT, ACCESS_POINT_POLICY, MRAP, MRAP_POLICY, OLAP_POLICY),
    check(resource) {
        const props = resource.props;
        switch (resource.type) {
            case ACCESS_POINT:
                return accessPointFindings(props);
            case ACCESS_POINT_POLICY:
            case OLAP_POLICY:
                return resourcePolicyFindings(props.policy, "policy", { accessPointContext: true }).findings;
            case MRAP_POLICY:
                return multiRegionFindings(props, "policy");
            case MRAP:
                return multiRegionFindings(props, "block");
            default:
                return [];
        }
    },
};
