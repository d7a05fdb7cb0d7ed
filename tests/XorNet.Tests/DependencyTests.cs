using System.Reflection;
using System.Reflection.Emit;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// The rooms of the program depend one way: the commands on what they share, that on the pictures, sweeps, models and
/// explanations, those on the network, the network on the data, and everything on NumPy's arithmetic, the files and
/// the text at the bottom. No room below the commands may use one above it.
/// </summary>
public sealed class DependencyTests
{
    // Top to bottom. A room may use itself and any room in a later layer, nothing in its own layer or an earlier one.
    // The sweep command trains, so it stands above the train command whose options it reuses.
    private static readonly string[][] Layers =
    [
        ["XorNet"],
        ["XorNet.Commands.Sweep"],
        ["XorNet.Commands.Train", "XorNet.Commands.Predict", "XorNet.Commands.Inspect", "XorNet.Commands.Export", "XorNet.Commands.Data"],
        ["XorNet.Terminal"],
        ["XorNet.CommandLine"],
        ["XorNet.Plots"],
        ["XorNet.Export"],
        ["XorNet.Sweeps", "XorNet.Models", "XorNet.Explain"],
        ["XorNet.Network"],
        ["XorNet.Data"],
        ["XorNet.NumPy", "XorNet.Files", "XorNet.Text"],
    ];

    [Fact]
    public void No_room_uses_a_room_above_it_or_beside_it()
    {
        Assembly assembly = typeof(Program).Assembly;
        var wrong = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Type type in assembly.GetTypes())
        {
            if (Room(type) is not { } from)
            {
                continue;
            }

            foreach (Type used in Dependencies(type))
            {
                if (Room(used) is { } to && to.Name != from.Name && to.Layer <= from.Layer)
                {
                    wrong.Add($"{from.Name} -> {to.Name} ({Outermost(type).FullName} uses {Outermost(used).FullName})");
                }
            }
        }

        wrong.Should().BeEmpty("each room may use only the rooms below it");
    }

    [Fact]
    public void Every_namespace_of_the_program_is_in_a_room()
    {
        var unplaced = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == "XorNet" || ns.StartsWith("XorNet.", StringComparison.Ordinal)) && Room(t) is null)
            .Select(t => t.Namespace!)
            .Distinct();
        unplaced.Should().BeEmpty("a new room must be placed in the layers, so that the rule covers it");
    }

    // The room a type is in: the longest listed namespace that is its own or encloses it.
    private static (string Name, int Layer)? Room(Type type)
    {
        string? ns = Outermost(type).Namespace;
        if (ns is null)
        {
            return null;
        }

        (string Name, int Layer)? best = null;
        for (int layer = 0; layer < Layers.Length; layer++)
        {
            foreach (string room in Layers[layer])
            {
                bool inside = ns == room || (room != "XorNet" && ns.StartsWith(room + ".", StringComparison.Ordinal));
                if (inside && (best is null || room.Length > best.Value.Name.Length))
                {
                    best = (room, layer);
                }
            }
        }

        return best;
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    // Every type a type names: in its base types, members' signatures, attributes, and the IL of its methods.
    private static IEnumerable<Type> Dependencies(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            found.Add(baseType);
        }

        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        foreach (FieldInfo field in type.GetFields(all))
        {
            found.Add(field.FieldType);
        }

        foreach (PropertyInfo property in type.GetProperties(all))
        {
            found.Add(property.PropertyType);
        }

        foreach (MethodBase method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo { ReturnType: var returnType })
            {
                found.Add(returnType);
            }

            found.AddRange(method.GetParameters().Select(p => p.ParameterType));
            found.AddRange(UsedInBody(method));
        }

        return found.SelectMany(Expand);
    }

    // A type with the element and generic argument types inside it.
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }

        if (type.IsGenericParameter)
        {
            return [];
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Expand).Prepend(type) : [type];
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    // The types whose members or selves a method body's instructions name (call, newobj, ldfld, box, ldtoken, …).
    private static IEnumerable<Type> UsedInBody(MethodBase method)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        Module module = method.Module;
        Type[]? typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        Type[]? methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int at = 0;
        while (at < il.Length)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            OpCode code = OpCodesByValue[value];
            int size = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                int token = BitConverter.ToInt32(il, at);
                MemberInfo? member = module.ResolveMember(token, typeArguments, methodArguments);
                if (member is Type used)
                {
                    yield return used;
                }
                else if (member?.DeclaringType is { } owner)
                {
                    yield return owner;
                }
            }

            at += size;
        }
    }
}
