import * as eventhub from "@pulumi/azure-native/eventhub";
import * as pulumi from "@pulumi/pulumi";
import { PrivateLink, type PrivateLinkTarget } from "./private-link";
import { storeTags, type DataClassification } from "./tags";

export interface EventHubSpec {
    name: string;
    /** Default: 2. Fixed after creation on the Standard tier. */
    partitionCount?: number;
    /** Hours events are kept. Default: 24. */
    retentionHours?: number;
}

export interface PrivateEventHubsArgs {
    resourceGroupName: pulumi.Input<string>;
    /** Default: the resource group's location. */
    location?: pulumi.Input<string>;
    /** What flows through the namespace; written to the `data-classification` tag. Required. */
    dataClassification: pulumi.Input<DataClassification>;
    /** The team that owns the data; written to the `owner` tag. Required. */
    owner: pulumi.Input<string>;
    /** Where the `namespace` private endpoint goes (subnet and `privatelink.servicebus.windows.net` zone). Required. */
    privateEndpoint: PrivateLinkTarget;
    /** Event hubs to create. Default: none. */
    hubs?: EventHubSpec[];
    /** `Standard` or `Premium` (Basic has no private endpoints). Default: `Standard`. */
    skuName?: "Standard" | "Premium";
    /** Throughput units (Standard) or processing units (Premium). Default: 1. */
    capacity?: number;
    /** Extra tags. `data-classification` and `owner` are always set from the arguments above. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * An Event Hubs namespace reachable only through its private endpoint: public network access Disabled on
 * the namespace and on its network rule set (default Deny, no IP or VNet rules, no trusted-service
 * bypass), SAS keys disabled (Entra ID only), TLS 1.2.
 */
export class PrivateEventHubs extends pulumi.ComponentResource {
    public readonly namespaceName: pulumi.Output<string>;
    public readonly namespaceId: pulumi.Output<string>;

    constructor(name: string, args: PrivateEventHubsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("connected-car:azure:PrivateEventHubs", name, {}, opts);
        const parent = { parent: this };

        const namespace = new eventhub.Namespace(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                sku: { name: args.skuName ?? "Standard", tier: args.skuName ?? "Standard", capacity: args.capacity ?? 1 },
                // Security settings: literals only.
                publicNetworkAccess: "Disabled",
                disableLocalAuth: true,
                minimumTlsVersion: "1.2",
                tags: storeTags(args.tags, args.dataClassification, args.owner),
            },
            parent,
        );

        // The rule set writes the same public-access switch as the namespace: state it here too, so that
        // this resource's own default ("Enabled") can never reopen the namespace.
        new eventhub.NamespaceNetworkRuleSet(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                namespaceName: namespace.name,
                publicNetworkAccess: "Disabled",
                defaultAction: "Deny",
                trustedServiceAccessEnabled: false,
                ipRules: [],
                virtualNetworkRules: [],
            },
            parent,
        );

        for (const hub of args.hubs ?? []) {
            new eventhub.EventHub(
                `${name}-${hub.name}`,
                {
                    resourceGroupName: args.resourceGroupName,
                    namespaceName: namespace.name,
                    eventHubName: hub.name,
                    partitionCount: hub.partitionCount ?? 2,
                    retentionDescription: { cleanupPolicy: "Delete", retentionTimeInHours: hub.retentionHours ?? 24 },
                },
                parent,
            );
        }

        new PrivateLink(
            `${name}-namespace`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                subnetId: args.privateEndpoint.subnetId,
                privateDnsZoneId: args.privateEndpoint.privateDnsZoneId,
                privateLinkServiceId: namespace.id,
                groupId: "namespace",
                tags: args.tags,
            },
            parent,
        );

        this.namespaceName = namespace.name;
        this.namespaceId = namespace.id;
        this.registerOutputs({ namespaceName: this.namespaceName, namespaceId: this.namespaceId });
    }
}
