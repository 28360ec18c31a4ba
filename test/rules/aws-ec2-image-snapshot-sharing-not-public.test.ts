import { awsEc2ImageSnapshotSharingNotPublic as rule } from "../../policies/aws/ec2/aws-ec2-image-snapshot-sharing-not-public";
import { one, ruleTable, UNKNOWN } from "../harness";

const LAUNCH = "aws:ec2/amiLaunchPermission:AmiLaunchPermission";
const DIST = "aws:imagebuilder/distributionConfiguration:DistributionConfiguration";
const SNAP_BPA = "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess";
const IMAGE_BPA = "aws:ec2/imageBlockPublicAccess:ImageBlockPublicAccess";
const M = "mandatory" as const;

const ami = { imageId: "ami-0123456789abcdef0" };
const dist = (launchPermission: unknown) => ({
    name: "golden",
    distributions: [{ region: "us-east-1", amiDistributionConfiguration: { name: "golden-{{ imagebuilder:buildDate }}", launchPermission } }],
});

ruleTable(rule, [
    { kind: "pass", name: "AMI shared with one account", resources: one(LAUNCH, { ...ami, accountId: "210987654321" }), expect: [] },
    { kind: "pass", name: "AMI shared with an organization", resources: one(LAUNCH, { ...ami, organizationArn: "arn:aws:organizations::123456789012:organization/o-abc" }), expect: [] },
    { kind: "pass", name: "snapshot block public access block-all-sharing", resources: one(SNAP_BPA, { state: "block-all-sharing" }), expect: [] },
    { kind: "pass", name: "image block public access block-new-sharing (the strongest state)", resources: one(IMAGE_BPA, { state: "block-new-sharing" }), expect: [] },
    { kind: "pass", name: "Image Builder distribution to named accounts", resources: one(DIST, dist({ userIds: ["210987654321"] })), expect: [] },
    { kind: "pass", name: "Image Builder distribution without launch permission", resources: one(DIST, { name: "golden", distributions: [{ region: "us-east-1", amiDistributionConfiguration: { name: "x" } }, { region: "eu-west-1" }] }), expect: [] },
    { kind: "fail", name: "AMI launch permission group all", resources: one(LAUNCH, { ...ami, group: "all" }), expect: [{ level: M, message: '`group` is "all": the AMI "ami-0123456789abcdef0" is public' }] },
    { kind: "fail", name: "snapshot block public access unblocked", resources: one(SNAP_BPA, { state: "unblocked" }), expect: [{ level: M, message: '`state` is "unblocked": any snapshot in the Region can be shared publicly' }] },
    { kind: "fail", name: "snapshot block public access block-new-sharing leaves public snapshots public", resources: one(SNAP_BPA, { state: "block-new-sharing" }), expect: [{ level: M, message: "snapshots that are already public stay public" }] },
    { kind: "fail", name: "image block public access unblocked (any case)", resources: one(IMAGE_BPA, { state: "Unblocked" }), expect: [{ level: M, message: '`state` is "Unblocked": any AMI in the Region can be made public' }] },
    { kind: "fail", name: "Image Builder distributes a public AMI", resources: one(DIST, dist({ userGroups: ["all"] })), expect: [{ level: M, message: '`distributions[0].amiDistributionConfiguration.launchPermission.userGroups[0]` is "all"' }] },
    { kind: "not-applicable", name: "an AMI copy", resources: one("aws:ec2/amiCopy:AmiCopy", { group: "all" }), expect: [] },
    { kind: "not-applicable", name: "a snapshot create-volume permission (account only)", resources: one("aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", { snapshotId: "snap-1", accountId: "all" }), expect: [] },
    { kind: "unknown", name: "launch permission group unknown", resources: one(LAUNCH, { ...ami, group: UNKNOWN }), expect: [{ level: M, message: "`group` is unknown during preview" }] },
    { kind: "unknown", name: "block state unknown", resources: one(SNAP_BPA, { state: UNKNOWN }), expect: [{ level: M, message: "`state` is unknown during preview" }] },
    { kind: "unknown", name: "distribution user groups unknown", resources: one(DIST, dist({ userGroups: UNKNOWN })), expect: [{ level: M, message: "`distributions[0].amiDistributionConfiguration.launchPermission.userGroups` is unknown during preview" }] },
    { kind: "unknown", name: "image id unknown does not matter", resources: one(LAUNCH, { imageId: UNKNOWN, accountId: "210987654321" }), expect: [] },
    { kind: "malformed", name: "snapshot block state not a known value", resources: one(SNAP_BPA, { state: "block-most-sharing" }), expect: [{ level: M, message: '`state` is "block-most-sharing", which is not one of block-all-sharing, block-new-sharing, unblocked' }] },
    { kind: "malformed", name: "image block state block-all-sharing does not exist for AMIs", resources: one(IMAGE_BPA, { state: "block-all-sharing" }), expect: [{ level: M, message: "which is not one of block-new-sharing, unblocked" }] },
    { kind: "malformed", name: "block state missing", resources: one(IMAGE_BPA, {}), expect: [{ level: M, message: "`state` is not set" }] },
    { kind: "malformed", name: "launch permission group other than all", resources: one(LAUNCH, { ...ami, group: "everyone" }), expect: [{ level: M, message: '`group` is "everyone", which is not the launch-permission group EC2 accepts' }] },
    { kind: "malformed", name: "distributions not a list", resources: one(DIST, { name: "golden", distributions: { region: "us-east-1" } }), expect: [{ level: M, message: "`distributions` is" }] },
    { kind: "malformed", name: "launch permission not an object", resources: one(DIST, dist("all")), expect: [{ level: M, message: '`distributions[0].amiDistributionConfiguration.launchPermission` is "all", which is not an object' }] },
]);
