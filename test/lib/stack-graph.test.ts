// The stack graph's links, as stack rules use them: propertyDependencies first (they survive preview, when
// `bucket: b.id` is unknown), then dependencies narrowed by a known value, then the known value alone.

import { describe, expect, it } from "vitest";
import { StackGraph, type StackNode } from "../../policies/lib/stack-graph";
import { awsTypes, azureType } from "../../policies/lib/type-tokens";
import { UNKNOWN } from "../harness";
import { node, urn } from "./stack-nodes";

const BUCKET = "aws:s3/bucketV2:BucketV2";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ROLE = "aws:iam/role:Role";
const NAMESPACE = "azure-native:servicebus:Namespace";
const RULE_SET = "azure-native:servicebus:NamespaceNetworkRuleSet";
const BUCKETS = awsTypes(BUCKET);
const NAMESPACES = azureType("servicebus", "Namespace");

const names = (nodes: readonly StackNode[]) => nodes.map((n) => n.name);

describe("StackGraph", () => {
    it("holds every resource once, by URN and by type", () => {
        const logs = node(BUCKET, "logs", { bucket: "logs" });
        const graph = new StackGraph([logs, node(ROLE, "reader", {}), node(BUCKET, "site", { bucket: "site" })]);
        expect(graph.size).toBe(3);
        expect(graph.get(urn(BUCKET, "logs"))).toBe(logs);
        expect(graph.get(urn(BUCKET, "missing"))).toBeUndefined();
        expect(names(graph.ofType(BUCKETS))).toEqual(["logs", "site"]);
    });
});

describe("StackGraph.linked", () => {
    const eu = node(NAMESPACE, "orders-eu", { name: "orders", resourceGroupName: "rg-eu" });
    const us = node(NAMESPACE, "orders-us", { name: "orders", resourceGroupName: "rg-us" });
    const billing = node(NAMESPACE, "billing", { name: "billing", resourceGroupName: "rg-eu" });
    const ruleSet = (props: Record<string, unknown>, links: Partial<StackNode> = {}) => node(RULE_SET, "rules", props, links);
    const reader = node(ROLE, "reader", { name: "orders" });
    const linkedNamespaces = (from: StackNode) =>
        names(new StackGraph([eu, us, billing, reader, from]).linked(from, "namespaceName", NAMESPACES, ["name", "namespaceName"]));

    it.each([
        ["propertyDependencies name the namespace while its name is unknown (preview)",
            ruleSet({ namespaceName: UNKNOWN }, { propertyDependencies: { namespaceName: [eu.urn] } }), ["orders-eu"]],
        ["propertyDependencies win over a known name naming another namespace",
            ruleSet({ namespaceName: "billing" }, { propertyDependencies: { namespaceName: [eu.urn] } }), ["orders-eu"]],
        ["from propertyDependencies only resources of the target type count, and URNs not in the stack are skipped",
            ruleSet({ namespaceName: UNKNOWN }, { propertyDependencies: { namespaceName: [reader.urn, urn(NAMESPACE, "elsewhere"), us.urn] } }), ["orders-us"]],
        ["an empty propertyDependencies entry (a literal value) falls through to the known name",
            ruleSet({ namespaceName: "billing" }, { propertyDependencies: { namespaceName: [] } }), ["billing"]],
        ["dependencies of the target type stand in for an unknown name",
            ruleSet({ namespaceName: UNKNOWN }, { dependencies: [reader.urn, us.urn] }), ["orders-us"]],
        ["dependencies stand in for a value that is not a name at all",
            ruleSet({ namespaceName: { ref: "orders" } }, { dependencies: [us.urn] }), ["orders-us"]],
        ["of two namespaces named alike (two resource groups), the one it depends on",
            ruleSet({ namespaceName: "orders" }, { dependencies: [billing.urn, us.urn] }), ["orders-us"]],
        ["a dependency on another namespace does not hide the one the known name refers to",
            ruleSet({ namespaceName: "billing" }, { dependencies: [eu.urn] }), ["billing"]],
        ["a known name alone finds every namespace of that name",
            ruleSet({ namespaceName: "orders" }), ["orders-eu", "orders-us"]],
        ["a known name of no namespace in the stack links nothing",
            ruleSet({ namespaceName: "payments" }), []],
        ["an unknown name without dependencies links nothing",
            ruleSet({ namespaceName: UNKNOWN }), []],
        ["an omitted name without dependencies links nothing",
            ruleSet({}), []],
    ])("%s", (_case, from, expected) => {
        expect(linkedNamespaces(from)).toEqual(expected);
    });

    it.each([
        ["an unknown bucket name", UNKNOWN],
        ["an omitted bucket name", undefined],
    ])("dependencies stand in for %s, even when the bucket has every key", (_case, bucket) => {
        const logs = node(BUCKET, "logs", { id: "logs", bucket: "logs" });
        const block = node(BLOCK, "block", { bucket }, { dependencies: [logs.urn] });
        expect(names(new StackGraph([logs, block]).linked(block, "bucket", BUCKETS, ["id", "bucket"]))).toEqual(["logs"]);
    });

    it("a resource whose name matches under two keys is linked once", () => {
        const logs = node(BUCKET, "logs", { id: "logs", bucket: "logs" });
        const block = node(BLOCK, "block", { bucket: "logs" });
        expect(names(new StackGraph([logs, block]).linked(block, "bucket", BUCKETS, ["id", "bucket"]))).toEqual(["logs"]);
    });

    it("looks values up per target type and key list: earlier lookups do not leak into later ones", () => {
        const legacy = node("aws:s3/bucket:Bucket", "legacy", { bucket: "logs" });
        const current = node(BUCKET, "current", { bucket: "logs", name: "x", space: "y", namespace: "archive" });
        const block = node(BLOCK, "block", { bucket: "logs", name: "archive" });
        const graph = new StackGraph([legacy, current, block]);
        expect(names(graph.linked(block, "bucket", awsTypes("aws:s3/bucket:Bucket"), ["bucket"]))).toEqual(["legacy"]);
        expect(names(graph.linked(block, "bucket", BUCKETS, ["bucket"]))).toEqual(["current"]);
        expect(names(graph.linked(block, "name", BUCKETS, ["name", "space"]))).toEqual([]);
        expect(names(graph.linked(block, "name", BUCKETS, ["namespace"]))).toEqual(["current"]);
    });
});
