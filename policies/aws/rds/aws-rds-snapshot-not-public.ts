import { arrayField, enumEquals } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type Finding, type ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";
import { isUnknown } from "../../lib/unknown";

const CONSEQUENCE = "the snapshot is shared with every AWS account";

export const awsRdsSnapshotNotPublic: ResourceRule = {
    kind: "resource",
    name: "aws-rds-snapshot-not-public",
    description: "RDS and Aurora snapshots must not be shared with all AWS accounts (`sharedAccounts` must not contain \"all\").",
    severity: "critical",
    remediationSteps:
        "Remove \"all\" from `sharedAccounts` and list the 12-digit account IDs that need the snapshot instead; keep " +
        "snapshots encrypted with a customer managed KMS key (encrypted snapshots cannot be made public).",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBSnapshotAttribute.html",
    catalog: "AWS: RDS / Aurora snapshot shared with `all`",
    // Full tokens per docs/aws-tokens.md §0.7 and §10; none of them has an alias.
    appliesTo: awsTypes(
        "aws:rds/snapshot:Snapshot",
        "aws:rds/clusterSnapshot:ClusterSnapshot",
        "aws:rds/snapshotCopy:SnapshotCopy",
        "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy",
    ),
    check(resource): Finding[] {
        const shared = arrayField(resource.props, "sharedAccounts");
        switch (shared.state) {
            case "absent":
                return []; // No default sharing: a manual snapshot is private to its account.
            case "unknown":
                return [unknownSwitchFinding("sharedAccounts", CONSEQUENCE)];
            case "invalid":
                return [invalidFieldFinding("sharedAccounts", shared.raw, "a list of account IDs", CONSEQUENCE)];
            case "known": {
                const findings: Finding[] = [];
                shared.value.forEach((entry, i) => {
                    const field = `sharedAccounts[${i}]`;
                    if (isUnknown(entry)) {
                        findings.push(unknownSwitchFinding(field, CONSEQUENCE));
                    } else if (typeof entry !== "string") {
                        findings.push(invalidFieldFinding(field, entry, "an account ID string", CONSEQUENCE));
                    } else if (enumEquals(entry.trim(), "all")) {
                        // ModifyDBSnapshotAttribute: "To make the manual DB snapshot public, ... set
                        // ValuesToAdd to all" (docs/aws-tokens.md [S10]).
                        findings.push({
                            message: `\`${field}\` is "${entry}": the snapshot is public, and any AWS account can copy it or restore a database from it.`,
                        });
                    }
                });
                return findings;
            }
        }
    },
};
