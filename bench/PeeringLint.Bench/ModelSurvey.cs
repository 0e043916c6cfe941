using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace PeeringLint.Bench;

/// <summary>
/// <c>profile --vpcs N --survey</c>: walks every object reachable from the model by reflection and prints what a
/// heap dump cannot: how many of its strings are copies of one another (bytes that one string per distinct text
/// would save, by the field that holds them), and how many lists hold spare capacity.
/// </summary>
internal static class ModelSurvey
{
    public static void Print(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stringsByText = new Dictionary<string, HashSet<object>>(StringComparer.Ordinal);
        var copiesByField = new Dictionary<string, long>(StringComparer.Ordinal);
        var listsByField = new Dictionary<string, long>(StringComparer.Ordinal);
        var textsByField = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        long listCount = 0, spareSlots = 0;
        var stack = new Stack<(object Value, string Field)>();
        stack.Push((root, "model"));
        while (stack.Count > 0)
        {
            var (o, field) = stack.Pop();
            if (o is string s)
            {
                if (!textsByField.TryGetValue(field, out var texts))
                {
                    textsByField[field] = texts = new HashSet<string>(StringComparer.Ordinal);
                }

                texts.Add(s);
                if (!stringsByText.TryGetValue(s, out var copies))
                {
                    stringsByText[s] = copies = new HashSet<object>(ReferenceEqualityComparer.Instance);
                }

                if (copies.Add(s) && copies.Count > 1)
                {
                    copiesByField[field] = copiesByField.GetValueOrDefault(field) + 22 + (2 * s.Length);
                }

                continue;
            }

            if (!seen.Add(o))
            {
                continue;
            }

            var type = o.GetType();
            if (type.IsPrimitive || type.IsEnum || o is Type || o is Delegate || o is Pointer)
            {
                continue;
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                listCount++;
                listsByField[field] = listsByField.GetValueOrDefault(field) + 1;
                var list = (IList)o;
                spareSlots += (int)type.GetProperty("Capacity")!.GetValue(o)! - list.Count;
            }

            if (o is Array array)
            {
                if (!type.GetElementType()!.IsPrimitive)
                {
                    foreach (var item in array)
                    {
                        if (item is not null)
                        {
                            stack.Push((item, field + "[]"));
                        }
                    }
                }

                continue;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (f.FieldType.IsPrimitive || f.FieldType.IsEnum || f.FieldType.IsPointer)
                    {
                        continue;
                    }

                    var v = f.GetValue(o);
                    if (v is not null)
                    {
                        stack.Push((v, type.Name + "." + f.Name.Replace("<", string.Empty).Replace(">k__BackingField", string.Empty)));
                    }
                }
            }
        }

        long strings = stringsByText.Values.Sum(c => (long)c.Count);
        long copyBytes = copiesByField.Values.Sum();
        Console.WriteLine($"survey: {seen.Count:N0} objects; {strings:N0} strings, {stringsByText.Count:N0} distinct texts; copies of a text held elsewhere: ≈{copyBytes / 1048576.0:F1} MiB; {listCount:N0} List<T>, {spareSlots:N0} spare slots");
        Console.WriteLine("  lists by field: " + string.Join(", ", listsByField.OrderByDescending(x => x.Value).Take(12).Select(x => $"{x.Key} {x.Value:N0}")));
        foreach (var (field, bytes) in copiesByField.OrderByDescending(x => x.Value).Take(25))
        {
            Console.WriteLine($"  {field,-60} {bytes / 1048576.0,6:F2} MiB in copies; {textsByField[field].Count:N0} distinct texts");
        }
    }
}
