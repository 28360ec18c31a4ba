import { boolField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type Finding, type ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";
import { clearSwitch } from "../../lib/remediation";

const CONSEQUENCE = "the database gets a public endpoint";
const SHARD_GROUP = "aws:rds/shardGroup:ShardGroup";

export const awsRdsInstanceNotPubliclyAccessible: ResourceRule = {
    kind: "resource",
    name: "aws-rds-instance-not-publicly-accessible",
    description: "RDS and Aurora database instances (and Aurora Limitless shard groups) must not be publicly accessible.",
    severity: "critical",
    remediationSteps:
        "Set `publiclyAccessible: false` (the default on instances; write it explicitly on a shard group), place " +
        "the database in private subnets, and reach it from the application's security group or through a " +
        "bastion / Session Manager.",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding",
    catalog: "AWS: RDS / Aurora instance publiclyAccessible",
    // No aliases: @pulumi/aws 7.48 registers each of these under this token only (docs/aws-tokens.md §A, §9).
    appliesTo: awsTypes("aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance", SHARD_GROUP),
    check(resource): Finding[] {
        const field = boolField(resource.props, "publiclyAccessible");
        switch (field.state) {
            case "absent":
                if (resource.type === SHARD_GROUP) {
                    // aws:rds/shardGroup documents no default, and the API's depends on the network: "If the
                    // default VPC in the target Region has an internet gateway attached to it, the DB shard
                    // group is public" (RDS CreateDBShardGroup `PubliclyAccessible`, docs/aws-tokens.md [S12]).
                    // Privacy must be explicit.
                    return [{
                        message:
                            "`publiclyAccessible` is not set on the shard group, and RDS then decides from the subnets: a " +
                            "shard group in a VPC with an internet gateway becomes public. Set `publiclyAccessible: false`.",
                    }];
                }
                // Instance and ClusterInstance: the provider's default is false ("Default is `false`.",
                // @pulumi/aws rds/instance.d.ts and rds/clusterInstance.d.ts) and it sends that value.
                return [];
            case "unknown":
                return [unknownSwitchFinding("publiclyAccessible", CONSEQUENCE)];
            case "invalid":
                return [invalidFieldFinding("publiclyAccessible", field.raw, field.expected, CONSEQUENCE)];
            case "known":
                return field.value
                    ? [{ message: "`publiclyAccessible` is true: the database gets a DNS name that resolves to a public IP and accepts connections from the internet wherever its security groups allow." }]
                    : [];
        }
    },
    remediate: (resource) => clearSwitch(resource.props, "publiclyAccessible"),
};
