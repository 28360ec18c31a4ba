import { policyDocumentFindings } from "../../lib/policy-document-findings";
import { boolField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type Finding, type ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";

const CLUSTER = "aws:redshift/cluster:Cluster";
const WORKGROUP = "aws:redshiftserverless/workgroup:Workgroup";
const POLICIES = new Set(["aws:redshift/resourcePolicy:ResourcePolicy", "aws:redshiftserverless/resourcePolicy:ResourcePolicy"]);

const CONSEQUENCE = "the data warehouse gets a public endpoint";

function checkSwitch(type: string, props: Record<string, unknown>): Finding[] {
    const field = boolField(props, "publiclyAccessible");
    switch (field.state) {
        case "absent":
            if (type === CLUSTER) {
                // "Default is `false`." (@pulumi/aws redshift/cluster.d.ts); CreateCluster: "Default: false"
                // (docs/aws-tokens.md [S14]).
                return [];
            }
            // Workgroup: neither the typings nor CreateWorkgroup document a default (docs/aws-tokens.md §0.8,
            // [S15]), so nothing guarantees a private workgroup: fail closed, privacy must be explicit.
            return [{
                message:
                    "`publiclyAccessible` is not set on the workgroup, and neither the provider nor the Redshift Serverless " +
                    "API documents a default. Set `publiclyAccessible: false` so that the workgroup is private by construction.",
            }];
        case "unknown":
            return [unknownSwitchFinding("publiclyAccessible", CONSEQUENCE)];
        case "invalid":
            return [invalidFieldFinding("publiclyAccessible", field.raw, field.expected, CONSEQUENCE)];
        case "known":
            return field.value
                ? [{ message: `\`publiclyAccessible\` is true: the ${type === CLUSTER ? "cluster" : "workgroup"} endpoint resolves to a public IP and accepts connections from the internet wherever its security groups allow.` }]
                : [];
    }
}

export const awsRedshiftClusterNotPublic: ResourceRule = {
    kind: "resource",
    name: "aws-redshift-cluster-not-public",
    description:
        "Redshift clusters and Redshift Serverless workgroups must not be publicly accessible, and Redshift resource " +
        "policies must not grant access to everyone.",
    severity: "critical",
    remediationSteps:
        "Set `publiclyAccessible: false` (write it explicitly on a Serverless workgroup), keep the warehouse in private " +
        "subnets, and limit resource policies to named principals, accounts or an organization (aws:PrincipalOrgID).",
    url: "https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html",
    catalog: "AWS: Redshift public",
    // No aliases in @pulumi/aws 7.48 (docs/aws-tokens.md §A, §12).
    appliesTo: awsTypes(CLUSTER, WORKGROUP, ...POLICIES),
    check(resource): Finding[] {
        if (POLICIES.has(resource.type)) {
            return policyDocumentFindings(resource.props.policy, "policy");
        }
        return checkSwitch(resource.type, resource.props);
    },
};
