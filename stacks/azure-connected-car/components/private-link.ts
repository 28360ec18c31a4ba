import * as network from "@pulumi/azure-native/network";
import * as pulumi from "@pulumi/pulumi";

/** Where a store's private endpoint goes. */
export interface PrivateLinkTarget {
    /** The subnet that holds the private endpoints' network interfaces. */
    subnetId: pulumi.Input<string>;
    /** The `privatelink.*` private DNS zone (id) for the sub-resource, linked to the VNet. */
    privateDnsZoneId: pulumi.Input<string>;
}

export interface PrivateLinkArgs extends PrivateLinkTarget {
    resourceGroupName: pulumi.Input<string>;
    location?: pulumi.Input<string>;
    /** The resource the endpoint connects to. */
    privateLinkServiceId: pulumi.Input<string>;
    /** Its sub-resource, e.g. `blob`, `Sql`, `postgresqlServer`, `vault`, `namespace`. */
    groupId: string;
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A private endpoint for one sub-resource of a store, with its DNS records in the private zone: clients in
 * the VNet resolve the store's public name to the endpoint's private address.
 */
export class PrivateLink extends pulumi.ComponentResource {
    public readonly privateEndpointId: pulumi.Output<string>;

    constructor(name: string, args: PrivateLinkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("connected-car:azure:PrivateLink", name, {}, opts);
        const endpoint = new network.PrivateEndpoint(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                subnet: { id: args.subnetId },
                privateLinkServiceConnections: [
                    { name: `${name}-${args.groupId}`, privateLinkServiceId: args.privateLinkServiceId, groupIds: [args.groupId] },
                ],
                tags: args.tags,
            },
            { parent: this },
        );
        new network.PrivateDnsZoneGroup(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                privateEndpointName: endpoint.name,
                privateDnsZoneGroupName: "default",
                privateDnsZoneConfigs: [{ name: args.groupId, privateDnsZoneId: args.privateDnsZoneId }],
            },
            { parent: this },
        );
        this.privateEndpointId = endpoint.id;
        this.registerOutputs({ privateEndpointId: this.privateEndpointId });
    }
}
