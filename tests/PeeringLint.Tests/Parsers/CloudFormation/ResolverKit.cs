using System.Collections.Generic;
using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.CloudFormation;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Tests.Parsers.CloudFormation;

/// <summary>
/// Runs <see cref="IntrinsicResolver"/> directly on one template (no mapper): the value of a top-level key, a named
/// condition, and the problems and unresolved imports the run collected, so a test can compare the exact value kind,
/// its flags and why it is unknown.
/// </summary>
internal sealed class ResolverKit
{
    /// <summary>Resources every <see cref="Eval"/> template has: one per kind whose attributes the resolver knows.</summary>
    public const string StandardResources =
        "Resources:\n" +
        "  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.1.0.0/16\n" +
        "  Bare:\n    Type: AWS::EC2::VPC\n    Properties:\n      Ipv4IpamPoolId: ipam-pool-1\n" +
        "  Sub1:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.1.1.0/24\n      AvailabilityZone: eu-west-1a\n" +
        "  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: g\n      VpcId: !Ref Vpc\n" +
        "  Rt:\n    Type: AWS::EC2::RouteTable\n    Properties:\n      VpcId: !Ref Vpc\n" +
        "  Igw:\n    Type: AWS::EC2::InternetGateway\n" +
        "  Pcx:\n    Type: AWS::EC2::VPCPeeringConnection\n    Properties:\n      VpcId: !Ref Vpc\n      PeerVpcId: vpc-2\n" +
        "  Acl:\n    Type: AWS::EC2::NetworkAcl\n    Properties:\n      VpcId: !Ref Vpc\n" +
        "  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties:\n      SubnetId: !Ref Sub1\n" +
        "  Eip:\n    Type: AWS::EC2::EIP\n" +
        "  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: child.yaml\n";

    public ResolverKit(string yaml, Dictionary<string, string>? parameters = null, string path = "t.yaml", IReadOnlyCollection<string>? unknownParameters = null)
        : this(new CfnRun(parameters ?? new Dictionary<string, string>(), new List<InputProblem>()) { UnknownParameters = unknownParameters ?? System.Array.Empty<string>() }, yaml, path)
    {
    }

    /// <summary>A second template in the same run (exports, nested stacks).</summary>
    public ResolverKit(CfnRun run, string yaml, string path)
    {
        Run = run;
        var decodeProblems = new List<InputProblem>();
        File = InputLoader.Decode(InputSource.FromText(path, yaml), decodeProblems) ?? throw new Xunit.Sdk.XunitException("not decoded: " + string.Join("; ", decodeProblems.Select(p => p.Message)));
        Template = Template.Read(File, new List<InputProblem>()) ?? throw new Xunit.Sdk.XunitException("not a template");
        Resolver = run.ResolverFor(Template);
    }

    public CfnRun Run { get; }

    public ParsedFile File { get; }

    public Template Template { get; }

    public IntrinsicResolver Resolver { get; }

    public List<InputProblem> Problems => Run.Problems;

    public IEnumerable<string> Messages => Run.Problems.Select(p => p.Message);

    /// <summary>The template <c>sections</c> + <see cref="StandardResources"/> + <c>Test: expr</c>.</summary>
    public static ResolverKit Of(string expr, string sections = "", Dictionary<string, string>? parameters = null) =>
        new(sections + "\n" + StandardResources + "Test: " + expr + "\n", parameters);

    /// <summary>Resolves <paramref name="expr"/> in a template with the standard resources and shows the result.</summary>
    public static string Eval(string expr, string sections = "", Dictionary<string, string>? parameters = null) =>
        Show(Of(expr, sections, parameters).Value());

    public SyntaxNode Node(string key = "Test") => ((MappingNode)File.Root).Get(key) ?? throw new Xunit.Sdk.XunitException("no key " + key);

    public CfnValue Value(string key = "Test") => Resolver.Resolve(Node(key));

    public bool? Condition(string name) => Resolver.Condition(name, File.Root);

    /// <summary>Resolves <paramref name="expr"/> (YAML) in this template, written in a document of its own.</summary>
    public CfnValue ValueOf(string expr)
    {
        var doc = InputLoader.Decode(InputSource.FromText(File.Path, "Test: " + expr + "\n"), new List<InputProblem>()) ?? throw new Xunit.Sdk.XunitException("not decoded: " + expr);
        return Resolver.Resolve(((MappingNode)doc.Root).Get("Test")!);
    }

    public string Show(string expr) => Show(ValueOf(expr));

    /// <summary>
    /// A value as text: strings as they are, <c>{id}</c> for a resource, <c>[a, b]</c>, <c>{k: v}</c>,
    /// <c>&lt;why&gt;</c> for an unknown (with <c>+resource</c> when it may be a resource, <c>+account</c> for AWS::AccountId),
    /// <c>NoValue</c>, <c>Null</c>.
    /// </summary>
    public static string Show(CfnValue v) => v.Kind switch
    {
        CfnKind.String => v.Text!,
        CfnKind.Resource => "{" + v.ResourceId + "}",
        CfnKind.List => "[" + string.Join(", ", v.Items.Select(Show)) + "]",
        CfnKind.Map => "{" + string.Join(", ", v.Entries.Select(e => e.Key.Value + ": " + Show(e.Value))) + "}",
        CfnKind.Unknown => "<" + v.Why + (v.MayBeResource ? " +resource" : string.Empty) + (v.IsAccountId ? " +account" : string.Empty) + ">",
        _ => v.Kind.ToString(),
    };

    public static SourceLocation At(CfnValue v) => v.Node.Location();
}
