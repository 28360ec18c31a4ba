// AWS network-exposure rules: databases with public endpoints, public snapshots and images, search
// domains, Lambda front doors, and security groups open to the internet on a data store.

import type { Rule } from "../lib/rule";
import { awsDatastoreEndpointNotPubliclyAccessible } from "./datastore/aws-datastore-endpoint-not-publicly-accessible";
import { awsEc2ImageSnapshotSharingNotPublic } from "./ec2/aws-ec2-image-snapshot-sharing-not-public";
import { awsEc2SecurityGroupDatastorePortNotPublic } from "./ec2/aws-ec2-security-group-datastore-port-not-public";
import { awsLambdaFunctionNotPubliclyInvocable } from "./lambda/aws-lambda-function-not-publicly-invocable";
import { awsOpensearchDomainNotPublic } from "./opensearch/aws-opensearch-domain-not-public";
import { awsOpensearchDomainPolicyNotPublic } from "./opensearch/aws-opensearch-domain-policy-not-public";
import { awsRdsInstanceNotPubliclyAccessible } from "./rds/aws-rds-instance-not-publicly-accessible";
import { awsRdsSnapshotNotPublic } from "./rds/aws-rds-snapshot-not-public";
import { awsRedshiftClusterNotPublic } from "./redshift/aws-redshift-cluster-not-public";

export const awsNetworkRules: readonly Rule[] = [
    // CATALOG §1 rows, in catalog order
    awsRdsInstanceNotPubliclyAccessible, // RDS / Aurora instance publiclyAccessible (+ shard groups)
    awsRdsSnapshotNotPublic, // RDS / Aurora snapshot shared with `all`
    awsEc2ImageSnapshotSharingNotPublic, // Public AMI / EBS snapshot sharing unblocked
    awsRedshiftClusterNotPublic, // Redshift public
    awsOpensearchDomainNotPublic, // OpenSearch / Elasticsearch (inline policies, serverless network policies)
    awsOpensearchDomainPolicyNotPublic, // ... separate domain policies (stack: needs the domain's placement)
    awsLambdaFunctionNotPubliclyInvocable, // Lambda front door to data
    awsEc2SecurityGroupDatastorePortNotPublic, // Security group open to the world on a data store port (stack)
    awsDatastoreEndpointNotPubliclyAccessible, // Neptune / DMS / MSK / Lightsail (+ MQ, Neptune Analytics, Timestream)
];
