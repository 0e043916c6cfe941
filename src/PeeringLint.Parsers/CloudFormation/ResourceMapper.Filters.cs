using System.Collections.Generic;
using PeeringLint.Aws;
using PeeringLint.Model;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>Security groups (inline and standalone rules, default groups) and network ACLs.</summary>
internal sealed partial class ResourceMapper
{
    private void MapSecurityGroup(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var group = new SecurityGroup(r.ModelId, r.Location, IdOf(r, P(props, "VpcId"), "VpcId"))
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            GroupName = StrOf(P(props, "GroupName")),
        };
        var d = new GroupDraft(group, r.Template);
        _groups.Add(d);
        _groupById[group.Id] = d;
        _coverage |= ResourceKinds.SecurityGroups;

        foreach (var (property, direction, into) in new[] { ("SecurityGroupIngress", RuleDirection.Ingress, d.Ingress), ("SecurityGroupEgress", RuleDirection.Egress, d.Egress) })
        {
            var list = P(props, property);
            if (list is null)
            {
                continue;
            }

            if (list.IsUnknown)
            {
                d.Incomplete = true;
                continue;
            }

            if (list.Kind != CfnKind.List)
            {
                // A mapping or a scalar has no items: the loop below adds nothing.
                _run.Report(Loc(r, list, property), $"expected a list of rules for '{property}', found {list.KindName}");
            }

            for (int i = 0; i < list.Items.Count; i++)
            {
                var rule = list.Items[i];
                string path = property + "/" + i;
                if (rule.Kind != CfnKind.Map)
                {
                    if (rule.IsUnknown)
                    {
                        d.Incomplete = true;
                    }
                    else
                    {
                        _run.Report(Loc(r, rule, path), $"expected a rule mapping in '{property}', found {rule.KindName}");
                    }

                    continue;
                }

                Flatten(r, rule, direction, Loc(r, rule, path), path, group.Id, into);
            }
        }

        if (P(props, "SecurityGroupEgress") is null)
        {
            d.Egress.Add(AwsDefaults.DefaultEgressRule(r.Location));
        }
    }

    private void MapStandaloneRule(TemplateResource r, RuleDirection direction)
    {
        var props = Props(r);
        var groupValue = P(props, "GroupId") ?? P(props, "GroupName");
        string? groupId = IdOf(r, groupValue, "GroupId");
        var d = groupId is null ? null : Group(groupId);
        if (d is null)
        {
            if (groupValue is { IsUnknown: true, MayBeResource: true })
            {
                foreach (var g in _groups)
                {
                    if (ReferenceEquals(g.Template, r.Template))
                    {
                        g.Incomplete = true;
                    }
                }
            }

            return;
        }

        Flatten(r, props, direction, r.Location, string.Empty, d.Group.Id, direction == RuleDirection.Ingress ? d.Ingress : d.Egress);
    }

    private GroupDraft? Group(string id)
    {
        if (_groupById.TryGetValue(id, out var d))
        {
            return d;
        }

        foreach (var kv in _run.DefaultGroupsUsed)
        {
            if (CloudFormationIds.DefaultSecurityGroup(kv.Key) == id)
            {
                return DefaultGroup(kv.Key);
            }
        }

        return null;
    }

    /// <summary>The default security group AWS creates with a VPC (ingress all from itself, egress all to 0.0.0.0/0).</summary>
    private GroupDraft? DefaultGroup(string vpcId)
    {
        string id = CloudFormationIds.DefaultSecurityGroup(vpcId);
        if (_groupById.TryGetValue(id, out var existing))
        {
            return existing;
        }

        if (!_vpcById.TryGetValue(vpcId, out var vpc))
        {
            return null;
        }

        var loc = vpc.Res.Location;
        var group = new SecurityGroup(id, loc, vpcId) { Name = vpc.Vpc.Name + " default security group", GroupName = "default", Account = _run.AccountOf(vpc.Res.Template), Region = _run.RegionOf(vpc.Res.Template) };
        var d = new GroupDraft(group, vpc.Res.Template);
        d.Ingress.Add(new SecurityGroupRule(loc, RuleDirection.Ingress, -1, null, null, SgPeerKind.SecurityGroup) { GroupId = id, Description = "default rule: all traffic from the group itself" });
        d.Egress.Add(new SecurityGroupRule(loc, RuleDirection.Egress, -1, null, null, SgPeerKind.Cidr) { Cidr = CidrValue.Parse("0.0.0.0/0", loc), Description = "default rule: all traffic to 0.0.0.0/0" });
        _groups.Add(d);
        _groupById[id] = d;
        _coverage |= ResourceKinds.SecurityGroups;
        return d;
    }

    /// <summary>One CloudFormation rule (inline or standalone) as one flattened rule per peer.</summary>
    private void Flatten(TemplateResource r, CfnValue rule, RuleDirection direction, SourceLocation location, string path, string groupId, List<SecurityGroupRule> into)
    {
        string Prop(string name) => path.Length == 0 ? name : path + "/" + name;
        var protoValue = P(rule, "IpProtocol");
        int? protocol = Protocol(StrOf(protoValue));
        if (protoValue is { IsString: true } && protocol is null)
        {
            _run.Report(Loc(r, protoValue, Prop("IpProtocol")), $"'{protoValue.Text}' is not an IP protocol (expected tcp, udp, icmp, icmpv6, -1 or a number 0-255)");
        }

        int? from = protocol == -1 ? null : IntOf(P(rule, "FromPort"));
        int? to = protocol == -1 ? null : IntOf(P(rule, "ToPort"));
        string? description = StrOf(P(rule, "Description"));
        var peers = direction == RuleDirection.Ingress
            ? new[] { ("CidrIp", SgPeerKind.Cidr), ("CidrIpv6", SgPeerKind.Cidr), ("SourcePrefixListId", SgPeerKind.PrefixList), ("SourceSecurityGroupId", SgPeerKind.SecurityGroup), ("SourceSecurityGroupName", SgPeerKind.SecurityGroup) }
            : new[] { ("CidrIp", SgPeerKind.Cidr), ("CidrIpv6", SgPeerKind.Cidr), ("DestinationPrefixListId", SgPeerKind.PrefixList), ("DestinationSecurityGroupId", SgPeerKind.SecurityGroup) };
        bool any = false;
        foreach (var (property, kind) in peers)
        {
            var v = P(rule, property);
            if (v is null)
            {
                continue;
            }

            any = true;
            var sr = new SecurityGroupRule(location, direction, protocol, from, to, kind) { Description = description };
            switch (kind)
            {
                case SgPeerKind.Cidr:
                    sr = sr with { Cidr = CidrOf(r, v, Prop(property)) };
                    break;
                case SgPeerKind.PrefixList:
                    sr = sr with { PrefixListId = IdOf(r, v, Prop(property)) };
                    break;
                default:
                    string? id = IdOf(r, v, Prop(property));
                    if (property == "SourceSecurityGroupName" && v.Kind != CfnKind.Resource)
                    {
                        id = null;
                    }

                    sr = sr with { GroupId = id, GroupOwnerId = StrOf(P(rule, "SourceSecurityGroupOwnerId")) };
                    break;
            }

            into.Add(sr);
        }

        if (!any)
        {
            _run.Report(location, $"security group rule of '{r.LogicalId}' names no peer (CidrIp, CidrIpv6, a prefix list or a security group); AWS rejects it", InputProblemSeverity.Warning);
        }
    }

    private static int? Protocol(string? text) => IpProtocols.Parse(text);

    private void MapNetworkAcl(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var acl = new NetworkAcl(r.ModelId, r.Location, IdOf(r, P(props, "VpcId"), "VpcId")) { Name = m.Name, IgnoredRules = m.Ignored, IgnoreLocation = m.IgnoreLocation, Account = Account, Region = Region };
        var d = new AclDraft(acl);
        _acls.Add(d);
        _aclById[acl.Id] = d;
        _coverage |= ResourceKinds.NetworkAcls;
    }

    private void MapAclEntry(TemplateResource r)
    {
        var props = Props(r);
        var d = Find(_aclById, IdOf(r, P(props, "NetworkAclId"), "NetworkAclId"));
        if (d is null)
        {
            return;
        }

        var number = IntOf(P(props, "RuleNumber"));
        if (number is null)
        {
            return;
        }

        string? action = StrOf(P(props, "RuleAction"))?.ToLowerInvariant();
        if (action is not ("allow" or "deny"))
        {
            if (action is not null)
            {
                _run.Report(Loc(r, P(props, "RuleAction")!, "RuleAction"), $"'RuleAction' must be allow or deny, found '{action}'");
            }

            return;
        }

        var ports = P(props, "PortRange");
        var icmp = P(props, "Icmp");
        var entry = new NetworkAclEntry(r.Location, number.Value, BoolOf(P(props, "Egress")) == true, Protocol(StrOf(P(props, "Protocol"))), action == "allow" ? AclAction.Allow : AclAction.Deny)
        {
            Cidr = CidrOf(r, P(props, "CidrBlock"), "CidrBlock") ?? CidrOf(r, P(props, "Ipv6CidrBlock"), "Ipv6CidrBlock"),
            FromPort = ports is null ? null : IntOf(P(ports, "From")),
            ToPort = ports is null ? null : IntOf(P(ports, "To")),
            IcmpType = icmp is null ? null : IntOf(P(icmp, "Type")),
            IcmpCode = icmp is null ? null : IntOf(P(icmp, "Code")),
        };
        d.Entries.Add(entry);
    }
}
