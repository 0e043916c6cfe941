using System.Collections.Generic;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Parsers.Tutorial;

internal sealed class TutorialReader : IFormatReader
{
    private readonly NetworkModelBuilder _builder = new();

    public void Add(ParsedFile file, List<InputProblem> problems)
    {
    }

    public void Complete(NetworkModelBuilder builder, List<InputProblem> problems) => builder.Merge(_builder);
}
