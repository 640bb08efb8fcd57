using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using Xunit;

namespace Jidoka.BoardApps.Gate.Tests;

/// <summary>
/// The surface mirrors exactly the device API members the board apps call (DESIGN: "a compile-only
/// surface of exactly the device API members they call"). That every member the apps call exists in it is
/// proved by the gates compiling; this proves the other direction: every public member the surface
/// declares is called by at least one gate, so the surface cannot grow members nobody checked against the
/// package. Members the language requires rather than the apps call are exempt, each for a stated reason.
/// </summary>
[Trait("Category", "Meta")]
public sealed class SurfaceExactnessTests
{
    private const MethodAttributes Visibility = MethodAttributes.MemberAccessMask;

    [Fact]
    public void Every_public_surface_member_is_called_by_a_board_app()
    {
        (HashSet<string> usedMembers, HashSet<string> usedTypes) = UsedByGates();
        using var surface = new Meta(Paths.SurfaceAssembly());
        MetadataReader md = surface.Reader;
        HashSet<string> requiredTypes = RequiredTypes(surface, usedTypes);
        var unused = new List<string>();

        foreach (TypeDefinitionHandle th in surface.Types())
        {
            TypeDefinition type = md.GetTypeDefinition(th);
            string typeName = surface.Name(th);
            if (IsCompilerEmbedded(surface, type))
            {
                continue;
            }

            if (!requiredTypes.Contains(typeName))
            {
                unused.Add("type " + typeName);
                continue;
            }

            // A delegate's methods are supplied by the runtime; an enum's values are constants the
            // compiler copies into the caller, so no reference to them survives.
            if (surface.IsDelegateDefinition(th) || surface.BaseTypeOf(th) == "System.Enum")
            {
                continue;
            }

            HashSet<string> interfaceMethods = InterfaceMethodNames(surface, type);
            Dictionary<MethodDefinitionHandle, MethodDefinitionHandle[]> eventSiblings = EventAccessors(md, type);
            foreach (MethodDefinitionHandle mh in type.GetMethods())
            {
                MethodDefinition method = md.GetMethodDefinition(mh);
                string name = md.GetString(method.Name);
                if ((method.Attributes & Visibility) != MethodAttributes.Public)
                {
                    continue; // Protected and internal constructors exist so the declarations compile.
                }

                if ((method.Attributes & MethodAttributes.Virtual) != 0 && (method.Attributes & MethodAttributes.NewSlot) == 0)
                {
                    continue; // An override: C# calls the base declaration, which is checked where it is declared.
                }

                if (interfaceMethods.Contains(name))
                {
                    continue; // Implements an interface the real type declares (IDisposable.Dispose).
                }

                string key = surface.MemberKey(mh);
                bool used = usedMembers.Contains(key)
                    || (eventSiblings.TryGetValue(mh, out MethodDefinitionHandle[]? siblings) && siblings.Any(s => usedMembers.Contains(surface.MemberKey(s))));
                if (!used)
                {
                    unused.Add(key);
                }
            }

            foreach (FieldDefinitionHandle fh in type.GetFields())
            {
                FieldDefinition field = md.GetFieldDefinition(fh);
                bool isPublic = (field.Attributes & FieldAttributes.FieldAccessMask) == FieldAttributes.Public;
                bool isConstant = (field.Attributes & FieldAttributes.Literal) != 0;
                if (isPublic && !isConstant && !usedMembers.Contains(surface.MemberKey(fh)))
                {
                    unused.Add(surface.MemberKey(fh));
                }
            }
        }

        Assert.True(unused.Count == 0, "surface members no board app calls (remove them, or call them):\n" + string.Join("\n", unused.OrderBy(u => u, StringComparer.Ordinal)));
    }

    [Fact]
    public void The_exactness_check_sees_the_gates_calls()
    {
        // Guards the check above against passing vacuously (for example if the signature keys stopped matching).
        (HashSet<string> usedMembers, HashSet<string> usedTypes) = UsedByGates();
        Assert.Contains("System.Device.Gpio.GpioController::OpenPin(System.Int32,System.Device.Gpio.PinMode)", usedMembers);
        Assert.Contains("System.Device.Spi.SpiDevice::TransferFullDuplex(System.SpanByte,System.SpanByte)", usedMembers);
        Assert.Contains("nanoFramework.Hardware.Esp32.HighResTimer::GetCurrent()", usedMembers);
        Assert.Contains("nanoFramework.M2Mqtt.MqttClient::Connect(System.String,System.String,System.String,System.Boolean,nanoFramework.M2Mqtt.Messages.MqttQoSLevel,System.Boolean,System.String,System.String,System.Boolean,System.UInt16)", usedMembers);
        Assert.Contains("System.Environment::get_TickCount64()", usedMembers);
        Assert.Contains("System.Device.Gpio.PinMode", usedTypes);
    }

    /// <summary>Member keys and type names every gate references in the surface assembly.</summary>
    internal static (HashSet<string> Members, HashSet<string> Types) UsedByGates()
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (string app in Paths.Apps)
        {
            using var gate = new Meta(Paths.GateAssembly(app));
            MetadataReader md = gate.Reader;
            foreach (TypeReferenceHandle h in md.TypeReferences)
            {
                if (gate.AssemblyOf(h) == "Jidoka.DeviceApiSurface")
                {
                    types.Add(gate.Name(h));
                }
            }

            foreach (MemberReferenceHandle h in md.MemberReferences)
            {
                MemberReference mr = md.GetMemberReference(h);
                if (mr.Parent.Kind == HandleKind.TypeReference && gate.AssemblyOf((TypeReferenceHandle)mr.Parent) == "Jidoka.DeviceApiSurface")
                {
                    members.Add(gate.MemberKey(h));
                }
            }
        }

        return (members, types);
    }

    /// <summary>Types the gates use, plus every base type, interface and declaring type those need.</summary>
    private static HashSet<string> RequiredTypes(Meta surface, HashSet<string> usedTypes)
    {
        var required = new HashSet<string>(usedTypes, StringComparer.Ordinal);
        bool grew = true;
        while (grew)
        {
            grew = false;
            foreach (TypeDefinitionHandle th in surface.Types())
            {
                string name = surface.Name(th);
                if (!required.Contains(name))
                {
                    continue;
                }

                TypeDefinition t = surface.Reader.GetTypeDefinition(th);
                var needs = new List<string> { surface.BaseTypeOf(th) };
                needs.AddRange(t.GetInterfaceImplementations().Select(i => surface.TypeName(surface.Reader.GetInterfaceImplementation(i).Interface)));
                if (!t.GetDeclaringType().IsNil)
                {
                    needs.Add(surface.Name(t.GetDeclaringType()));
                }

                foreach (string need in needs.Where(n => n.Length > 0))
                {
                    grew |= required.Add(need);
                }
            }
        }

        return required;
    }

    private static HashSet<string> InterfaceMethodNames(Meta surface, TypeDefinition type)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (InterfaceImplementationHandle ih in type.GetInterfaceImplementations())
        {
            EntityHandle iface = surface.Reader.GetInterfaceImplementation(ih).Interface;
            if (iface.Kind == HandleKind.TypeDefinition)
            {
                foreach (MethodDefinitionHandle m in surface.Reader.GetTypeDefinition((TypeDefinitionHandle)iface).GetMethods())
                {
                    names.Add(surface.Reader.GetString(surface.Reader.GetMethodDefinition(m).Name));
                }
            }
            else if (surface.TypeName(iface) == "System.IDisposable")
            {
                names.Add("Dispose");
            }
        }

        return names;
    }

    /// <summary>For each event accessor, the other accessors of its event: C# cannot declare one without the other.</summary>
    private static Dictionary<MethodDefinitionHandle, MethodDefinitionHandle[]> EventAccessors(MetadataReader md, TypeDefinition type)
    {
        var map = new Dictionary<MethodDefinitionHandle, MethodDefinitionHandle[]>();
        foreach (EventDefinitionHandle eh in type.GetEvents())
        {
            EventAccessors accessors = md.GetEventDefinition(eh).GetAccessors();
            MethodDefinitionHandle[] all = new[] { accessors.Adder, accessors.Remover, accessors.Raiser }.Where(h => !h.IsNil).ToArray();
            foreach (MethodDefinitionHandle h in all)
            {
                map[h] = all.Where(o => o != h).ToArray();
            }
        }

        return map;
    }

    private static bool IsCompilerEmbedded(Meta surface, TypeDefinition type) =>
        surface.Reader.GetString(type.Namespace) is "Microsoft.CodeAnalysis" or "System.Runtime.CompilerServices";
}
