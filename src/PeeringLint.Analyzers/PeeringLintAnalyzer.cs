using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PeeringLint.Analyzers.Cdk;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Analyzers;

/// <summary>
/// Runs PeeringLint's rules on the AWS CDK constructs of a C# compilation and on the network templates listed
/// as AdditionalFiles. CDK facts are collected by narrow operation callbacks; the model is built and linted
/// once, at compilation end. A compilation without the CDK and without templates registers nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PeeringLintAnalyzer : DiagnosticAnalyzer
{
    private static readonly LintOptions SingleThreaded = new() { MaxDegreeOfParallelism = 1 };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => PeeringDiagnostics.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var templates = AdditionalFilesLinter.Select(context.Options.AdditionalFiles);
        if (templates.Count > 0)
        {
            context.RegisterCompilationEndAction(end => Guard(() => AdditionalFilesLinter.LintCached(templates, end.ReportDiagnostic, end.CancellationToken), "the AdditionalFiles templates", Location.None, end.ReportDiagnostic, end.CancellationToken));
        }

        var symbols = CdkSymbols.TryCreate(context.Compilation);
        if (symbols is null)
        {
            return;
        }

        var state = new CompilationState(symbols);
        context.RegisterOperationAction(state.OnObjectCreation, OperationKind.ObjectCreation);
        context.RegisterOperationAction(state.OnInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(state.OnAlias, OperationKind.VariableDeclarator, OperationKind.SimpleAssignment, OperationKind.Return);
        context.RegisterCompilationEndAction(state.OnCompilationEnd);
    }

    /// <summary>
    /// Runs an action; an exception (but cancellation) becomes a PL0002 diagnostic at <paramref name="location"/>
    /// naming <paramref name="what"/>, never an AD0001 that stops the analyzer and never a silent gap.
    /// </summary>
    internal static void Guard(Action action, string what, Location location, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        try
        {
            action();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            report(Diagnostic.Create(PeeringDiagnostics.InternalError, location, what, ex.GetType().Name + ": " + ex.Message));
        }
    }

    /// <summary>Rules that threw while the others ran: each one a PL0002 naming the rule.</summary>
    internal static void ReportFailures(IReadOnlyList<RuleFailure> failures, Action<Diagnostic> report)
    {
        foreach (var failure in failures)
        {
            report(Diagnostic.Create(PeeringDiagnostics.InternalError, Location.None, "rule " + failure.RuleId, failure.Message));
        }
    }

    /// <summary>Reports findings, mapping model locations back to Roslyn locations.</summary>
    internal static void Report(IReadOnlyList<Finding> findings, Func<SourceLocation, Location> map, Func<Finding, ImmutableDictionary<string, string?>> properties, Action<Diagnostic> report)
    {
        foreach (var finding in findings)
        {
            if (finding.IsSuppressed || !PeeringDiagnostics.ByRuleId.TryGetValue(finding.RuleId, out var descriptor))
            {
                continue;
            }

            var additional = new List<Location>(finding.Related.Count);
            foreach (var related in finding.Related)
            {
                var l = map(related.Location);
                if (l != Location.None)
                {
                    additional.Add(l);
                }
            }

            report(Diagnostic.Create(
                descriptor,
                map(finding.Location),
                PeeringDiagnostics.ToRoslyn(finding.Severity),
                additional,
                properties(finding),
                finding.Message));
        }
    }

    private sealed class CompilationState
    {
        private readonly CdkSymbols _symbols;
        private readonly ConcurrentQueue<ConstructFact> _facts = new();
        private readonly ConcurrentQueue<CallFact> _calls = new();
        private readonly ConcurrentQueue<StackCreationFact> _stacks = new();
        private readonly ConcurrentQueue<AliasFact> _aliases = new();
        private readonly ConcurrentQueue<ImportFact> _imports = new();

        public CompilationState(CdkSymbols symbols)
        {
            _symbols = symbols;
        }

        /// <summary>
        /// Construct-typed locals, source fields and properties assigned without a creation, and the constructs methods
        /// of the compilation return (<see cref="AliasFact"/>).
        /// </summary>
        public void OnAlias(OperationAnalysisContext context) =>
            Guard(() => ReadAlias(context), "this assignment", context.Operation.Syntax.GetLocation(), context.ReportDiagnostic, context.CancellationToken);

        private void ReadAlias(OperationAnalysisContext context)
        {
            switch (context.Operation)
            {
                case IVariableDeclaratorOperation { Initializer.Value: { } init } declarator when _symbols.IsConstruct(declarator.Symbol.Type):
                    AddAlias(declarator.Symbol, init, context);
                    break;
                case ISimpleAssignmentOperation assignment when _symbols.IsConstruct(assignment.Target.Type):
                    ISymbol? target = ValueReader.Unwrap(assignment.Target) switch
                    {
                        ILocalReferenceOperation l => l.Local,
                        IFieldReferenceOperation f when ValueReader.InSource(f.Field) => f.Field,
                        IPropertyReferenceOperation p when ValueReader.InSource(p.Property) => p.Property,
                        _ => null,
                    };
                    if (target is not null)
                    {
                        AddAlias(target, assignment.Value, context);
                    }

                    break;
                case IReturnOperation { ReturnedValue: { } returned } ret when _symbols.IsConstruct(returned.Type)
                    && ret.SemanticModel?.GetEnclosingSymbol(ret.Syntax.SpanStart, context.CancellationToken) is IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                    AddAlias(method.OriginalDefinition, returned, context, creationIsFact: false);
                    break;
            }
        }

        /// <summary>
        /// An alias to <paramref name="value"/>. A construct creation stored in a variable is a fact of that variable
        /// already (<see cref="AssignedVariable"/>); a returned one is the method's alias.
        /// </summary>
        private void AddAlias(ISymbol symbol, IOperation value, OperationAnalysisContext context, bool creationIsFact = true)
        {
            if (creationIsFact && ValueReader.Unwrap(value) is IObjectCreationOperation created && _symbols.KindOf(created.Type) is not null)
            {
                return;
            }

            var target = ValueReader.ConstructReference(value, string.Empty, value.Syntax.GetLocation());
            _aliases.Enqueue(new AliasFact(symbol, target ?? (CdkValue)new UnknownValue(value.Syntax.GetLocation())));
        }

        /// <summary>Construct-typed parameters of a method or constructor of the compilation, bound at this call.</summary>
        private void AddBindings(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
        {
            if (!ValueReader.InSource(method))
            {
                return;
            }

            foreach (var a in arguments)
            {
                if (a.Parameter is { } p && _symbols.IsConstruct(p.Type))
                {
                    var target = a.ArgumentKind == ArgumentKind.DefaultValue ? null : ValueReader.ConstructReference(a.Value, string.Empty, a.Value.Syntax.GetLocation());
                    _aliases.Enqueue(new AliasFact(p.OriginalDefinition, target ?? (CdkValue)new UnknownValue(a.Syntax.GetLocation())));
                }
            }
        }

        public void OnObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var kind = _symbols.KindOf(creation.Type);
            if (kind is null)
            {
                if (creation.Constructor is { } userCtor)
                {
                    Guard(() => AddBindings(userCtor, creation.Arguments), "this call", creation.Syntax.GetLocation(), context.ReportDiagnostic, context.CancellationToken);
                }

                if (creation.Constructor is { } ctor && _symbols.IsStackClass(creation.Type))
                {
                    Guard(() => _stacks.Enqueue(ReadStackCreation(creation, ctor, context.CancellationToken)), "this stack", creation.Syntax.GetLocation(), context.ReportDiagnostic, context.CancellationToken);
                }

                return;
            }

            Guard(() => _facts.Enqueue(ReadConstruct(creation, kind, context.CancellationToken)), "this construct", creation.Syntax.GetLocation(), context.ReportDiagnostic, context.CancellationToken);
        }

        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            string name = invocation.TargetMethod.Name;
            Guard(() => AddBindings(invocation.TargetMethod, invocation.Arguments), "this call", invocation.Syntax.GetLocation(), context.ReportDiagnostic, context.CancellationToken);
            if (invocation.Instance is null && name.StartsWith("From", StringComparison.Ordinal)
                && invocation.TargetMethod.ContainingType?.ContainingNamespace?.ToDisplayString() + "." == CdkSymbols.Ec2Namespace
                && _symbols.IsConstruct(invocation.Type))
            {
                // Vpc.FromLookup, Vpc.FromVpcAttributes, SecurityGroup.FromSecurityGroupId, …: outside the app, unknown.
                _imports.Enqueue(new ImportFact(invocation.TargetMethod.ContainingType!.Name + "." + name, invocation.Syntax.GetLocation()));
                return;
            }

            bool rule = (name == "AddIngressRule" || name == "AddEgressRule") && _symbols.IsSecurityGroup(invocation.Instance?.Type);
            bool route = name == "AddRoute" && _symbols.IsSubnet(invocation.Instance?.Type);

            // sg.Connections.AllowFrom(peer, port), instance.Connections.AllowFromAnyIpv4(port), …: the receiver is
            // the construct whose Connections these are.
            IOperation? owner = null;
            if (name is "AllowFrom" or "AllowFromAnyIpv4" or "AllowDefaultPortFrom"
                && ValueReader.Unwrap(invocation.Instance) is IPropertyReferenceOperation { Property.Name: "Connections", Instance: { } connectable }
                && _symbols.IsConstruct(connectable.Type))
            {
                owner = connectable;
            }

            if (invocation.Instance is null || (!rule && !route && owner is null))
            {
                return;
            }

            Guard(
                () =>
                {
                    var reader = new ValueReader(_symbols, context.CancellationToken);
                    CdkValue? receiver = owner is not null
                        ? ValueReader.ConstructReference(owner, string.Empty, owner.Syntax.GetLocation())
                        : rule
                        ? ValueReader.ConstructReference(invocation.Instance, string.Empty, invocation.Instance.Syntax.GetLocation())
                        : reader.Read(invocation.Instance);
                    if (receiver is null)
                    {
                        return;
                    }

                    var args = new CdkValue[invocation.TargetMethod.Parameters.Length];
                    foreach (var a in invocation.Arguments)
                    {
                        if (a.Parameter is { } p && p.Ordinal < args.Length)
                        {
                            args[p.Ordinal] = a.ArgumentKind == ArgumentKind.DefaultValue ? new UnknownValue(Location.None) : reader.Read(a.Value);
                        }
                    }

                    for (int i = 0; i < args.Length; i++)
                    {
                        args[i] ??= new UnknownValue(Location.None);
                    }

                    _calls.Enqueue(new CallFact(name, receiver, args, invocation.Syntax));
                },
                "this call",
                invocation.Syntax.GetLocation(),
                context.ReportDiagnostic,
                context.CancellationToken);
        }

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            if (_facts.IsEmpty)
            {
                return;
            }

            Guard(
                () =>
                {
                    var cdk = new CdkModelBuilder(_facts, _calls, _stacks, context.CancellationToken) { Aliases = _aliases }.Build();
                    context.CancellationToken.ThrowIfCancellationRequested();
                    var result = LintEngine.Run(cdk.Model, SingleThreaded);
                    var coverageNote = CoverageNote(_imports);
                    Report(result.Findings, cdk.Locations.ToRoslyn, f => coverageNote is null ? FixProperties.For(f, cdk) : FixProperties.For(f, cdk).SetItem(FixProperties.CoverageNote, coverageNote), context.ReportDiagnostic);
                    if (PeeringDiagnostics.ByRuleId.TryGetValue("PL1004", out var pl1004))
                    {
                        foreach (var (location, message) in cdk.Notes)
                        {
                            context.ReportDiagnostic(Diagnostic.Create(pl1004, location, DiagnosticSeverity.Warning, null, null, message));
                        }
                    }

                    ReportFailures(result.Failures, context.ReportDiagnostic);
                },
                "the CDK constructs of this compilation",
                Location.None,
                context.ReportDiagnostic,
                context.CancellationToken);
        }

        /// <summary>
        /// The note every C# diagnostic carries when the app imports constructs (property <c>coverageNote</c>): the
        /// rules saw nothing of them, so what depended on them was not decided.
        /// </summary>
        private static string? CoverageNote(IEnumerable<ImportFact> imports)
        {
            var list = new List<ImportFact>(imports);
            if (list.Count == 0)
            {
                return null;
            }

            list.Sort((a, b) => a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start));
            var parts = new List<string>();
            foreach (var i in list)
            {
                var span = i.Location.GetLineSpan();
                parts.Add(i.What + " at " + System.IO.Path.GetFileName(span.Path) + ":" + (span.StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (parts.Count == 5)
                {
                    break;
                }
            }

            return "Not decided for imported constructs (" + string.Join(", ", parts) + (list.Count > 5 ? ", …" : string.Empty)
                + "): the analyzer cannot see their blocks, routes or rules, so findings that depend on them are not reported.";
        }

        private ConstructFact ReadConstruct(IObjectCreationOperation creation, string kind, CancellationToken cancellationToken)
        {
            var reader = new ValueReader(_symbols, cancellationToken);
            IOperation? scope = null, id = null, props = null;
            foreach (var a in creation.Arguments)
            {
                switch (a.Parameter?.Ordinal)
                {
                    case 0: scope = a.Value; break;
                    case 1: id = a.Value; break;
                    case 2: props = a.ArgumentKind == ArgumentKind.DefaultValue ? null : a.Value; break;
                }
            }

            return new ConstructFact(
                kind,
                id is null ? null : reader.Read(id),
                props is null ? null : reader.Read(props) as ObjectValue,
                AssignedVariable(creation),
                creation.Syntax,
                scope?.Syntax.ToString())
            {
                Environment = kind == "Vpc" ? EnvironmentOf(creation, scope, reader, cancellationToken) : null,
            };
        }

        /// <summary>
        /// The environment of the stack <c>this</c> is, for a construct created with scope <c>this</c> in a class that
        /// derives directly from <c>Stack</c>: read from the <c>base(scope, id, props)</c> calls of its constructors.
        /// </summary>
        private StackEnvironment EnvironmentOf(IObjectCreationOperation creation, IOperation? scope, ValueReader reader, CancellationToken cancellationToken)
        {
            if (ValueReader.Unwrap(scope) is not IInstanceReferenceOperation || creation.SemanticModel is not { } model
                || model.GetEnclosingSymbol(creation.Syntax.SpanStart, cancellationToken)?.ContainingType is not { } type
                || !SymbolEqualityComparer.Default.Equals(type.BaseType, _symbols.Stack))
            {
                return StackEnvironment.Unknown;
            }

            var passThrough = new List<(IMethodSymbol, int)>();
            foreach (var ctor in type.InstanceConstructors)
            {
                if (ctor.IsImplicitlyDeclared)
                {
                    continue;
                }

                if (ctor.DeclaringSyntaxReferences.Length != 1
                    || ctor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorDeclarationSyntax declaration
                    || declaration.SyntaxTree != model.SyntaxTree)
                {
                    return StackEnvironment.Unknown;
                }

                if (declaration.Initializer is null)
                {
                    continue;
                }

                if (!declaration.Initializer.ThisOrBaseKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.BaseKeyword)
                    || model.GetOperation(declaration.Initializer, cancellationToken) is not { } init
                    || FindInvocation(init) is not { } call)
                {
                    return StackEnvironment.Unknown;
                }

                foreach (var a in call.Arguments)
                {
                    if (a.Parameter?.Name != "props" || a.ArgumentKind == ArgumentKind.DefaultValue || WithoutEnv(a.Value, reader))
                    {
                        continue;
                    }

                    if (ValueReader.Unwrap(a.Value) is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter.ContainingSymbol, ctor))
                    {
                        passThrough.Add((ctor, p.Parameter.Ordinal));
                    }
                    else
                    {
                        return StackEnvironment.Unknown;
                    }
                }
            }

            return new StackEnvironment(false, passThrough);
        }

        private static IInvocationOperation? FindInvocation(IOperation op)
        {
            if (op is IInvocationOperation i)
            {
                return i;
            }

            foreach (var child in op.ChildOperations)
            {
                if (FindInvocation(child) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>A null constant, or stack props without <c>Env</c>.</summary>
        private static bool WithoutEnv(IOperation value, ValueReader reader)
        {
            var op = ValueReader.Unwrap(value);
            if (op is not null && op.ConstantValue is { HasValue: true, Value: null })
            {
                return true;
            }

            return reader.Read(value) is ObjectValue o && o.Get("Env") is null;
        }

        private StackCreationFact ReadStackCreation(IObjectCreationOperation creation, IMethodSymbol ctor, CancellationToken cancellationToken)
        {
            var reader = new ValueReader(_symbols, cancellationToken);
            var withoutEnv = new bool[ctor.Parameters.Length];
            foreach (var a in creation.Arguments)
            {
                if (a.Parameter is { } p && p.Ordinal < withoutEnv.Length)
                {
                    withoutEnv[p.Ordinal] = a.ArgumentKind == ArgumentKind.DefaultValue
                        ? p.HasExplicitDefaultValue && p.ExplicitDefaultValue is null
                        : WithoutEnv(a.Value, reader);
                }
            }

            return new StackCreationFact(ctor, withoutEnv);
        }

        /// <summary>The local, field or property a construct is stored in: <c>var vpc1 = new CfnVPC(…)</c>.</summary>
        private static ISymbol? AssignedVariable(IOperation creation)
        {
            IOperation child = creation;
            var parent = creation.Parent;
            while (parent is IConversionOperation)
            {
                child = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol;
                case IFieldInitializerOperation field when field.InitializedFields.Length == 1:
                    return field.InitializedFields[0];
                case IPropertyInitializerOperation property when property.InitializedProperties.Length == 1:
                    return property.InitializedProperties[0];
                case ISimpleAssignmentOperation assignment when assignment.Value == child:
                    return ValueReader.Unwrap(assignment.Target) switch
                    {
                        ILocalReferenceOperation l => l.Local,
                        IFieldReferenceOperation f => f.Field,
                        IPropertyReferenceOperation p => p.Property,
                        _ => null,
                    };
                default:
                    return null;
            }
        }
    }
}
