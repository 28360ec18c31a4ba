import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CustomerDataBucket } from "./customer-data-bucket";
import type { DataClassification } from "./tags";

// AWS managed policies (ids are the same in every account):
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html
const CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html
const SECURITY_HEADERS = "67f7725c-6f97-4210-82d7-5512b31e9d03";

export interface PrivateCdnSiteArgs {
    /** The team that owns the site; written to the `owner` tag. Required. */
    owner: pulumi.Input<string>;
    /** What the origin bucket holds. Default: `portal-static-assets`. */
    dataClassification?: pulumi.Input<DataClassification>;
    /** Bucket (name) for the origin bucket's S3 server access logs. Default: none. */
    accessLogBucket?: pulumi.Input<string>;
    /** CloudFront price class. Default: `PriceClass_100` (North America and Europe edges, cheapest). */
    priceClass?: pulumi.Input<string>;
    /** A WAF web ACL (ARN) in front of the distribution. Default: none. */
    webAclId?: pulumi.Input<string>;
    /**
     * A custom domain: `aliases` and an ACM certificate in us-east-1. Default: none, which serves the site
     * on the `*.cloudfront.net` name with CloudFront's certificate.
     */
    customDomain?: { aliases: pulumi.Input<string>[]; acmCertificateArn: pulumi.Input<string> };
    /** Extra tags. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A static site (the dealer portal's front end) served by CloudFront from a PRIVATE bucket: the bucket keeps
 * its public access block, and its policy lets only `cloudfront.amazonaws.com` read objects, only for this
 * distribution (`AWS:SourceArn`), through Origin Access Control signing every request with SigV4. Viewers
 * are redirected to HTTPS.
 */
export class PrivateCdnSite extends pulumi.ComponentResource {
    public readonly domainName: pulumi.Output<string>;
    public readonly distributionArn: pulumi.Output<string>;
    public readonly distributionId: pulumi.Output<string>;
    /** Upload the site's files here (e.g. `aws s3 sync`). */
    public readonly bucketName: pulumi.Output<string>;

    constructor(name: string, args: PrivateCdnSiteArgs, opts?: pulumi.ComponentResourceOptions) {
        super("connected-car:aws:PrivateCdnSite", name, {}, opts);
        const parent = { parent: this };

        // The bucket policy names the distribution, and the distribution names the bucket: the ARN is
        // handed to the bucket as a deferred output and resolved once the distribution exists.
        const [distributionArn, resolveDistributionArn] = pulumi.deferredOutput<string>();

        // SSE-S3, not SSE-KMS: the files are the portal's HTML and JavaScript, which every visitor
        // downloads anyway; SSE-KMS would also need the key policy to trust this distribution.
        const origin = new CustomerDataBucket(
            `${name}-origin`,
            {
                dataClassification: args.dataClassification ?? "portal-static-assets",
                owner: args.owner,
                cloudFrontDistributionArns: [distributionArn],
                accessLogs: args.accessLogBucket !== undefined ? { targetBucket: args.accessLogBucket } : undefined,
                transitions: [],
                tags: args.tags,
            },
            parent,
        );

        const oac = new aws.cloudfront.OriginAccessControl(
            name,
            {
                description: `${name}: CloudFront signs every origin request`,
                originAccessControlOriginType: "s3",
                signingBehavior: "always",
                signingProtocol: "sigv4",
            },
            parent,
        );

        const originId = "private-s3-origin";
        const distribution = new aws.cloudfront.Distribution(
            name,
            {
                enabled: true,
                comment: `${name} (private S3 origin through OAC)`,
                defaultRootObject: "index.html",
                priceClass: args.priceClass ?? "PriceClass_100",
                httpVersion: "http2and3",
                webAclId: args.webAclId,
                aliases: args.customDomain?.aliases,
                origins: [
                    {
                        originId,
                        domainName: origin.bucketRegionalDomainName,
                        originAccessControlId: oac.id,
                    },
                ],
                defaultCacheBehavior: {
                    targetOriginId: originId,
                    viewerProtocolPolicy: "redirect-to-https",
                    allowedMethods: ["GET", "HEAD", "OPTIONS"],
                    cachedMethods: ["GET", "HEAD"],
                    compress: true,
                    cachePolicyId: CACHING_OPTIMIZED,
                    responseHeadersPolicyId: SECURITY_HEADERS,
                },
                restrictions: { geoRestriction: { restrictionType: "none" } },
                viewerCertificate:
                    args.customDomain !== undefined
                        ? {
                              acmCertificateArn: args.customDomain.acmCertificateArn,
                              sslSupportMethod: "sni-only",
                              minimumProtocolVersion: "TLSv1.2_2021",
                          }
                        : { cloudfrontDefaultCertificate: true },
                tags: pulumi.all([pulumi.output(args.tags ?? {}), args.owner]).apply(([t, owner]) => ({ ...t, owner })),
            },
            parent,
        );
        resolveDistributionArn(distribution.arn);

        this.domainName = distribution.domainName;
        this.distributionArn = distribution.arn;
        this.distributionId = distribution.id;
        this.bucketName = origin.bucketName;
        this.registerOutputs({
            domainName: this.domainName,
            distributionArn: this.distributionArn,
            distributionId: this.distributionId,
            bucketName: this.bucketName,
        });
    }
}
