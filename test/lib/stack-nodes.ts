// StackNode builders for the stack graph and the Azure server/firewall-rule join tests.
import type { StackNode } from "../../policies/lib/stack-graph";

export const urn = (type: string, name: string) => `urn:pulumi:dev::p::${type}::${name}`;

export const node = (type: string, name: string, props: Record<string, unknown>, links: Partial<StackNode> = {}): StackNode => ({
    type,
    name,
    urn: urn(type, name),
    props,
    dependencies: [],
    propertyDependencies: {},
    ...links,
});
