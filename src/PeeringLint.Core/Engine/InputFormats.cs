using System;

namespace PeeringLint.Engine;

/// <summary>Input formats a rule can fire on.</summary>
[Flags]
public enum InputFormats
{
    None = 0,
    AwsCli = 1,
    CloudFormation = 2,
    Tutorial = 4,
    Cdk = 8,
    All = AwsCli | CloudFormation | Tutorial | Cdk,
}
