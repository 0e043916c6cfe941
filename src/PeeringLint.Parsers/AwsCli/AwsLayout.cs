using System;
using System.Collections.Generic;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>
/// Account and region hints from where a file sits: Batfish <c>accounts/&lt;id&gt;/&lt;region&gt;/</c>,
/// <c>&lt;region&gt;/</c> folders, CloudMapper <c>&lt;region&gt;/ec2-describe-*.json</c>, and
/// <c>&lt;Type&gt;-&lt;region&gt;.json</c> file names. Records' own fields always win over these hints.
/// </summary>
internal static class AwsLayout
{
    /// <summary>Account id and region found among the folder names and the file name.</summary>
    public static (string? Account, string? Region) Hints(IReadOnlyList<string> folders, string path)
    {
        string? account = null, region = null;
        for (int i = 0; i < folders.Count; i++)
        {
            string f = folders[i];
            if (IsAccountId(f) || (i > 0 && string.Equals(folders[i - 1], "accounts", StringComparison.OrdinalIgnoreCase) && IsDigits(f)))
            {
                account = f;
            }
            else if (RegionPrefixLength(f) == f.Length && f.Length > 0)
            {
                region = f;
            }
        }

        if (region is null)
        {
            region = RegionInFileName(path);
        }

        return (account, region);
    }

    /// <summary>The region of an availability zone ("us-east-2a" → "us-east-2", "us-west-2-lax-1a" → "us-west-2"), or of a region name itself.</summary>
    public static string? RegionOf(string? zoneOrRegion)
    {
        if (zoneOrRegion is null)
        {
            return null;
        }

        int n = RegionPrefixLength(zoneOrRegion);
        return n > 0 ? zoneOrRegion.Substring(0, n) : null;
    }

    /// <summary>True for a region name such as "us-east-1" or "us-gov-west-1" (not a zone).</summary>
    public static bool IsRegion(string? s) => s is not null && s.Length > 0 && RegionPrefixLength(s) == s.Length;

    /// <summary>"Vpcs-us-west-2.json" → "us-west-2".</summary>
    private static string? RegionInFileName(string path)
    {
        int slash = path.LastIndexOf('/');
        string name = slash >= 0 ? path.Substring(slash + 1) : path;
        int dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name.Substring(0, dot);
        }

        // Try every '-' position: the region is the longest suffix that is a whole region name.
        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] == '-' && i + 1 < name.Length)
            {
                string tail = name.Substring(i + 1);
                if (IsRegion(tail))
                {
                    return tail;
                }
            }
        }

        return null;
    }

    private static bool IsAccountId(string s) => s.Length == 12 && IsDigits(s);

    private static bool IsDigits(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Length of a leading region name: two lowercase letters, optional "-gov"/"-iso"/"-isob", "-", a word,
    /// "-", digits (e.g. "eu-central-1", "us-gov-west-1", "cn-northwest-1"); 0 when there is none.
    /// </summary>
    private static int RegionPrefixLength(string s)
    {
        int i = 0;
        if (s.Length < 6 || !IsLower(s[0]) || !IsLower(s[1]) || s[2] != '-')
        {
            return 0;
        }

        i = 3;
        foreach (var infix in new[] { "gov-", "isob-", "iso-", "isof-", "isoe-" })
        {
            if (string.CompareOrdinal(s, i, infix, 0, infix.Length) == 0 && s.Length > i + infix.Length && IsLower(s[i + infix.Length]))
            {
                // Only an infix when a word and a number follow it ("us-gov-west-1").
                int j = i + infix.Length;
                int k = j;
                while (k < s.Length && IsLower(s[k]))
                {
                    k++;
                }

                if (k < s.Length && s[k] == '-' && k + 1 < s.Length && char.IsDigit(s[k + 1]))
                {
                    i = j;
                }

                break;
            }
        }

        int start = i;
        while (i < s.Length && IsLower(s[i]))
        {
            i++;
        }

        if (i == start || i >= s.Length || s[i] != '-')
        {
            return 0;
        }

        i++;
        int digits = i;
        while (i < s.Length && char.IsDigit(s[i]))
        {
            i++;
        }

        if (i == digits)
        {
            return 0;
        }

        return i;
    }

    private static bool IsLower(char c) => c is >= 'a' and <= 'z';
}
