import { arrayField, enumEquals, isObject, stringField } from "../../lib/props";
import { invalidFieldFinding, showValue, unknownSwitchFinding, type Finding, type ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";
import { isUnknown } from "../../lib/unknown";

const LAUNCH_PERMISSION = "aws:ec2/amiLaunchPermission:AmiLaunchPermission";
const DISTRIBUTION = "aws:imagebuilder/distributionConfiguration:DistributionConfiguration";
const SNAPSHOT_BPA = "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess";
const IMAGE_BPA = "aws:ec2/imageBlockPublicAccess:ImageBlockPublicAccess";

const AMI_PUBLIC = "the AMI (and the snapshots behind it) can be launched by every AWS account";

/**
 * The block-public-access settings and the states that keep public sharing off (docs/aws-tokens.md §11):
 *  - EBS snapshots accept block-all-sharing, block-new-sharing and unblocked. block-new-sharing "leaves
 *    snapshots that are already public still public" (EnableSnapshotBlockPublicAccess, [S7]), so only
 *    block-all-sharing is safe.
 *  - AMIs accept only unblocked and block-new-sharing; block-new-sharing is the strongest state there is.
 */
const BLOCK_SETTINGS: Record<string, { label: string; safe: string; states: ReadonlyMap<string, string | undefined> }> = {
    [SNAPSHOT_BPA]: {
        label: "block public access for EBS snapshots",
        safe: "block-all-sharing",
        states: new Map([
            ["block-all-sharing", undefined],
            ["block-new-sharing", "new public sharing is blocked, but snapshots that are already public stay public"],
            ["unblocked", "any snapshot in the Region can be shared publicly"],
        ]),
    },
    [IMAGE_BPA]: {
        label: "block public access for AMIs",
        safe: "block-new-sharing",
        states: new Map([
            ["block-new-sharing", undefined],
            ["unblocked", "any AMI in the Region can be made public"],
        ]),
    },
};

function checkBlockSetting(type: string, props: Record<string, unknown>): Finding[] {
    const setting = BLOCK_SETTINGS[type];
    const consequence = `${setting.label} lets data be shared publicly`;
    const state = stringField(props, "state");
    switch (state.state) {
        case "absent":
            // `state` is required by the resource: a missing value is a malformed resource, never a pass.
            return [{ message: `\`state\` is not set, so the pack cannot tell whether ${consequence}. Set \`state: "${setting.safe}"\`.` }];
        case "unknown":
            return [unknownSwitchFinding("state", consequence)];
        case "invalid":
            return [invalidFieldFinding("state", state.raw, state.expected, consequence)];
        case "known": {
            const match = [...setting.states.keys()].find((s) => enumEquals(s, state.value.trim()));
            if (match === undefined) {
                return [invalidFieldFinding("state", state.value, `one of ${[...setting.states.keys()].join(", ")}`, consequence)];
            }
            const why = setting.states.get(match);
            return why === undefined ? [] : [{ message: `\`state\` is "${state.value}": ${why}. Set \`state: "${setting.safe}"\`.` }];
        }
    }
}

function checkLaunchPermission(props: Record<string, unknown>): Finding[] {
    const group = stringField(props, "group");
    switch (group.state) {
        case "absent":
            return []; // shared with an account, organization or OU instead: not public
        case "unknown":
            return [unknownSwitchFinding("group", AMI_PUBLIC)];
        case "invalid":
            return [invalidFieldFinding("group", group.raw, group.expected, AMI_PUBLIC)];
        case "known":
            // "Valid values: `"all"`" (ec2/amiLaunchPermission.d.ts); Group=all makes an AMI public ([S5]).
            if (enumEquals(group.value.trim(), "all")) {
                return [{ message: `\`group\` is "${group.value}": the AMI ${showValue(props.imageId)} is public, and ${AMI_PUBLIC}.` }];
            }
            return [invalidFieldFinding("group", group.value, 'the launch-permission group EC2 accepts ("all")', AMI_PUBLIC)];
    }
}

function checkDistribution(props: Record<string, unknown>): Finding[] {
    const distributions = arrayField(props, "distributions");
    if (distributions.state === "absent") return [];
    if (distributions.state === "unknown") return [unknownSwitchFinding("distributions", AMI_PUBLIC)];
    if (distributions.state === "invalid") return [invalidFieldFinding("distributions", distributions.raw, "a list of distributions", AMI_PUBLIC)];
    const findings: Finding[] = [];
    distributions.value.forEach((distribution, i) => {
        let path = `distributions[${i}]`;
        let node: unknown = distribution;
        for (const key of ["amiDistributionConfiguration", "launchPermission"]) {
            if (isUnknown(node)) {
                findings.push(unknownSwitchFinding(path, AMI_PUBLIC));
                return;
            }
            if (!isObject(node)) {
                findings.push(invalidFieldFinding(path, node, "an object", AMI_PUBLIC));
                return;
            }
            const next = node[key];
            if (next === undefined || next === null) return; // no AMI distribution / no launch permission
            node = next;
            path = `${path}.${key}`;
        }
        const groups = arrayField(node, "userGroups");
        const field = `${path}.userGroups`;
        if (isUnknown(node)) {
            findings.push(unknownSwitchFinding(path, AMI_PUBLIC));
        } else if (!isObject(node)) {
            findings.push(invalidFieldFinding(path, node, "an object", AMI_PUBLIC));
        } else if (groups.state === "unknown") {
            findings.push(unknownSwitchFinding(field, AMI_PUBLIC));
        } else if (groups.state === "invalid") {
            findings.push(invalidFieldFinding(field, groups.raw, "a list of user groups", AMI_PUBLIC));
        } else if (groups.state === "known") {
            groups.value.forEach((g, j) => {
                if (isUnknown(g)) findings.push(unknownSwitchFinding(`${field}[${j}]`, AMI_PUBLIC));
                else if (typeof g !== "string") findings.push(invalidFieldFinding(`${field}[${j}]`, g, "a string", AMI_PUBLIC));
                else if (enumEquals(g.trim(), "all")) {
                    // "Use `all` to distribute a public AMI." (imagebuilder DistributionConfiguration typings)
                    findings.push({ message: `\`${field}[${j}]\` is "${g}": Image Builder distributes a public AMI, and ${AMI_PUBLIC}.` });
                }
            });
        }
    });
    return findings;
}

export const awsEc2ImageSnapshotSharingNotPublic: ResourceRule = {
    kind: "resource",
    name: "aws-ec2-image-snapshot-sharing-not-public",
    description:
        "AMIs must not be shared with all AWS accounts, and the Region's block public access for EBS snapshots and " +
        "AMIs must stay on (snapshots: block-all-sharing; AMIs: block-new-sharing).",
    severity: "critical",
    remediationSteps:
        "Share AMIs with named account IDs, organizations or OUs instead of `group: \"all\"` / `userGroups: [\"all\"]`; " +
        "set `aws.ebs.SnapshotBlockPublicAccess` to `block-all-sharing` and `aws.ec2.ImageBlockPublicAccess` to " +
        "`block-new-sharing`.",
    url: "https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html",
    catalog: "AWS: Public AMI / EBS snapshot sharing unblocked",
    appliesTo: awsTypes(LAUNCH_PERMISSION, DISTRIBUTION, SNAPSHOT_BPA, IMAGE_BPA),
    check(resource): Finding[] {
        switch (resource.type) {
            case LAUNCH_PERMISSION:
                return checkLaunchPermission(resource.props);
            case DISTRIBUTION:
                return checkDistribution(resource.props);
            default:
                return checkBlockSetting(resource.type, resource.props);
        }
    },
};
