import { classifyS3Endpoint } from "../../lib/aws-storage";
import { arrayField, enumEquals, isObject, objectField, stringField, type Props } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type Finding, type ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";
import { isUnknown } from "../../lib/unknown";

// A CloudFront origin that reads an S3 bucket without an origin access control (OAC) or origin access
// identity (OAI) sends anonymous requests: it only works if the bucket is public. An S3 *website* endpoint
// origin is a custom origin that cannot use OAC or OAI at all (website endpoints serve only public content).
//
// Resource rule, not stack rule: the facts are all on the distribution, and a resource rule runs before
// the distribution is created during `pulumi up`, when every origin domain is known (the bucket exists
// by then). It is also decisive at preview, when `domainName: bucket.bucketRegionalDomainName` is still
// unknown, because the ORIGIN TYPE says whether CloudFront treats an origin as S3:
//   - `s3OriginConfig` present, or no `customOriginConfig` / `vpcOriginConfig` at all: an S3 origin
//     (the provider sends an empty S3OriginConfig when neither is set: terraform-provider-aws
//     cloudfront expandOrigin, "if both custom and s3 origin are missing, add an empty s3 origin");
//   - `customOriginConfig`: S3 only if the domain is an S3 website endpoint. Website endpoints "do not
//     support HTTPS" [S3 "Website endpoints"], so an origin with originProtocolPolicy "https-only" cannot
//     be one. An unknown domain with http-only / match-viewer is decided at update time: advisory warning.
//   - `vpcOriginConfig`: a private VPC origin (ALB, NLB, EC2), never S3.
// Known domains are classified by name (policies/lib/aws-storage.ts classifyS3Endpoint): REST endpoints
// (*.s3.amazonaws.com, *.s3.<region>.amazonaws.com, access point hosts ...) need OAC or OAI; website
// endpoints (*.s3-website-<region>.amazonaws.com, *.s3-website.<region>...) are always a violation; other
// domains are not S3.
// OAC / OAI: `originAccessControlId` or `s3OriginConfig.originAccessIdentity` non-empty. "" is the
// provider's way of saying "none". An unknown value is an id computed from an OAC / OAI resource: it counts
// as set at preview and is checked again, known, at update time.
// aws:cloudfront/multitenantDistribution:MultitenantDistribution has the same origins (`id` instead of
// `originId`, arrays `customOriginConfigs` / `vpcOriginConfigs`, no s3OriginConfig: OAC only).
// aws:cloudfront/originAccessControl:OriginAccessControl with originAccessControlOriginType "s3" and
// signingBehavior "never" does not sign requests, so the bucket must be public: a violation.

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const MULTITENANT = "aws:cloudfront/multitenantDistribution:MultitenantDistribution";
const OAC = "aws:cloudfront/originAccessControl:OriginAccessControl";

const CONSEQUENCE = "CloudFront reads the origin bucket without signing its requests, which requires a public bucket";

/** Set (non-empty, or unknown: an id computed from another resource), or not set. */
function idIsSet(bag: unknown, key: string, path: string, findings: Finding[]): boolean {
    const field = stringField(bag, key);
    switch (field.state) {
        case "absent":
            return false;
        case "unknown":
            return true;
        case "invalid":
            findings.push(invalidFieldFinding(path, field.raw, field.expected, CONSEQUENCE));
            return true; // reported as malformed already
        case "known":
            return field.value.trim() !== "";
    }
}

/** Is a single-object or array config block present (Distribution: object; MultitenantDistribution: array)? */
function present(origin: Props, key: string): "yes" | "no" | "unknown" {
    const raw = origin[key];
    if (raw === undefined || raw === null) return "no";
    if (isUnknown(raw)) return "unknown";
    if (Array.isArray(raw)) return raw.length > 0 ? "yes" : "no";
    return "yes";
}

function originLabel(origin: Props, index: number, multitenant: boolean): string {
    const id = origin[multitenant ? "id" : "originId"];
    return typeof id === "string" && !isUnknown(id) ? `origins[${index}] (${multitenant ? "id" : "originId"} "${id}")` : `origins[${index}]`;
}

/** The origin protocol policy of the custom origin config, lower-cased, when known. */
function protocolPolicy(origin: Props, multitenant: boolean): string | undefined {
    const raw = origin[multitenant ? "customOriginConfigs" : "customOriginConfig"];
    const config = Array.isArray(raw) ? raw[0] : raw;
    const field = stringField(config, "originProtocolPolicy");
    return field.state === "known" ? field.value.toLowerCase() : undefined;
}

function checkOrigin(origin: Props, index: number, multitenant: boolean): Finding[] {
    const label = originLabel(origin, index, multitenant);
    const findings: Finding[] = [];
    const hasOac = idIsSet(origin, "originAccessControlId", `origins[${index}].originAccessControlId`, findings);
    let hasOai = false;
    let s3Config: "yes" | "no" | "unknown" = "no";
    if (!multitenant) {
        const s3 = objectField(origin, "s3OriginConfig");
        if (s3.state === "unknown") {
            s3Config = "unknown";
            hasOai = true; // an S3 origin config computed elsewhere: decided at update time
        } else if (s3.state === "invalid") {
            findings.push(invalidFieldFinding(`origins[${index}].s3OriginConfig`, s3.raw, s3.expected, CONSEQUENCE));
            return findings;
        } else if (s3.state === "known") {
            s3Config = "yes";
            hasOai = idIsSet(s3.value, "originAccessIdentity", `origins[${index}].s3OriginConfig.originAccessIdentity`, findings);
        }
    }
    if (findings.length > 0) {
        return findings;
    }
    const custom = present(origin, multitenant ? "customOriginConfigs" : "customOriginConfig");
    const vpc = present(origin, multitenant ? "vpcOriginConfigs" : "vpcOriginConfig");
    const domain = stringField(origin, "domainName");
    const noAccessControl = multitenant
        ? "has no `originAccessControlId`"
        : "has neither `originAccessControlId` nor a non-empty `s3OriginConfig.originAccessIdentity`";

    if (domain.state === "invalid") {
        return [invalidFieldFinding(`origins[${index}].domainName`, domain.raw, domain.expected, CONSEQUENCE)];
    }
    if (domain.state === "known") {
        const endpoint = classifyS3Endpoint(domain.value);
        if (endpoint?.kind === "website") {
            return [{
                message:
                    `${label} reads the S3 website endpoint "${domain.value}" (bucket "${endpoint.bucket}"): website ` +
                    "endpoints serve only publicly readable buckets and cannot use an origin access control or " +
                    "identity. Use the bucket's REST endpoint (bucketRegionalDomainName) with an origin access control.",
            }];
        }
        if (endpoint?.kind === "rest" && vpc !== "yes" && !hasOac && !hasOai) {
            return [{
                message:
                    `${label} reads the S3 bucket "${endpoint.bucket}" (domainName "${domain.value}") and ${noAccessControl}, ` +
                    "so CloudFront sends anonymous requests that succeed only if the bucket is public.",
            }];
        }
        return [];
    }
    // The domain is unknown (preview) or absent: the origin type decides.
    if (hasOac || hasOai || vpc === "yes") {
        return [];
    }
    if (custom === "no" && vpc === "no") {
        const how = s3Config === "yes" ? "`s3OriginConfig`" : "no custom or VPC origin config, so the provider sends an empty S3 origin config";
        return [{
            message:
                `${label} is an S3 origin (${how}; its domainName is not known yet) and ${noAccessControl}, so ` +
                "CloudFront sends anonymous requests that succeed only if the bucket is public.",
        }];
    }
    if (custom === "unknown" || vpc === "unknown") {
        return [unknownSwitchFinding(`origins[${index}] origin config`, "the origin is an S3 bucket read without an origin access control")];
    }
    // A custom origin whose domain is unknown: only an http origin can be an S3 website endpoint.
    const protocol = protocolPolicy(origin, multitenant);
    if (protocol === "https-only") {
        return [];
    }
    return [{
        advisory: true,
        message:
            `${label} is a custom origin whose \`domainName\` is not known during preview and which may use HTTP ` +
            `(originProtocolPolicy ${protocol === undefined ? "unknown" : `"${protocol}"`}), as an S3 website endpoint ` +
            "requires; it will be checked at update time, before the distribution is created, and an S3 website " +
            "endpoint will fail the update then.",
    }];
}

function checkDistribution(props: Props, multitenant: boolean): Finding[] {
    const origins = arrayField(props, "origins");
    switch (origins.state) {
        case "absent":
            return [];
        case "unknown":
            return [unknownSwitchFinding("origins", "an S3 origin is read without an origin access control")];
        case "invalid":
            return [invalidFieldFinding("origins", origins.raw, origins.expected, CONSEQUENCE)];
        case "known":
            return origins.value.flatMap((origin, index) => {
                if (isUnknown(origin)) {
                    return [unknownSwitchFinding(`origins[${index}]`, "the origin is an S3 bucket read without an origin access control")];
                }
                if (!isObject(origin)) {
                    return [invalidFieldFinding(`origins[${index}]`, origin, "an origin object", CONSEQUENCE)];
                }
                return checkOrigin(origin, index, multitenant);
            });
    }
}

function checkOriginAccessControl(props: Props): Finding[] {
    const type = stringField(props, "originAccessControlOriginType");
    if (type.state === "known" && !enumEquals(type.value, "s3")) {
        return []; // lambda, mediastore, mediapackagev2 origins: not a bucket
    }
    const signing = stringField(props, "signingBehavior");
    switch (signing.state) {
        case "absent":
            return []; // required by the provider; nothing to judge
        case "unknown":
            return [unknownSwitchFinding("signingBehavior", "CloudFront signs its requests to the bucket")];
        case "invalid":
            return [invalidFieldFinding("signingBehavior", signing.raw, signing.expected, CONSEQUENCE)];
        case "known":
            if (enumEquals(signing.value, "never")) {
                return [{
                    message:
                        `\`signingBehavior\` is "${signing.value}": CloudFront does not sign requests to the S3 origin, which then ` +
                        'only works if the bucket is public. Use "always".',
                }];
            }
            return [];
    }
}

export const awsCloudfrontDistributionS3OriginAccessRestricted: ResourceRule = {
    kind: "resource",
    name: "aws-cloudfront-distribution-s3-origin-access-restricted",
    description:
        "CloudFront origins that read an S3 bucket must use an origin access control (or a legacy origin access " +
        "identity), and must not use an S3 website endpoint, so that the bucket can stay private.",
    severity: "high",
    remediationSteps:
        "Create an aws.cloudfront.OriginAccessControl (originAccessControlOriginType \"s3\", signingBehavior " +
        "\"always\", signingProtocol \"sigv4\"), set the origin's `originAccessControlId` to its id, use the bucket's " +
        "`bucketRegionalDomainName` (not its website endpoint), and allow the cloudfront.amazonaws.com service " +
        "principal in the bucket policy with AWS:SourceArn set to the distribution's ARN.",
    url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
    catalog: "AWS: CloudFront S3 origin without OAC/OAI (forces a public bucket)",
    appliesTo: awsTypes(DISTRIBUTION, MULTITENANT, OAC),
    check(resource) {
        switch (resource.type) {
            case DISTRIBUTION:
                return checkDistribution(resource.props, false);
            case MULTITENANT:
                return checkDistribution(resource.props, true);
            case OAC:
                return checkOriginAccessControl(resource.props);
            default:
                return [];
        }
    },
};
