using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PeeringLint.Tests.Equivalence;

/// <summary>
/// One disagreement between forms that is understood and owned by a fix elsewhere. <see cref="Line"/> is a regular
/// expression over the canonical line (<see cref="Canonical"/>); <see cref="Extra"/> says whether the form has the
/// line and the reference (AWS describe-* JSON) has not, or the other way round. <see cref="Verdict"/> says which
/// form is right and why, as an AWS network engineer reads the input.
/// </summary>
public sealed record KnownDrift(string Id, Form[] Forms, bool Extra, string Line, string Verdict, string IssueClass)
{
    public bool Matches(Drift d) => Forms.Contains(d.Form) && d.Extra == Extra && Regex.IsMatch(d.Line, Line, RegexOptions.CultureInvariant);
}

/// <summary>
/// THE table of known drift. Each entry makes exactly the comparison it names pass; <c>Every_known_drift_still_drifts</c>
/// fails once a fix removes the drift, and then the entry must go.
/// </summary>
public static class KnownDrifts
{
    private static readonly Form[] TemplatesAndCdk = { Form.CfnJson, Form.CfnYaml, Form.CdkCSharp };
    private static readonly Form[] Cdk = { Form.CdkCSharp };



    public static IReadOnlyList<KnownDrift> All { get; } = new KnownDrift[]
    {
        // Class 1, NAT gateway Elastic IPs: templates and CDK.

        // Class 1, CDK builder: AWS's implicit parts and defaults.
        new("cdk/eni-private-ip/known", Cdk, Extra: false, @"^instance-ip .* \[.+\]$",
            "AWS JSON and CloudFormation are right: the primary NetworkInterfaces entry's PrivateIpAddress is the instance's " +
            "address; the CDK builder reads the entry's subnet, groups and public flag but not its address", "1: same resource, different meaning"),
        new("cdk/eni-private-ip/none", Cdk, Extra: true, @"^instance-ip .* \[\]$",
            "the counterpart of cdk/eni-private-ip/known: the CDK model has no private address for that instance", "1: same resource, different meaning"),

        new("cdk/PL1003-order", Cdk, Extra: false, @"^finding PL1003@",
            "same facts in both forms: PL1003 names one peering of the overlapping pair, picked by input order, and C# declares " +
            "a construct before code that refers to it, so the order differs; the rule should name the pair independently of order", "none of the five: order dependence"),
        new("cdk/PL1003-order/other", Cdk, Extra: true, @"^finding PL1003@", "the counterpart of cdk/PL1003-order", "none of the five: order dependence"),

        // Findings that follow from a fact a form cannot carry (Expressiveness.Missing).
        new("tutorial/PL3004-silent", new[] { Form.TutorialYaml }, Extra: false, @"^finding PL3004@",
            "AWS JSON and the templates are right: tutorial YAML has no NAT gateway element (routes name a nat- id), so which " +
            "subnet the NAT gateway is in is unknown and PL3004 stays silent", "follows from the missing 'nat' fact"),
    };

    public static KnownDrift? Find(Drift d) => All.FirstOrDefault(k => k.Matches(d));
}
