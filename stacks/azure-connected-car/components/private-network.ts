import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as pulumi from "@pulumi/pulumi";

/** The private DNS zones of the sub-resources the stack uses (Azure's documented `privatelink.*` names). */
export const PRIVATE_DNS_ZONES = {
    blob: "privatelink.blob.core.windows.net",
    cosmosSql: "privatelink.documents.azure.com",
    postgres: "privatelink.postgres.database.azure.com",
    keyVault: "privatelink.vaultcore.azure.net",
    eventHubs: "privatelink.servicebus.windows.net",
} as const;

export type PrivateDnsZoneKey = keyof typeof PRIVATE_DNS_ZONES;

export interface PrivateNetworkArgs {
    resourceGroupName: pulumi.Input<string>;
    /** Default: the resource group's location. */
    location?: pulumi.Input<string>;
    /** Address space (RFC 1918). Default: `10.30.0.0/16`. */
    addressSpace?: string;
    /** Subnet of the private endpoints. Default: `10.30.1.0/24`. */
    endpointSubnetPrefix?: string;
    /** Subnet of the application tier (VNet-integrated apps, containers, VMs). Default: `10.30.2.0/24`. */
    appSubnetPrefix?: string;
    /** Ports the application tier may open to the private endpoints. Default: 443, 5432, 5671-5672 (AMQP). */
    endpointPorts?: string[];
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A VNet for private endpoints: one subnet holds the stores' endpoints and accepts traffic only from the
 * application subnet on the stores' ports; neither subnet has default outbound internet access; the
 * `privatelink.*` DNS zones are linked so that the stores' names resolve to private addresses.
 */
export class PrivateNetwork extends pulumi.ComponentResource {
    public readonly vnetId: pulumi.Output<string>;
    public readonly endpointSubnetId: pulumi.Output<string>;
    public readonly appSubnetId: pulumi.Output<string>;
    /** Private DNS zone ids, by key of PRIVATE_DNS_ZONES. */
    public readonly dnsZoneIds: Record<PrivateDnsZoneKey, pulumi.Output<string>>;

    constructor(name: string, args: PrivateNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("connected-car:azure:PrivateNetwork", name, {}, opts);
        const parent = { parent: this };
        const addressSpace = args.addressSpace ?? "10.30.0.0/16";
        const endpointPrefix = args.endpointSubnetPrefix ?? "10.30.1.0/24";
        const appPrefix = args.appSubnetPrefix ?? "10.30.2.0/24";
        const common = { resourceGroupName: args.resourceGroupName, location: args.location, tags: args.tags };

        const vnet = new network.VirtualNetwork(name, { ...common, addressSpace: { addressPrefixes: [addressSpace] } }, parent);

        const endpointNsg = new network.NetworkSecurityGroup(
            `${name}-endpoints`,
            {
                ...common,
                securityRules: [
                    {
                        name: "allow-app-to-stores",
                        priority: 100,
                        direction: "Inbound",
                        access: "Allow",
                        protocol: "Tcp",
                        sourceAddressPrefix: appPrefix,
                        sourcePortRange: "*",
                        destinationAddressPrefix: endpointPrefix,
                        destinationPortRanges: args.endpointPorts ?? ["443", "5432", "5671-5672"],
                    },
                    {
                        name: "deny-everything-else",
                        priority: 4000,
                        direction: "Inbound",
                        access: "Deny",
                        protocol: "*",
                        sourceAddressPrefix: "*",
                        sourcePortRange: "*",
                        destinationAddressPrefix: "*",
                        destinationPortRange: "*",
                    },
                ],
            },
            parent,
        );
        const appNsg = new network.NetworkSecurityGroup(
            `${name}-app`,
            {
                ...common,
                securityRules: [
                    {
                        name: "deny-internet-inbound",
                        priority: 4000,
                        direction: "Inbound",
                        access: "Deny",
                        protocol: "*",
                        sourceAddressPrefix: "Internet",
                        sourcePortRange: "*",
                        destinationAddressPrefix: "*",
                        destinationPortRange: "*",
                    },
                ],
            },
            parent,
        );

        const endpointSubnet = new network.Subnet(
            `${name}-endpoints`,
            {
                resourceGroupName: args.resourceGroupName,
                virtualNetworkName: vnet.name,
                addressPrefix: endpointPrefix,
                networkSecurityGroup: { id: endpointNsg.id },
                // Let the NSG above apply to the private endpoints too.
                privateEndpointNetworkPolicies: "NetworkSecurityGroupEnabled",
                defaultOutboundAccess: false,
            },
            parent,
        );
        // Azure changes one subnet of a VNet at a time.
        const appSubnet = new network.Subnet(
            `${name}-app`,
            {
                resourceGroupName: args.resourceGroupName,
                virtualNetworkName: vnet.name,
                addressPrefix: appPrefix,
                networkSecurityGroup: { id: appNsg.id },
                defaultOutboundAccess: false,
            },
            { parent: this, dependsOn: [endpointSubnet] },
        );

        const zoneIds: Partial<Record<PrivateDnsZoneKey, pulumi.Output<string>>> = {};
        for (const [key, zoneName] of Object.entries(PRIVATE_DNS_ZONES) as [PrivateDnsZoneKey, string][]) {
            const zone = new privatedns.PrivateZone(
                `${name}-${key}`,
                { resourceGroupName: args.resourceGroupName, privateZoneName: zoneName, location: "Global", tags: args.tags },
                parent,
            );
            new privatedns.VirtualNetworkLink(
                `${name}-${key}`,
                {
                    resourceGroupName: args.resourceGroupName,
                    privateZoneName: zone.name,
                    location: "Global",
                    virtualNetwork: { id: vnet.id },
                    registrationEnabled: false,
                    tags: args.tags,
                },
                parent,
            );
            zoneIds[key] = zone.id;
        }

        this.vnetId = vnet.id;
        this.endpointSubnetId = endpointSubnet.id;
        this.appSubnetId = appSubnet.id;
        this.dnsZoneIds = zoneIds as Record<PrivateDnsZoneKey, pulumi.Output<string>>;
        this.registerOutputs({ vnetId: this.vnetId, endpointSubnetId: this.endpointSubnetId, appSubnetId: this.appSubnetId });
    }
}
