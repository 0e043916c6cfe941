using System;
using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Addressing;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>Fn::Cidr: the template's arguments checked with AWS's messages; the arithmetic is CidrBlocks in Core.</summary>
internal sealed partial class IntrinsicResolver
{
    private CfnValue CidrFunction(SyntaxNode call, SyntaxNode arg, int depth)
    {
        var args = ArgList(arg, "Fn::Cidr", 3);
        if (args is null)
        {
            return CfnValue.Unknown("bad Cidr", call);
        }

        var block = Resolve(args[0], depth);
        var count = Resolve(args[1], depth);
        var bits = Resolve(args[2], depth);
        if (!block.IsString || !count.IsString || !bits.IsString)
        {
            return CfnValue.Unknown("Fn::Cidr of an unknown value", call);
        }

        if (!TryCidr(block.Text!, count.Text!, bits.Text!, out var result, out var problem))
        {
            _run.Report(call.Location(), "'Fn::Cidr': " + problem);
            return CfnValue.Unknown("bad Cidr", call);
        }

        var items = new List<CfnValue>(result.Count);
        foreach (var c in result)
        {
            items.Add(CfnValue.Str(c.ToString(), call));
        }

        return CfnValue.List(items, call);
    }

    /// <summary>
    /// AWS's Fn::Cidr: <paramref name="countText"/> consecutive blocks with <paramref name="bitsText"/> host bits
    /// (prefix = 32 or 128 minus cidrBits), in ascending order from the block's network address.
    /// </summary>
    public static bool TryCidr(string blockText, string countText, string bitsText, out IReadOnlyList<Cidr> result, out string? problem)
    {
        result = Array.Empty<Cidr>();
        if (Cidr.TryParse(blockText.Trim(), out var block, out var parseProblem) == CidrParseStatus.Malformed)
        {
            problem = $"'{blockText}' is not a CIDR block ({parseProblem})";
            return false;
        }

        int count = Number(countText);
        if (count < 1 || count > 256)
        {
            problem = $"count '{countText}' must be an integer from 1 to 256";
            return false;
        }

        int bits = Number(bitsText);
        if (bits < 1 || bits > block.MaxPrefix)
        {
            problem = $"cidrBits '{bitsText}' must be an integer from 1 to {block.MaxPrefix}";
            return false;
        }

        int prefix = block.MaxPrefix - bits;
        if (prefix < block.PrefixLength)
        {
            problem = $"cidrBits {bits} gives /{prefix} blocks, larger than {block}";
            return false;
        }

        // 2^freeBits blocks fit; from 2^9 on, more than any count.
        int capacity = 1 << Math.Min(prefix - block.PrefixLength, 9);
        if (count > capacity)
        {
            problem = $"{block} holds only {capacity} block(s) of /{prefix}, not {count}";
            return false;
        }

        result = CidrBlocks.Consecutive(block, prefix, count);
        problem = null;
        return true;
    }

    /// <summary>Decimal digits (surrounding spaces allowed) as a number; anything else is 0, which no range here accepts.</summary>
    private static int Number(string text)
    {
        // int.TryParse leaves 0 when the text is not a number.
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n);
        return n;
    }
}
