import { boolField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";

const CONSEQUENCE = "the database gets a public endpoint";

export const awsRdsInstanceNotPubliclyAccessible: ResourceRule = {
    kind: "resource",
    name: "aws-rds-instance-not-publicly-accessible",
    description: "RDS and Aurora database instances must not be publicly accessible.",
    severity: "critical",
    remediationSteps:
        "Set `publiclyAccessible: false` (the default), place the instance in private subnets, and reach it " +
        "from the application's security group or through a bastion / Session Manager.",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding",
    catalog: "AWS: RDS / Aurora instance publiclyAccessible",
    appliesTo: awsTypes("aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance"),
    check(resource) {
        const field = boolField(resource.props, "publiclyAccessible");
        switch (field.state) {
            case "absent":
                return []; // The provider defaults publiclyAccessible to false.
            case "unknown":
                return [unknownSwitchFinding("publiclyAccessible", CONSEQUENCE)];
            case "invalid":
                return [invalidFieldFinding("publiclyAccessible", field.raw, field.expected, CONSEQUENCE)];
            case "known":
                return field.value
                    ? [{ message: "`publiclyAccessible` is true: the instance gets a DNS name that resolves to a public IP and accepts connections from the internet wherever its security groups allow." }]
                    : [];
        }
    },
};
