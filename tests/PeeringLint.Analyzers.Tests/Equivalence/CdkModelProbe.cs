using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PeeringLint.Analyzers.Cdk;
using PeeringLint.Model;

namespace PeeringLint.Analyzers.Tests.Equivalence;

/// <summary>
/// The network model the analyzer builds from a compilation, for comparing facts (not only diagnostics) with the
/// other forms. It drives the analyzer's own per-compilation state (<c>PeeringLintAnalyzer.CompilationState</c>,
/// private, reached by reflection so that src/ stays as it is) with every object creation and invocation of the
/// compilation, then builds the model with <see cref="CdkModelBuilder"/> as the analyzer's compilation-end action does.
/// </summary>
internal static class CdkModelProbe
{
    private static readonly Type StateType = typeof(PeeringLintAnalyzer).GetNestedType("CompilationState", BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("PeeringLintAnalyzer.CompilationState not found; update CdkModelProbe");

    public static NetworkModel Build(Compilation compilation)
    {
        var symbols = CdkSymbols.TryCreate(compilation) ?? throw new InvalidOperationException("no CDK in the compilation");
        object state = Activator.CreateInstance(StateType, symbols)!;
        var onCreation = StateType.GetMethod("OnObjectCreation")!;
        var onInvocation = StateType.GetMethod("OnInvocation")!;
        var options = new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not (BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax))
                {
                    continue;
                }

                var op = model.GetOperation(node);
                if (op is not (IObjectCreationOperation or IInvocationOperation))
                {
                    continue;
                }

                // Obsolete for analyzer authors (use CompilationWithAnalyzers); here it feeds the analyzer's own
                // per-operation callbacks exactly what the compiler would, which CompilationWithAnalyzers cannot expose.
#pragma warning disable CS0618
                var context = new OperationAnalysisContext(op, model.GetEnclosingSymbol(node.SpanStart)!, compilation, options, _ => { }, _ => true, CancellationToken.None);
#pragma warning restore CS0618
                (op is IObjectCreationOperation ? onCreation : onInvocation).Invoke(state, new object[] { context });
            }
        }

        object Field(string name) => StateType.GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(state)!;
        var builder = new CdkModelBuilder(
            ((IEnumerable)Field("_facts")).Cast<ConstructFact>(),
            ((IEnumerable)Field("_calls")).Cast<CallFact>(),
            ((IEnumerable)Field("_stacks")).Cast<StackCreationFact>(),
            CancellationToken.None);
        return builder.Build().Model;
    }
}
