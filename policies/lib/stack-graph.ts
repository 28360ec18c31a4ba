// The stack as stack rules see it: every resource once, indexed by URN and by type token, with the links
// between resources. Links follow propertyDependencies first (they survive preview, when `bucket: b.id`
// is unknown), then dependencies, then known values (ids, names, ARNs) — never a scan of all resources
// per resource.

import type { PolicyResource } from "@pulumi/policy";
import { isUnknown, unwrapProxy } from "./unknown";
import type { TypeMatcher } from "./type-tokens";

export interface StackNode {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    /** Raw outputs; unknowns still as sentinels. */
    readonly props: Record<string, unknown>;
    readonly parentUrn?: string;
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

export class StackGraph {
    private readonly byUrn = new Map<string, StackNode>();
    private readonly byType = new Map<string, StackNode[]>();
    private readonly valueIndexes = new Map<string, Map<string, StackNode[]>>();

    constructor(nodes: Iterable<StackNode>) {
        for (const node of nodes) {
            this.byUrn.set(node.urn, node);
            let list = this.byType.get(node.type);
            if (!list) {
                list = [];
                this.byType.set(node.type, list);
            }
            list.push(node);
        }
    }

    /** Builds the graph from what @pulumi/policy hands a stack validation. */
    static fromPolicyResources(resources: readonly PolicyResource[]): StackGraph {
        return new StackGraph(
            resources.map((r) => {
                const propertyDependencies: Record<string, string[]> = {};
                for (const [key, deps] of Object.entries(r.propertyDependencies ?? {})) {
                    propertyDependencies[key] = deps.map((d) => d.urn);
                }
                return {
                    type: r.type,
                    name: r.name,
                    urn: r.urn,
                    props: unwrapProxy(r.props) as Record<string, unknown>,
                    parentUrn: r.parent?.urn,
                    dependencies: r.dependencies.map((d) => d.urn),
                    propertyDependencies,
                };
            }),
        );
    }

    get size(): number {
        return this.byUrn.size;
    }

    get(urn: string): StackNode | undefined {
        return this.byUrn.get(urn);
    }

    ofType(matcher: TypeMatcher): StackNode[] {
        const result: StackNode[] = [];
        for (const [type, nodes] of this.byType) {
            if (matcher.matches(type)) {
                result.push(...nodes);
            }
        }
        return result;
    }

    /**
     * The resources of `target` type that `from.props[property]` refers to.
     * 1. propertyDependencies[property]: the engine recorded which resources the value came from.
     * 2. dependencies of the target type, narrowed by the property's value when it is known.
     * 3. the property's known value equal to one of `targetKeys` (e.g. id, bucket, arn) of a target.
     */
    linked(from: StackNode, property: string, target: TypeMatcher, targetKeys: readonly string[]): StackNode[] {
        const viaProperty = from.propertyDependencies[property];
        if (viaProperty && viaProperty.length > 0) {
            return this.nodesOf(viaProperty, target);
        }
        const value = from.props[property];
        const known = typeof value === "string" && !isUnknown(value) ? value : undefined;
        const viaDependencies = this.nodesOf(from.dependencies, target);
        if (known === undefined) {
            return viaDependencies;
        }
        const narrowed = viaDependencies.filter((n) => targetKeys.some((k) => n.props[k] === known));
        return narrowed.length > 0 ? narrowed : this.byValue(target, targetKeys, known);
    }

    private nodesOf(urns: readonly string[], target: TypeMatcher): StackNode[] {
        const result: StackNode[] = [];
        for (const urn of urns) {
            const node = this.byUrn.get(urn);
            if (node && target.matches(node.type)) {
                result.push(node);
            }
        }
        return result;
    }

    private byValue(target: TypeMatcher, keys: readonly string[], value: string): StackNode[] {
        const indexKey = `${target.describe}|${keys.join(",")}`;
        let index = this.valueIndexes.get(indexKey);
        // Stryker disable next-line ConditionalExpression: the cache only saves time; building the index again gives the same answer
        if (!index) {
            index = new Map();
            for (const node of this.ofType(target)) {
                for (const key of keys) {
                    const v = node.props[key];
                    // Stryker disable next-line ConditionalExpression,LogicalOperator: only linked() looks values up, always with a known string, so indexing other values too changes no answer
                    if (typeof v === "string" && !isUnknown(v)) {
                        const list = index.get(v) ?? [];
                        if (!list.includes(node)) {
                            list.push(node);
                        }
                        index.set(v, list);
                    }
                }
            }
            this.valueIndexes.set(indexKey, index);
        }
        return index.get(value) ?? [];
    }
}
