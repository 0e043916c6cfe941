using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Security;

public sealed class PL4004SshOpenToWorldTests
{
    private static string Doc(string rule) => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    security_groups:
      - name: web
        ingress:
{rule}";

    [Theory]
    [InlineData("          - { type: ssh, source: [|0.0.0.0/0|] }\n")]
    [InlineData("          - { type: all-traffic, source: [|0.0.0.0/0|] }\n")]
    [InlineData("          - { type: ssh, source: [|::/0|] }\n")]
    [InlineData("          - { protocol: tcp, ports: 0-1023, source: [|0.0.0.0/0|] }\n")]
    public void Ssh_from_anywhere_is_reported(string rule) => RuleVerifier.Verify(Doc(rule), "PL4004");

    [Theory]
    [InlineData("          - { type: ssh, source: 203.0.113.0/24 }\n")]
    [InlineData("          - { type: https, source: 0.0.0.0/0 }\n")]
    [InlineData("          - { type: ssh, source: pl-0e4bcff02b13bef1e }\n")]
    [InlineData("          - { type: ssh, source: self }\n")]
    public void Narrow_or_other_rules_are_silent(string rule) => RuleVerifier.Verify(Doc(rule), "PL4004");
}
