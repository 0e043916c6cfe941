using System.Collections.Generic;
using System.Linq;
using PeeringLint.Parsers.CloudFormation;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;
using Xunit;

namespace PeeringLint.Tests.Parsers.CloudFormation;

/// <summary>
/// Decision tests for <see cref="IntrinsicResolver"/> (issue 22): each case picks one branch of an intrinsic
/// function's evaluation and compares the exact value (kind, text, why it is unknown, its flags) and the problems,
/// so that a flipped condition or a dropped statement changes an answer. Semantics as in the CloudFormation
/// template reference for each function.
/// </summary>
public sealed class IntrinsicDecisionTests
{
    private const string Params =
        "Parameters:\n" +
        "  Str:\n    Type: String\n    Default: abc\n" +
        "  NoDef:\n    Type: String\n" +
        "  NullDef:\n    Type: String\n    Default:\n" +
        "  EmptyDef:\n    Type: String\n    Default: ''\n" +
        "  EmptyList:\n    Type: CommaDelimitedList\n    Default: \"\"\n" +
        "  ListP:\n    Type: CommaDelimitedList\n    Default: 'a, b ,c'\n" +
        "  SubnetsP:\n    Type: List<AWS::EC2::Subnet::Id>\n    Default: subnet-1,subnet-2\n" +
        "  Ssm:\n    Type: AWS::SSM::Parameter::Value<String>\n    Default: /net/cidr\n" +
        "  DefList:\n    Type: String\n    Default: [x, y]\n" +
        "  Untyped:\n    Default: u,v\n" +
        "  Suffix:\n    Type: String\n    Default: cidr\n";

    private const string Conditions =
        "Conditions:\n" +
        "  T: !Equals [a, a]\n" +
        "  F: !Equals [a, b]\n" +
        "  U: !Equals [!Ref NoDef, a]\n";

    private const string Maps =
        "Mappings:\n  Net:\n    prod:\n      Cidr: 10.10.0.0/16\n";

    private static string E(string expr) => ResolverKit.Eval(expr, Params + Conditions + Maps);

    private static Dictionary<string, string> P(params (string Name, string Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);

    private static (string Value, string[] Problems) EP(string expr, Dictionary<string, string>? parameters = null)
    {
        var kit = ResolverKit.Of(expr, Params + Conditions + Maps, parameters);
        string v = ResolverKit.Show(kit.Value());
        return (v, kit.Messages.ToArray());
    }

    // ---- Plain values and the recognition of functions ----

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("~", "Null")]
    [InlineData("'{{resolve:ssm:/net/cidr}}'", "<a dynamic reference is resolved at deploy time>")]
    [InlineData("'x-{{resolve:ssm:/net/cidr}}'", "<a dynamic reference is resolved at deploy time>")]
    [InlineData("'{{ssm:/net/cidr}}'", "{{ssm:/net/cidr}}")]
    [InlineData("[a, !Ref AWS::NoValue, b]", "[a, b]")]
    [InlineData("{ a: x, b: !Ref AWS::NoValue, c: y }", "{a: x, c: y}")]
    [InlineData("{ Condition: T }", "{Condition: T}")]
    [InlineData("{ Ref: Str, Other: x }", "{Ref: Str, Other: x}")]
    [InlineData("{ Ref: Str }", "abc")]
    [InlineData("{ \"Fn::Join\": [\"-\", [a, b]] }", "a-b")]
    [InlineData("{ Fn::Length: [a] }", "<Fn::Length is not evaluated>")]
    [InlineData("!Length [a]", "<Fn::Length is not evaluated>")]
    [InlineData("!Other { Ref: Str }", "<Fn::Other is not evaluated>")]
    [InlineData("! abc", "abc")]
    [InlineData("!!str abc", "abc")]
    [InlineData("!X abc", "<Fn::X is not evaluated>")]
    [InlineData("!Base64 { Condition: T }", "<Fn::Base64 of an unknown value>")]
    [InlineData("!GetAZs ''", "<Fn::GetAZs depends on the account and region>")]
    [InlineData("!Base64 abc", "YWJj")]
    [InlineData("{ Fn::Base64: !Ref Str }", "YWJj")]
    [InlineData("!Base64 [a]", "<Fn::Base64 of an unknown value>")]
    public void Plain_values_and_function_recognition(string expr, string expected) => Assert.Equal(expected, E(expr));

    [Fact]
    public void A_short_form_whose_argument_is_a_long_form_function_evaluates_that_function()
    {
        // `!Base64 {Fn::Sub: ...}` is `{"Fn::Base64": {"Fn::Sub": ...}}`: the mapping is a function, not data.
        Assert.Equal("YWJj", E("!Base64 { Fn::Sub: '${Str}' }"));
        Assert.Equal("abc", E("!Ref { Fn::Join: ['', [S, tr]] }"));

        // Condition is a function in conditions only: here it is a mapping, not a name.
        var (v, problems) = EP("!Ref { Condition: T }");
        Assert.Equal("<bad Ref>", v);
        Assert.Equal(new[] { "expected a name for 'Ref', found a mapping" }, problems);
    }

    [Fact]
    public void Nesting_is_bounded_at_exactly_the_maximum_depth()
    {
        string Nested(int n) => new string('[', n) + "x" + new string(']', n);
        // 63 lists around a string: the string is the 64th value.
        var ok = ResolverKit.Of(Nested(IntrinsicResolver.MaxDepth - 1));
        Assert.StartsWith("[[", ResolverKit.Show(ok.Value()));
        Assert.Empty(ok.Problems);

        var deep = ResolverKit.Of(Nested(IntrinsicResolver.MaxDepth));
        deep.Value();
        var p = Assert.Single(deep.Problems);
        Assert.Equal("intrinsic functions are nested deeper than 64 levels; the value is treated as unknown", p.Message);
    }

    // ---- Ref: parameters, pseudo parameters, resources ----

    [Theory]
    [InlineData("!Ref AWS::NoValue", "NoValue")]
    [InlineData("!Ref Str", "abc")]
    [InlineData("{ Ref: Str }", "abc")]
    [InlineData("!Ref NoDef", "<parameter 'NoDef' has no default and no value was given (--parameter NoDef=...)>")]
    [InlineData("!Ref NullDef", "<parameter 'NullDef' has no default and no value was given (--parameter NullDef=...)>")]
    [InlineData("!Ref EmptyDef", "<parameter 'EmptyDef' defaults to an empty value, for the deployer to fill in (--parameter EmptyDef=...)>")]
    [InlineData("!Select [1, !Ref EmptyList]", "<Fn::Select from an unknown list>")]
    [InlineData("!Ref ListP", "[a, b, c]")]
    [InlineData("!Ref SubnetsP", "[subnet-1, subnet-2]")]
    [InlineData("!Ref Untyped", "u,v")]
    [InlineData("!Ref Ssm", "<parameter 'Ssm' is read from SSM Parameter Store at deploy time>")]
    [InlineData("!Ref DefList", "[x, y]")]
    [InlineData("!Ref Vpc", "{Vpc}")]
    [InlineData("!Ref AWS::AccountId", "<the pseudo parameter AWS::AccountId is not given +account>")]
    [InlineData("!Ref AWS::Region", "<the pseudo parameter AWS::Region is not given (--parameter AWS::Region=...)>")]
    [InlineData("!Ref AWS::Partition", "<the pseudo parameter AWS::Partition is not given (--parameter AWS::Partition=...)>")]
    [InlineData("!Ref AWS::StackName", "<the pseudo parameter AWS::StackName is not given (--parameter AWS::StackName=...)>")]
    [InlineData("!Ref AWS::NotificationARNs", "<the pseudo parameter AWS::NotificationARNs is not given (--parameter AWS::NotificationARNs=...)>")]
    public void Ref_without_run_values(string expr, string expected)
    {
        var (v, problems) = EP(expr);
        Assert.Equal(expected, v);
        Assert.Empty(problems);
    }

    [Fact]
    public void Ref_to_nothing_and_a_bad_argument_are_problems()
    {
        var (v, problems) = EP("!Ref Missing");
        Assert.Equal("<Ref to nothing>", v);
        Assert.Equal(new[] { "'Ref' to 'Missing', which is neither a parameter nor a resource of this template" }, problems);

        (v, problems) = EP("{ Ref: [Str] }");
        Assert.Equal("<bad Ref>", v);
        Assert.Equal(new[] { "expected a name for 'Ref', found a list" }, problems);
    }

    [Theory]
    [InlineData("!Ref Str", "zz")]
    [InlineData("!Ref NoDef", "given")]
    [InlineData("!Ref ListP", "[q, r]")]
    [InlineData("!Ref AWS::Region", "eu-west-2")]
    [InlineData("!Ref AWS::AccountId", "111122223333")]
    [InlineData("!Ref AWS::StackName", "run-stack")]
    [InlineData("!Sub '${AWS::Region}-${Str}'", "eu-west-2-zz")]
    public void Ref_run_values_win_over_defaults(string expr, string expected)
    {
        var run = P(("Str", "zz"), ("NoDef", "given"), ("ListP", "q, r"), ("AWS::Region", "eu-west-2"), ("AWS::AccountId", "111122223333"), ("AWS::StackName", "run-stack"));
        Assert.Equal(expected, EP(expr, run).Value);
    }

    [Fact]
    public void Ref_to_a_resource_is_the_resource_even_when_another_templates_parameter_of_that_name_is_given()
    {
        // Run values apply to every template; in this one 'Vpc' names a resource, and parameters and resources
        // share one namespace in a template.
        Assert.Equal("{Vpc}", EP("!Ref Vpc", P(("Vpc", "vpc-0123"))).Value);
        Assert.Equal("<'${Vpc}' is a physical id known only after deployment>", EP("!Sub '${Vpc}'", P(("Vpc", "vpc-0123"))).Value);
    }

    [Fact]
    public void Ref_a_declared_parameter_wins_over_a_resource_of_the_same_name()
    {
        // CloudFormation rejects such a template; the reader takes the parameter, as a Ref to a parameter does.
        var kit = new ResolverKit("Parameters:\n  Vpc:\n    Type: String\n    Default: vpc-param\n" + ResolverKit.StandardResources + "Test: !Ref Vpc\n");
        Assert.Equal("vpc-param", ResolverKit.Show(kit.Value()));
    }

    [Fact]
    public void Ref_a_parameter_that_keeps_its_previous_value_is_unknown_never_its_default()
    {
        var kit = new ResolverKit(Params + ResolverKit.StandardResources + "Test: !Ref Str\n", unknownParameters: new[] { "Str" });
        Assert.Equal("<parameter 'Str' keeps its previous value (UsePreviousValue), which is not known offline>", ResolverKit.Show(kit.Value()));
    }

    [Fact]
    public void Ref_a_resource_that_is_not_created_is_unknown()
    {
        var kit = ResolverKit.Of("!Ref Vpc");
        kit.Template.Resources["Vpc"].Created = false;
        Assert.Equal("<resource 'Vpc' is not created (its condition is false)>", ResolverKit.Show(kit.Value()));
        Assert.Empty(kit.Problems);
    }

    [Theory]
    [InlineData("!Ref AWS::StackName", "net")]
    [InlineData("!Ref AWS::AccountId", "444455556666")]
    [InlineData("!Ref AWS::Region", "ap-south-1")]
    [InlineData("!Ref Extra", "stack-extra")]
    [InlineData("!Ref Str", "stack-value")]
    [InlineData("!Ref ListP", "[s, t]")]
    [InlineData("!Ref NoDef", "<parameter 'NoDef' keeps its previous value (UsePreviousValue), which is not known offline>")]
    [InlineData("!Ref Suffix", "cidr")]
    [InlineData("!Ref AWS::Partition", "aws-cn")]
    public void Ref_the_stacks_own_values_win_over_the_runs(string expr, string expected)
    {
        var kit = ResolverKit.Of(expr, Params, P(("AWS::StackName", "run"), ("AWS::AccountId", "111122223333"), ("AWS::Region", "eu-west-2"), ("Str", "run-value"), ("NoDef", "run-value"), ("AWS::Partition", "aws-cn")));
        kit.Template.Stack = new StackSettings
        {
            Name = "net",
            Account = "444455556666",
            Region = "ap-south-1",
            Parameters = new Dictionary<string, string> { ["Str"] = "stack-value", ["ListP"] = "s,t", ["AWS::Region"] = "not-the-region", ["Extra"] = "stack-extra" },
            UnknownParameters = new[] { "NoDef" },
        };
        Assert.Equal(expected, ResolverKit.Show(kit.Value()));
    }

    [Fact]
    public void Ref_a_stack_without_a_name_takes_the_runs_stack_name()
    {
        var kit = ResolverKit.Of("!Ref AWS::StackName", string.Empty, P(("AWS::StackName", "run")));
        kit.Template.Stack = new StackSettings { Region = "ap-south-1" };
        Assert.Equal("run", ResolverKit.Show(kit.Value()));
    }

    // ---- Nested stacks: passed parameters and outputs ----

    private const string ChildTemplate =
        "Parameters:\n  Str:\n    Type: String\n    Default: child-default\n  ListP:\n    Type: CommaDelimitedList\n  Loop:\n    Type: String\n  NotPassed:\n    Type: String\n    Default: nd\n" +
        "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.9.0.0/16\n" +
        "Outputs:\n  Cidr:\n    Value: !GetAtt Vpc.CidrBlock\n  Looped:\n    Value: !Ref Loop\n  NoValue:\n    Description: nothing\n  Scalar: x\n" +
        "Test: !Ref Str\n";

    private static (ResolverKit Parent, ResolverKit Child) Nested(string passed, Dictionary<string, string>? run = null)
    {
        var parent = new ResolverKit(
            ResolverKit.StandardResources.Replace("      TemplateURL: child.yaml\n", "      TemplateURL: child.yaml\n      Parameters:\n" + passed) + "Test: !GetAtt Child.Outputs.Cidr\n",
            run);
        var child = new ResolverKit(parent.Run, ChildTemplate, "child.yaml");
        var stack = parent.Template.Resources["Child"];
        child.Template.Parent = stack;
        parent.Run.Nested[stack] = child.Template;
        return (parent, child);
    }

    private static string Eval(ResolverKit kit, string expr) => kit.Show(expr);

    [Fact]
    public void Nested_stack_parameters_are_the_values_the_parent_passes()
    {
        var (_, child) = Nested("        Str: !Sub '${AWS::Region}-x'\n        ListP: p, q\n        Vpc: vpc-passed\n        Extra: extra\n", P(("AWS::Region", "eu-west-1"), ("NotPassed", "run-value")));
        Assert.Equal("eu-west-1-x", ResolverKit.Show(child.Value()));
        Assert.Equal("[p, q]", Eval(child, "!Ref ListP"));

        // A name the parent passes that is not a parameter of the child (here its own resource) is not taken.
        Assert.Equal("{Vpc}", Eval(child, "!Ref Vpc"));
        Assert.Equal("<Ref to nothing>", Eval(child, "!Ref Extra"));

        // Not passed: the run's value, as for a top-level template.
        Assert.Equal("run-value", Eval(child, "!Ref NotPassed"));
        Assert.Equal("<a nested stack's name is chosen by CloudFormation at deploy time>", Eval(child, "!Ref AWS::StackName"));
        Assert.Equal(new[] { "'Ref' to 'Extra', which is neither a parameter nor a resource of this template" }, child.Messages);
        Assert.Empty(child.Run.InProgress);
    }

    [Fact]
    public void Nested_stack_parameter_passed_as_a_resource_keeps_the_resource()
    {
        var (_, child) = Nested("        Str: !Ref Sg\n");
        var v = child.Value();
        Assert.Equal("{Sg}", ResolverKit.Show(v));
        Assert.Equal("child.yaml", ResolverKit.At(v).Path);
    }

    [Fact]
    public void Nested_stack_outputs_read_in_the_child()
    {
        var (parent, child) = Nested("        Str: x\n");
        var v = parent.Value();
        Assert.Equal("10.9.0.0/16", ResolverKit.Show(v));
        Assert.Equal("t.yaml", ResolverKit.At(v).Path);
        Assert.Empty(parent.Run.InProgress);
        Assert.Equal("10.9.0.0/16", ResolverKit.Show(parent.Value()));

        Assert.Equal("<output of nothing>", Eval(parent, "!GetAtt Child.Outputs.Missing"));
        Assert.Equal("<output of nothing>", Eval(parent, "!GetAtt Child.Outputs.NoValue"));
        Assert.Equal("<output of nothing>", Eval(parent, "!GetAtt Child.Outputs.Scalar"));
        Assert.Contains("nested stack 'Child' (child.yaml) has no output 'Missing'", parent.Messages);
        Assert.Equal("<attribute Child.Arn is only known after deployment>", Eval(parent, "!GetAtt Child.Arn"));
        Assert.Equal("<attribute Child.OutputsCidr is only known after deployment>", Eval(parent, "!GetAtt Child.OutputsCidr"));
    }

    [Fact]
    public void Nested_stack_whose_template_is_not_read_has_unknown_outputs()
    {
        var kit = ResolverKit.Of("!GetAtt Child.Outputs.Cidr");
        Assert.Equal("<the template of nested stack 'Child' is not read (its TemplateURL is not a local file among or next to the inputs)>", ResolverKit.Show(kit.Value()));
        Assert.Empty(kit.Problems);
    }

    [Fact]
    public void Nested_stack_cycles_through_outputs_and_parameters_are_reported_from_either_end()
    {
        var (parent, child) = Nested("        Loop: !GetAtt Child.Outputs.Looped\n");
        Assert.Equal("<circular reference>", Eval(parent, "!GetAtt Child.Outputs.Looped"));
        Assert.Equal(new[] { "circular reference: output 'Looped' of nested stack 'Child' depends on itself" }, parent.Messages);

        var (parent2, child2) = Nested("        Loop: !GetAtt Child.Outputs.Looped\n");
        Assert.Equal("<circular reference>", Eval(child2, "!Ref Loop"));
        Assert.Equal(new[] { "circular reference: parameter 'Loop' of nested stack 'Child' depends on itself" }, parent2.Messages);

        // The guards are released: a second evaluation reports the same cycle, not a different one.
        Assert.Equal("<circular reference>", Eval(child2, "!Ref Loop"));
        Assert.Empty(child2.Run.InProgress);
        Assert.Empty(child.Run.InProgress);
    }

    // ---- Fn::GetAtt ----

    [Theory]
    [InlineData("!GetAtt Vpc.VpcId", "{Vpc}")]
    [InlineData("!GetAtt Sg.GroupId", "{Sg}")]
    [InlineData("!GetAtt Sub1.SubnetId", "{Sub1}")]
    [InlineData("!GetAtt Rt.RouteTableId", "{Rt}")]
    [InlineData("!GetAtt Igw.InternetGatewayId", "{Igw}")]
    [InlineData("!GetAtt Pcx.Id", "{Pcx}")]
    [InlineData("!GetAtt Acl.Id", "{Acl}")]
    [InlineData("!GetAtt Nat.NatGatewayId", "{Nat}")]
    [InlineData("!GetAtt Eip.AllocationId", "{Eip}")]
    [InlineData("!GetAtt Eip.PublicIp", "{Eip}")]
    [InlineData("!GetAtt Vpc.CidrBlock", "10.1.0.0/16")]
    [InlineData("!GetAtt Sub1.CidrBlock", "10.1.1.0/24")]
    [InlineData("!GetAtt Sub1.VpcId", "{Vpc}")]
    [InlineData("!GetAtt Sub1.AvailabilityZone", "eu-west-1a")]
    [InlineData("!GetAtt Sg.VpcId", "{Vpc}")]
    [InlineData("!GetAtt Bare.CidrBlock", "<Bare has no CidrBlock>")]
    [InlineData("!GetAtt Vpc.CidrBlockAssociations", "<attribute Vpc.CidrBlockAssociations is only known after deployment>")]
    [InlineData("!GetAtt Sg.GroupName", "<attribute Sg.GroupName is only known after deployment>")]
    [InlineData("!GetAtt Vpc.", "<attribute Vpc. is only known after deployment>")]
    [InlineData("!GetAtt [Vpc, CidrBlock]", "10.1.0.0/16")]
    [InlineData("{ Fn::GetAtt: [Vpc, CidrBlock] }", "10.1.0.0/16")]
    [InlineData("{ Fn::GetAtt: Vpc.CidrBlock }", "10.1.0.0/16")]
    [InlineData("!GetAtt [Vpc, !Ref NoDef]", "<Fn::GetAtt with an unknown attribute name>")]
    [InlineData("!GetAtt [!Join ['', [V, pc]], !Join ['', [Cidr, Block]]]", "10.1.0.0/16")]
    public void GetAtt_attributes(string expr, string expected)
    {
        var (v, problems) = EP(expr);
        Assert.Equal(expected, v);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("!GetAtt Vpc")]
    [InlineData("!GetAtt .CidrBlock")]
    [InlineData("!GetAtt [!Ref NoDef, CidrBlock]")]
    [InlineData("!GetAtt [!Ref NoDef, !Ref NoDef]")]
    [InlineData("!GetAtt [Vpc, CidrBlock, x]")]
    [InlineData("!GetAtt [Vpc]")]
    [InlineData("{ Fn::GetAtt: !Sub 'Vpc.CidrBlock' }")]
    [InlineData("{ Fn::GetAtt: { a: b } }")]
    public void GetAtt_bad_forms_are_problems(string expr)
    {
        var (v, problems) = EP(expr);
        Assert.Equal("<bad GetAtt>", v);
        Assert.Equal(new[] { "expected 'Fn::GetAtt' as [resource, attribute] or \"resource.attribute\"" }, problems);
    }

    [Fact]
    public void GetAtt_of_nothing_or_of_a_resource_not_created()
    {
        var (v, problems) = EP("!GetAtt Nope.CidrBlock");
        Assert.Equal("<GetAtt of nothing>", v);
        Assert.Equal(new[] { "'Fn::GetAtt' of 'Nope', which is not a resource of this template" }, problems);

        var kit = ResolverKit.Of("!GetAtt Vpc.CidrBlock");
        kit.Template.Resources["Vpc"].Created = false;
        Assert.Equal("<resource 'Vpc' is not created (its condition is false)>", ResolverKit.Show(kit.Value()));
        Assert.Empty(kit.Problems);
    }

    [Fact]
    public void GetAtt_default_security_group_is_synthesized_and_recorded()
    {
        var kit = ResolverKit.Of("!GetAtt Vpc.DefaultSecurityGroup");
        Assert.Equal("{Vpc.DefaultSecurityGroup}", ResolverKit.Show(kit.Value()));
        Assert.Same(kit.Template.Resources["Vpc"], Assert.Single(kit.Run.DefaultGroupsUsed).Value);

        var other = ResolverKit.Of("!GetAtt Vpc.VpcId");
        other.Value();
        Assert.Empty(other.Run.DefaultGroupsUsed);
    }

    [Fact]
    public void GetAtt_of_a_property_points_at_the_call_and_releases_its_guard()
    {
        var kit = ResolverKit.Of("!GetAtt Vpc.CidrBlock");
        var v = kit.Value();
        Assert.Equal(kit.Node().Location(), ResolverKit.At(v));
        Assert.Empty(kit.Run.InProgress);
        Assert.Equal("10.1.0.0/16", ResolverKit.Show(kit.Value()));

        var cycle = new ResolverKit("Resources:\n  A:\n    Type: AWS::EC2::Subnet\n    Properties:\n      CidrBlock: !Sub '${A.CidrBlock}'\nTest: !GetAtt A.CidrBlock\n");
        Assert.Equal("<'${A.CidrBlock}' is unknown>", ResolverKit.Show(cycle.Value()));
        Assert.Equal(new[] { "circular reference: A.CidrBlock depends on itself through Fn::GetAtt/Fn::Sub" }, cycle.Messages);
        Assert.Empty(cycle.Run.InProgress);
    }

    // ---- Fn::Sub ----

    [Theory]
    [InlineData("!Sub plain", "plain")]
    [InlineData("!Sub ''", "")]
    [InlineData("!Sub 'a${Str}b${Str}c'", "aabcbabcc")]
    [InlineData("!Sub '${ Str }'", "abc")]
    [InlineData("!Sub '${!Str}'", "${Str}")]
    [InlineData("!Sub 'x${!Str}y${Str}'", "x${Str}yabc")]
    [InlineData("!Sub 'a${Str'", "a${Str")]
    [InlineData("!Sub 'x${Str}y${'", "xabcy${")]
    [InlineData("!Sub ['${X}-${Str}', { X: '1' }]", "1-abc")]
    [InlineData("!Sub ['${Str}', { Str: v }]", "v")]
    [InlineData("!Sub ['${X}', { X: !Ref Str }]", "abc")]
    [InlineData("!Sub ['a', {}]", "a")]
    [InlineData("{ Fn::Sub: ['${X}', { X: '2' }] }", "2")]
    [InlineData("{ Fn::Sub: 'n-${Str}' }", "n-abc")]
    [InlineData("{ Fn::Sub: !Join ['', ['a', '${Str}']] }", "aabc")]
    [InlineData("!Sub '${Vpc.CidrBlock}'", "10.1.0.0/16")]
    [InlineData("!Sub '${Sub1.AvailabilityZone}x'", "eu-west-1ax")]
    [InlineData("!Sub '${Vpc}'", "<'${Vpc}' is a physical id known only after deployment>")]
    [InlineData("!Sub '${Vpc}${NoDef}'", "<'${Vpc}' is a physical id known only after deployment>")]
    [InlineData("!Sub '${NoDef}${Vpc}'", "<'${NoDef}' is unknown>")]
    [InlineData("!Sub '${Vpc.VpcId}'", "<'${Vpc.VpcId}' is a physical id known only after deployment>")]
    [InlineData("!Sub '${AWS::Region}'", "<'${AWS::Region}' is unknown>")]
    [InlineData("!Sub [!Ref NoDef, {}]", "<Fn::Sub of an unknown string>")]
    public void Sub_substitutes(string expr, string expected)
    {
        var (v, problems) = EP(expr);
        Assert.Equal(expected, v);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("!Sub [a, b]", "<bad Sub>", "expected 'Fn::Sub' as a string or [string, {variables}]")]
    [InlineData("!Sub [a]", "<bad Sub>", "expected 'Fn::Sub' as a string or [string, {variables}]")]
    [InlineData("!Sub [a, {}, {}]", "<bad Sub>", "expected 'Fn::Sub' as a string or [string, {variables}]")]
    [InlineData("!Sub [[a], {}]", "<bad Fn::Sub>", "expected a string for 'Fn::Sub', found a list")]
    [InlineData("!Sub '${Nope.CidrBlock}'", "<Sub of nothing>", "'Fn::Sub' refers to '${Nope.CidrBlock}', but 'Nope' is not a resource of this template")]
    [InlineData("!Sub '${.x}'", "<'${.x}' is unknown>", "'Ref' to '.x', which is neither a parameter nor a resource of this template")]
    [InlineData("!Sub '${Missing}'", "<'${Missing}' is unknown>", "'Ref' to 'Missing', which is neither a parameter nor a resource of this template")]
    public void Sub_bad_forms_and_names_are_problems(string expr, string expected, string problem)
    {
        var (v, problems) = EP(expr);
        Assert.Equal(expected, v);
        Assert.Equal(new[] { problem }, problems);
    }

    [Fact]
    public void Sub_of_an_attribute_of_a_resource_not_created_is_unknown()
    {
        var kit = ResolverKit.Of("!Sub '${Vpc.CidrBlock}'");
        kit.Template.Resources["Vpc"].Created = false;
        Assert.Equal("<'${Vpc.CidrBlock}' is unknown>", ResolverKit.Show(kit.Value()));
        Assert.Empty(kit.Problems);
    }

    // ---- Fn::Join, Fn::Select, Fn::Split ----

    [Theory]
    [InlineData("!Join [', ', [a, b, c]]", "a, b, c")]
    [InlineData("!Join ['', []]", "")]
    [InlineData("!Join ['-', [a, !Ref AWS::NoValue, b]]", "a-b")]
    [InlineData("!Join ['-', !Ref ListP]", "a-b-c")]
    [InlineData("!Join [!Ref NoDef, [a]]", "<Fn::Join of an unknown list>")]
    [InlineData("!Join ['-', !Ref NoDef]", "<Fn::Join of an unknown list>")]
    [InlineData("!Join ['-', [a, !Ref NoDef]]", "<Fn::Join of an unknown value>")]
    [InlineData("!Join ['-', [a, !Ref Vpc]]", "<Fn::Join of an unknown value>")]
    [InlineData("!Select [1, [a, b, c]]", "b")]
    [InlineData("!Select [2, [a, b, c]]", "c")]
    [InlineData("!Select ['0', [!Ref Vpc]]", "{Vpc}")]
    [InlineData("!Select [1, !Ref SubnetsP]", "subnet-2")]
    [InlineData("!Select [!Ref NoDef, [a, b]]", "<Fn::Select with an unknown index>")]
    [InlineData("!Select [!Ref NoDef, [a, !Ref Vpc]]", "<Fn::Select with an unknown index +resource>")]
    [InlineData("!Select [0, !Ref NoDef]", "<Fn::Select from an unknown list>")]
    [InlineData("!Select [0, !Ref Vpc]", "<Fn::Select from an unknown list>")]
    [InlineData("!Select [0, !If [U, !Ref Vpc, !Ref Sg]]", "<Fn::Select from an unknown list +resource>")]
    [InlineData("!Split [',', 'a,b,,c']", "[a, b, , c]")]
    [InlineData("!Split ['::', 'a::b']", "[a, b]")]
    [InlineData("!Split ['', 'a b']", "[a b]")]
    [InlineData("!Split [!Ref NoDef, 'a']", "<Fn::Split of an unknown string>")]
    [InlineData("!Split [',', !Ref NoDef]", "<Fn::Split of an unknown string>")]
    public void Join_select_split(string expr, string expected)
    {
        var (v, problems) = EP(expr);
        Assert.Equal(expected, v);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("!Join ['-', abc]", "<bad Fn::Join>", "expected [delimiter, [values]] for 'Fn::Join', found a string")]
    [InlineData("!Join [[a], [b]]", "<bad Fn::Join>", "expected [delimiter, [values]] for 'Fn::Join', found a list")]
    [InlineData("!Join [a]", "<bad Join>", "expected a list of 2 argument(s) for 'Fn::Join', found a list of 1")]
    [InlineData("!Join abc", "<bad Join>", "expected a list of 2 argument(s) for 'Fn::Join', found a string")]
    [InlineData("{ Fn::Join: { a: b } }", "<bad Join>", "expected a list of 2 argument(s) for 'Fn::Join', found a mapping")]
    [InlineData("!Select [3, [a, b, c]]", "<index out of range>", "'Fn::Select' index 3 is out of range: the list has 3 item(s)")]
    [InlineData("!Select [0, []]", "<index out of range>", "'Fn::Select' index 0 is out of range: the list has 0 item(s)")]
    [InlineData("!Select ['-1', [a]]", "<bad index>", "expected a non-negative integer index for 'Fn::Select', found '-1'")]
    [InlineData("!Select [' 0', [a]]", "<bad index>", "expected a non-negative integer index for 'Fn::Select', found ' 0'")]
    [InlineData("!Select [x, [a]]", "<bad index>", "expected a non-negative integer index for 'Fn::Select', found 'x'")]
    [InlineData("!Select [[0], [a]]", "<bad index>", "expected a non-negative integer index for 'Fn::Select', found '[0]'")]
    [InlineData("!Select [0, abc]", "<bad Fn::Select>", "expected [index, [values]] for 'Fn::Select', found a string")]
    [InlineData("!Select [0, [a], [b]]", "<bad Select>", "expected a list of 2 argument(s) for 'Fn::Select', found a list of 3")]
    [InlineData("!Split [',']", "<bad Split>", "expected a list of 2 argument(s) for 'Fn::Split', found a list of 1")]
    public void Join_select_split_bad_arguments_are_problems(string expr, string expected, string problem)
    {
        var (v, problems) = EP(expr);
        Assert.Equal(expected, v);
        Assert.Equal(new[] { problem }, problems);
    }

    // ---- Fn::FindInMap ----

    [Theory]
    [InlineData("!FindInMap [Net, prod, Cidr]", "10.10.0.0/16")]
    [InlineData("!FindInMap [Net, prod, Cidr, { DefaultValue: d }]", "10.10.0.0/16")]
    [InlineData("!FindInMap [Net, dev, Cidr, { DefaultValue: d }]", "d")]
    [InlineData("!FindInMap [Nope, dev, Cidr, { DefaultValue: !Ref Str }]", "abc")]
    [InlineData("!FindInMap [!Ref NoDef, prod, Cidr]", "<Fn::FindInMap with an unknown key>")]
    [InlineData("!FindInMap [Net, !Ref NoDef, Cidr]", "<Fn::FindInMap with an unknown key>")]
    [InlineData("!FindInMap [Net, prod, !Ref NoDef]", "<Fn::FindInMap with an unknown key>")]
    public void FindInMap_values(string expr, string expected)
    {
        var (v, problems) = EP(expr);
        Assert.Equal(expected, v);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("!FindInMap [Nope, prod, Cidr]", "<FindInMap of nothing>", "'Fn::FindInMap': mapping 'Nope' does not exist")]
    [InlineData("!FindInMap [Net, dev, Cidr]", "<FindInMap of nothing>", "'Fn::FindInMap': mapping 'Net' has no key 'dev'")]
    [InlineData("!FindInMap [Net, prod, Nope]", "<FindInMap of nothing>", "'Fn::FindInMap': mapping 'Net'/'prod' has no key 'Nope'")]
    [InlineData("!FindInMap [Net, dev, Cidr, d]", "<FindInMap of nothing>", "'Fn::FindInMap': mapping 'Net' has no key 'dev'")]
    [InlineData("!FindInMap [Net, dev, Cidr, { Other: d }]", "<FindInMap of nothing>", "'Fn::FindInMap': mapping 'Net' has no key 'dev'")]
    [InlineData("!FindInMap [Net, prod]", "<bad FindInMap>", "expected a list of 3 to 4 argument(s) for 'Fn::FindInMap', found a list of 2")]
    [InlineData("!FindInMap [Net, prod, Cidr, {}, x]", "<bad FindInMap>", "expected a list of 3 to 4 argument(s) for 'Fn::FindInMap', found a list of 5")]
    public void FindInMap_problems(string expr, string expected, string problem)
    {
        var (v, problems) = EP(expr);
        Assert.Equal(expected, v);
        Assert.Equal(new[] { problem }, problems);
    }

    // ---- Fn::Cidr ----

    [Theory]
    [InlineData("!Cidr [10.0.0.0/24, 2, 7]", "[10.0.0.0/25, 10.0.0.128/25]")]
    [InlineData("!Cidr [!Ref NoDef, 2, 7]", "<Fn::Cidr of an unknown value>")]
    [InlineData("!Cidr [10.0.0.0/24, !Ref NoDef, 7]", "<Fn::Cidr of an unknown value>")]
    [InlineData("!Cidr [10.0.0.0/24, 2, !Ref NoDef]", "<Fn::Cidr of an unknown value>")]
    public void Cidr_in_a_template(string expr, string expected)
    {
        var (v, problems) = EP(expr);
        Assert.Equal(expected, v);
        Assert.Empty(problems);
    }

    [Fact]
    public void Cidr_bad_arguments_are_problems_with_the_reason()
    {
        var (v, problems) = EP("!Cidr [10.0.0.0/24, 3, 7]");
        Assert.Equal("<bad Cidr>", v);
        Assert.Equal(new[] { "'Fn::Cidr': 10.0.0.0/24 holds only 2 block(s) of /25, not 3" }, problems);

        (v, problems) = EP("!Cidr [10.0.0.0/24, 3]");
        Assert.Equal("<bad Cidr>", v);
        Assert.Equal(new[] { "expected a list of 3 argument(s) for 'Fn::Cidr', found a list of 2" }, problems);
    }

    [Theory]
    [InlineData("10.0.0.0/24", "1", "8", "10.0.0.0/24")]
    [InlineData("10.0.0.0/24", "8", "5", "10.0.0.0/27 10.0.0.32/27 10.0.0.64/27 10.0.0.96/27 10.0.0.128/27 10.0.0.160/27 10.0.0.192/27 10.0.0.224/27")]
    [InlineData("0.0.0.0/0", "1", "32", "0.0.0.0/0")]
    [InlineData("10.0.0.0/8", "256", "1", "10.0.0.0/31")]
    [InlineData("10.0.0.0/16", "1", "1", "10.0.0.0/31")]
    [InlineData(" 10.0.0.0/24 ", " 2 ", " 7 ", "10.0.0.0/25 10.0.0.128/25")]
    [InlineData("2600:1f16:a5d:2a00::/56", "2", "64", "2600:1f16:a5d:2a00::/64 2600:1f16:a5d:2a01::/64")]
    [InlineData("::/0", "1", "128", "::/0")]
    public void TryCidr_accepts_the_bounds(string block, string count, string bits, string expected)
    {
        Assert.True(IntrinsicResolver.TryCidr(block, count, bits, out var result, out var problem));
        Assert.Null(problem);
        string all = string.Join(" ", result.Select(c => c.ToString()));
        if (expected.Contains(' ') || count == "1")
        {
            Assert.Equal(expected, all);
        }
        else
        {
            Assert.Equal(int.Parse(count), result.Count);
            Assert.StartsWith(expected, all);
        }
    }

    [Theory]
    [InlineData("10.0.0.0/24", "0", "5", "count '0' must be an integer from 1 to 256")]
    [InlineData("10.0.0.0/8", "257", "1", "count '257' must be an integer from 1 to 256")]
    [InlineData("10.0.0.0/8", "-1", "1", "count '-1' must be an integer from 1 to 256")]
    [InlineData("10.0.0.0/8", "x", "1", "count 'x' must be an integer from 1 to 256")]
    [InlineData("10.0.0.0/8", "1", "0", "cidrBits '0' must be an integer from 1 to 32")]
    [InlineData("10.0.0.0/8", "1", "33", "cidrBits '33' must be an integer from 1 to 32")]
    [InlineData("10.0.0.0/8", "1", "x", "cidrBits 'x' must be an integer from 1 to 32")]
    [InlineData("::/0", "1", "129", "cidrBits '129' must be an integer from 1 to 128")]
    [InlineData("10.0.0.0/24", "1", "9", "cidrBits 9 gives /23 blocks, larger than 10.0.0.0/24")]
    [InlineData("10.0.0.0/24", "9", "5", "10.0.0.0/24 holds only 8 block(s) of /27, not 9")]
    [InlineData("10.0.0.0/24", "2", "8", "10.0.0.0/24 holds only 1 block(s) of /24, not 2")]
    public void TryCidr_rejects_past_the_bounds(string block, string count, string bits, string expected)
    {
        Assert.False(IntrinsicResolver.TryCidr(block, count, bits, out var result, out var problem));
        Assert.Equal(expected, problem);
        Assert.Empty(result);
    }

    [Fact]
    public void TryCidr_a_malformed_block_is_rejected_with_the_parsers_reason()
    {
        Assert.False(IntrinsicResolver.TryCidr("10.0.0/24", "1", "8", out _, out var problem));
        Assert.StartsWith("'10.0.0/24' is not a CIDR block (", problem);
    }

    // ---- Fn::If and conditions ----

    [Theory]
    [InlineData("!If [T, a, b]", "a")]
    [InlineData("!If [F, a, b]", "b")]
    [InlineData("!If [U, a, b]", "<condition 'U' cannot be decided>")]
    [InlineData("!If [U, a, a]", "a")]
    [InlineData("!If [U, !Ref Vpc, !Ref Vpc]", "{Vpc}")]
    [InlineData("!If [U, !Ref Vpc, b]", "<condition 'U' cannot be decided +resource>")]
    [InlineData("!If [U, b, !Ref Vpc]", "<condition 'U' cannot be decided +resource>")]
    [InlineData("!If [U, [!Ref Vpc], b]", "<condition 'U' cannot be decided +resource>")]
    [InlineData("!If [F, !Ref Vpc, b]", "b")]
    [InlineData("!If [T, !Ref AWS::NoValue, b]", "NoValue")]
    [InlineData("{ Fn::If: [!Join ['', [T]], a, b] }", "a")]
    public void If_picks_a_branch_or_both(string expr, string expected)
    {
        var (v, problems) = EP(expr);
        Assert.Equal(expected, v);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("!If [[T], a, b]", "<bad If>", "expected a condition name as the first argument of 'Fn::If'")]
    [InlineData("!If [T, a]", "<bad If>", "expected a list of 3 argument(s) for 'Fn::If', found a list of 2")]
    [InlineData("!If [Undefined, a, b]", "<condition 'Undefined' cannot be decided>", "condition 'Undefined' is not defined in 'Conditions'")]
    public void If_bad_arguments_are_problems(string expr, string expected, string problem)
    {
        var (v, problems) = EP(expr);
        Assert.Equal(expected, v);
        Assert.Equal(new[] { problem }, problems);
    }

    [Fact]
    public void If_a_decided_branch_keeps_its_own_place_and_an_undecided_equal_pair_is_placed_at_the_call()
    {
        var kit = ResolverKit.Of("!If [T, !Ref Str, b]", Params + Conditions);
        var v = kit.Value();
        Assert.Equal("abc", ResolverKit.Show(v));
        Assert.Equal(((SequenceNode)kit.Node()).Items[1].Location(), ResolverKit.At(v));

        var undecided = ResolverKit.Of("!If [U, [a], [a]]", Params + Conditions);
        var u = undecided.Value();
        Assert.Equal("[a]", ResolverKit.Show(u));
        Assert.Equal(undecided.Node().Location(), ResolverKit.At(u));
        Assert.Equal(undecided.Node().Location(), ResolverKit.At(u.Items[0]));
    }

    private const string NamedConditions =
        "  NotT: !Not [!Condition T]\n" +
        "  NotF: !Not [!Condition F]\n" +
        "  NotU: !Not [!Condition U]\n" +
        "  AndTT: !And [!Condition T, { Condition: T }]\n" +
        "  AndTF: !And [!Condition T, !Condition F]\n" +
        "  AndUF: !And [!Condition U, !Condition F]\n" +
        "  AndFU: !And [!Condition F, !Condition U]\n" +
        "  AndUT: !And [!Condition U, !Condition T]\n" +
        "  OrFT: !Or [!Condition F, !Condition T]\n" +
        "  OrUT: !Or [!Condition U, !Condition T]\n" +
        "  OrTU: !Or [!Condition T, !Condition U]\n" +
        "  OrFF: !Or [!Condition F, !Condition F]\n" +
        "  OrUF: !Or [!Condition U, !Condition F]\n" +
        "  OrTen: !Or [!Condition F, !Condition F, !Condition F, !Condition F, !Condition F, !Condition F, !Condition F, !Condition F, !Condition F, !Condition T]\n" +
        "  PlainTrue: 'true'\n" +
        "  PlainFalse: 'False'\n" +
        "  PlainX: x\n" +
        "  PlainList: [a]\n" +
        "  EqResSame: !Equals [!Ref Vpc, !Ref Vpc]\n" +
        "  EqResOther: !Equals [!Ref Vpc, !Ref Sg]\n" +
        "  EqResText: !Equals [!Ref Vpc, vpc-1]\n" +
        "  EqTextRes: !Equals [vpc-1, !Ref Vpc]\n" +
        "  EqResLists: !Equals [[!Ref Vpc, a], [!Ref Vpc, a]]\n" +
        "  EqResListsOther: !Equals [[!Ref Vpc, a], [!Ref Vpc, b]]\n" +
        "  EqLists: !Equals [[a, b], [a, b]]\n" +
        "  EqListUnknown: !Equals [[!Ref NoDef], [x]]\n" +
        "  EqMapRes: !Equals [{ a: !Ref Vpc }, { a: x }]\n" +
        "  EqMaps: !Equals [{ a: x }, { a: y }]\n" +
        "  EqListsOther: !Equals [[a, b], [b, a]]\n" +
        "  EqUnknowns: !Equals [!Ref NoDef, !Ref NoDef]\n" +
        "  EqUnknownRes: !Equals [!Ref NoDef, !Ref Vpc]\n" +
        "  EqAccount: !Equals [!Ref AWS::AccountId, '123456789012']\n" +
        "  EqParam: !Equals [!Ref Str, abc]\n" +
        "  CondShort: !Condition T\n" +
        "  CondLong: { Condition: F }\n" +
        "  CondList: { Condition: [T] }\n" +
        "  IfTrue: !If [T, 'true', 'false']\n" +
        "  IfFalse: !If [F, 'true', 'false']\n" +
        "  IfText: !If [T, x, y]\n" +
        "  IfUndecided: !If [U, 'true', 'false']\n" +
        "  OtherFunction: !Join ['', [tr, ue]]\n" +
        "  Loop1: !Condition Loop2\n" +
        "  Loop2: !Not [!Condition Loop1]\n";

    private static ResolverKit ConditionKit() => ResolverKit.Of("x", Params + Conditions + NamedConditions);

    [Theory]
    [InlineData("T", true)]
    [InlineData("F", false)]
    [InlineData("U", null)]
    [InlineData("NotT", false)]
    [InlineData("NotF", true)]
    [InlineData("NotU", null)]
    [InlineData("AndTT", true)]
    [InlineData("AndTF", false)]
    [InlineData("AndUF", false)]
    [InlineData("AndFU", false)]
    [InlineData("AndUT", null)]
    [InlineData("OrFT", true)]
    [InlineData("OrUT", true)]
    [InlineData("OrTU", true)]
    [InlineData("OrFF", false)]
    [InlineData("OrUF", null)]
    [InlineData("OrTen", true)]
    [InlineData("PlainTrue", true)]
    [InlineData("PlainFalse", false)]
    [InlineData("PlainX", null)]
    [InlineData("PlainList", null)]
    [InlineData("EqResSame", true)]
    [InlineData("EqResOther", null)]
    [InlineData("EqResText", null)]
    [InlineData("EqTextRes", null)]
    [InlineData("EqResLists", true)]
    [InlineData("EqResListsOther", null)]
    [InlineData("EqLists", true)]
    [InlineData("EqListUnknown", null)]
    [InlineData("EqMapRes", null)]
    [InlineData("EqMaps", false)]
    [InlineData("EqListsOther", false)]
    [InlineData("EqUnknowns", null)]
    [InlineData("EqUnknownRes", null)]
    [InlineData("EqAccount", null)]
    [InlineData("EqParam", true)]
    [InlineData("CondShort", true)]
    [InlineData("CondLong", false)]
    [InlineData("CondList", null)]
    [InlineData("IfTrue", true)]
    [InlineData("IfFalse", false)]
    [InlineData("IfText", null)]
    [InlineData("IfUndecided", null)]
    [InlineData("OtherFunction", null)]
    public void Conditions_evaluate_to_true_false_or_undecided(string name, bool? expected)
    {
        var kit = ConditionKit();
        Assert.Equal(expected, kit.Condition(name));
        Assert.Empty(kit.Problems);
        Assert.Empty(kit.Run.InProgress);

        // Asked again: the same answer.
        Assert.Equal(expected, kit.Condition(name));
    }

    [Theory]
    [InlineData("Missing: !Condition Nope", "condition 'Nope' is not defined in 'Conditions'")]
    [InlineData("Missing: !Equals [a]", "expected a list of 2 argument(s) for 'Fn::Equals', found a list of 1")]
    [InlineData("Missing: !Not [!Condition T, !Condition T]", "expected a list of 1 argument(s) for 'Fn::Not', found a list of 2")]
    [InlineData("Missing: !And []", "expected a list of 2 to 10 argument(s) for 'Fn::And', found a list of 0")]
    [InlineData("Missing: !And [!Condition T]", "expected a list of 2 to 10 argument(s) for 'Fn::And', found a list of 1")]
    [InlineData("Missing: !Or [!Condition T]", "expected a list of 2 to 10 argument(s) for 'Fn::Or', found a list of 1")]
    [InlineData("Missing: !Or [!Condition T, !Condition T, !Condition T, !Condition T, !Condition T, !Condition T, !Condition T, !Condition T, !Condition T, !Condition T, !Condition T]", "expected a list of 2 to 10 argument(s) for 'Fn::Or', found a list of 11")]
    public void Conditions_with_bad_arguments_are_undecided_problems(string definition, string problem)
    {
        var kit = ResolverKit.Of("x", Params + Conditions + "  " + definition + "\n");
        Assert.Null(kit.Condition("Missing"));
        Assert.Equal(new[] { problem }, kit.Messages);
    }

    [Fact]
    public void Condition_not_defined_or_circular_is_a_problem()
    {
        var kit = ConditionKit();
        Assert.Null(kit.Condition("Nowhere"));
        Assert.Equal(new[] { "condition 'Nowhere' is not defined in 'Conditions'" }, kit.Messages);

        var loop = ConditionKit();
        Assert.Null(loop.Condition("Loop1"));
        Assert.Equal(new[] { "circular reference: condition 'Loop1' depends on itself" }, loop.Messages);
        Assert.Empty(loop.Run.InProgress);

        // Each condition is evaluated once: Loop2, decided (undecidable) on the way to Loop1, is not evaluated
        // again, which would report the same cycle a second time from its other end.
        Assert.Null(loop.Condition("Loop2"));
        Assert.Single(loop.Problems);

        var none = new ResolverKit(ResolverKit.StandardResources);
        Assert.Null(none.Condition("T"));
        Assert.Equal(new[] { "condition 'T' is not defined in 'Conditions'" }, none.Messages);
    }

    [Fact]
    public void Conditions_nesting_is_bounded_at_exactly_the_maximum_depth()
    {
        string Nots(int n) => "Conditions:\n  Deep: " + string.Concat(Enumerable.Repeat("!Not [", n)) + "'true'" + new string(']', n) + "\n";

        // 62 Fn::Not around a literal: within both limits.
        var ok = ResolverKit.Of("x", Nots(62));
        Assert.True(ok.Condition("Deep"));
        Assert.Empty(ok.Problems);

        // 63: the literal itself is one level too deep for the value resolver.
        var values = ResolverKit.Of("x", Nots(63));
        Assert.Null(values.Condition("Deep"));
        Assert.Equal(new[] { "intrinsic functions are nested deeper than 64 levels; the value is treated as unknown" }, values.Messages);

        // 64: the innermost condition is past the limit of conditions.
        var conditions = ResolverKit.Of("x", Nots(64));
        Assert.Null(conditions.Condition("Deep"));
        Assert.Equal(new[] { "conditions are nested deeper than 64 levels" }, conditions.Messages);
    }

    // ---- Fn::ImportValue ----

    private const string Exporter =
        "Parameters:\n  Suffix:\n    Type: String\n    Default: cidr\n" +
        "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.5.0.0/16\n" +
        "Outputs:\n  Cidr:\n    Value: !GetAtt Vpc.CidrBlock\n  Loop:\n    Value: !ImportValue loop\n";

    private static ResolverKit Importer(string expr)
    {
        var kit = new ResolverKit(Params + ResolverKit.StandardResources + "Test: " + expr + "\n", path: "app.yaml");
        var net = new ResolverKit(kit.Run, Exporter, "net.yaml");
        var outputs = net.Template.Outputs!;
        kit.Run.Exports["net-cidr"] = (net.Template, ((MappingNode)outputs.Get("Cidr")!).Get("Value")!);
        kit.Run.Exports["loop"] = (net.Template, ((MappingNode)outputs.Get("Loop")!).Get("Value")!);
        return kit;
    }

    [Theory]
    [InlineData("!ImportValue net-cidr", "10.5.0.0/16")]
    [InlineData("{ Fn::ImportValue: !Sub 'net-${Suffix}' }", "10.5.0.0/16")]
    [InlineData("!ImportValue { Fn::Sub: 'net-${Suffix}' }", "10.5.0.0/16")]
    [InlineData("!ImportValue { Fn::Join: ['-', [net, cidr]] }", "10.5.0.0/16")]
    public void ImportValue_reads_the_export_in_its_template(string expr, string expected)
    {
        var kit = Importer(expr);
        var v = kit.Value();
        Assert.Equal(expected, ResolverKit.Show(v));
        Assert.Equal(kit.Node().Location(), ResolverKit.At(v));
        Assert.Empty(kit.Problems);
        Assert.Empty(kit.Run.UnresolvedImports);
        Assert.Empty(kit.Run.InProgress);
    }

    [Theory]
    [InlineData("!ImportValue elsewhere", "elsewhere", "export 'elsewhere' is not in the inputs")]
    [InlineData("{ Fn::ImportValue: !Sub '${NoDef}-VpcId' }", "${NoDef}-VpcId", "export name '${NoDef}-VpcId' is not known")]
    [InlineData("{ Fn::ImportValue: !Sub ['${S}-VpcId', { S: !Ref NoDef }] }", "${S}-VpcId", "export name '${S}-VpcId' is not known")]
    [InlineData("{ Fn::ImportValue: { Fn::Sub: '${NoDef}-A' } }", "${NoDef}-A", "export name '${NoDef}-A' is not known")]
    [InlineData("{ Fn::ImportValue: { Fn::Sub: ['${S}-B', { S: !Ref NoDef }] } }", "${S}-B", "export name '${S}-B' is not known")]
    [InlineData("!ImportValue { Fn::Sub: '${NoDef}-C' }", "${NoDef}-C", "export name '${NoDef}-C' is not known")]
    [InlineData("!ImportValue { Fn::Sub: ['${S}-D', { S: !Ref NoDef }] }", "${S}-D", "export name '${S}-D' is not known")]
    [InlineData("!ImportValue '{{resolve:ssm:/export}}'", "{{resolve:ssm:/export}}", "export name '{{resolve:ssm:/export}}' is not known")]
    [InlineData("{ Fn::ImportValue: '{{resolve:ssm:/export}}' }", "{{resolve:ssm:/export}}", "export name '{{resolve:ssm:/export}}' is not known")]
    [InlineData("{ Fn::ImportValue: !Ref NoDef }", "(a name computed at deploy time)", "export name '(a name computed at deploy time)' is not known")]
    [InlineData("{ Fn::ImportValue: !Join ['-', [!Ref NoDef, x]] }", "(a name computed at deploy time)", "export name '(a name computed at deploy time)' is not known")]
    [InlineData("!ImportValue { Fn::Join: ['-', [!Ref NoDef, x]] }", "(a name computed at deploy time)", "export name '(a name computed at deploy time)' is not known")]
    [InlineData("!ImportValue [a]", "(a name computed at deploy time)", "export name '(a name computed at deploy time)' is not known")]
    [InlineData("{ Fn::ImportValue: [a] }", "(a name computed at deploy time)", "export name '(a name computed at deploy time)' is not known")]
    [InlineData("{ Fn::ImportValue: { Fn::Sub: !Join ['', ['${NoDef}', x]] } }", "(a name computed at deploy time)", "export name '(a name computed at deploy time)' is not known")]
    public void ImportValue_not_found_is_unknown_and_listed_once_by_the_name_as_written(string expr, string listed, string why)
    {
        var kit = Importer(expr);
        var v = kit.Value();
        Assert.True(v.IsUnknown);
        Assert.Contains(why, v.Why);
        kit.Value();
        var u = Assert.Single(kit.Run.UnresolvedImports);
        Assert.Equal(listed, u.Value.Name);
        Assert.Equal(kit.Node().Location(), u.Key);
        Assert.Empty(kit.Problems);
    }

    [Fact]
    public void ImportValue_of_an_empty_sub_list_has_no_name_as_written()
    {
        var kit = Importer("{ Fn::ImportValue: { Fn::Sub: [] } }");
        Assert.True(kit.Value().IsUnknown);
        Assert.Equal("(a name computed at deploy time)", Assert.Single(kit.Run.UnresolvedImports).Value.Name);
        Assert.Equal(new[] { "expected 'Fn::Sub' as a string or [string, {variables}]" }, kit.Messages);
    }

    [Fact]
    public void ResolveString_of_no_node_is_null()
    {
        var kit = ResolverKit.Of("abc");
        Assert.Null(kit.Resolver.ResolveString(null));
        Assert.Equal("abc", kit.Resolver.ResolveString(kit.Node()));
        Assert.Null(kit.Resolver.ResolveString(kit.ValueOf("[abc]").Node));
    }

    [Fact]
    public void ImportValue_that_imports_itself_is_a_circular_reference()
    {
        var kit = Importer("!ImportValue loop");
        Assert.Equal("<circular import>", ResolverKit.Show(kit.Value()));
        Assert.Equal(new[] { "circular reference: export 'loop' imports itself" }, kit.Messages);
        Assert.Empty(kit.Run.InProgress);
    }
}
