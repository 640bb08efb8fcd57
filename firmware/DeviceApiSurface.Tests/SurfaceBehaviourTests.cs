using System.Collections.Generic;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Xunit;

namespace Jidoka.DeviceApiSurface.Tests;

/// <summary>
/// The surface declares signatures and nothing more. Every method body must do nothing but throw
/// NotImplementedException (constructors may first call their base constructor), so no adapter test can
/// ever pass because a stub returned a plausible value, and nobody can mistake the surface for a driver.
/// </summary>
[Trait("Category", "Meta")]
public sealed class SurfaceBehaviourTests
{
    private const byte Nop = 0x00;
    private const byte LdArg0 = 0x02;
    private const byte Call = 0x28;
    private const byte NewObj = 0x73;
    private const byte Throw = 0x7A;

    [Fact]
    public void Every_method_body_only_throws_NotImplementedException()
    {
        using PEReader pe = SurfaceFiles.OpenAssembly();
        MetadataReader md = pe.GetMetadataReader();
        var offenders = new List<string>();
        int checkedBodies = 0;

        foreach (TypeDefinitionHandle th in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(th);
            if (IsCompilerEmbedded(md, type))
            {
                // Attributes the compiler emits for nullable and readonly metadata are not part of the mirror.
                continue;
            }

            foreach (MethodDefinitionHandle mh in type.GetMethods())
            {
                MethodDefinition method = md.GetMethodDefinition(mh);
                if (method.RelativeVirtualAddress == 0)
                {
                    // Abstract, interface and delegate methods have no body to judge.
                    continue;
                }

                checkedBodies++;
                byte[] il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!;
                string name = $"{md.GetString(type.Namespace)}.{md.GetString(type.Name)}::{md.GetString(method.Name)}";
                string? problem = Judge(md, il, md.GetString(method.Name) == ".ctor");
                if (problem != null)
                {
                    offenders.Add($"{name}: {problem}");
                }
            }
        }

        Assert.True(checkedBodies > 50, $"only {checkedBodies} method bodies found; is this the surface assembly?");
        Assert.True(offenders.Count == 0, "methods with behaviour:\n" + string.Join("\n", offenders));
    }

    private static string? Judge(MetadataReader md, byte[] il, bool isConstructor)
    {
        int i = 0;
        bool sawBaseCall = false;
        while (i < il.Length)
        {
            byte op = il[i];
            if (op == Nop)
            {
                i++;
            }
            else if (isConstructor && !sawBaseCall && op == LdArg0 && i + 5 < il.Length && il[i + 1] == Call)
            {
                string callee = MemberName(md, ReadToken(il, i + 2));
                if (!callee.EndsWith("::.ctor", System.StringComparison.Ordinal))
                {
                    return $"calls {callee}";
                }

                sawBaseCall = true;
                i += 6;
            }
            else if (op == NewObj && i + 5 < il.Length && il[i + 5] == Throw)
            {
                string created = MemberName(md, ReadToken(il, i + 1));
                if (created != "System.NotImplementedException::.ctor")
                {
                    return $"throws {created}";
                }

                return i + 6 == il.Length ? null : "code after the throw";
            }
            else
            {
                return $"opcode 0x{op:X2} at IL offset {i}";
            }
        }

        return "does not throw";
    }

    private static bool IsCompilerEmbedded(MetadataReader md, TypeDefinition type)
    {
        if (md.GetString(type.Namespace) == "Microsoft.CodeAnalysis" && md.GetString(type.Name) == "EmbeddedAttribute")
        {
            return true;
        }

        foreach (CustomAttributeHandle ah in type.GetCustomAttributes())
        {
            CustomAttribute attribute = md.GetCustomAttribute(ah);
            if (MemberName(md, MetadataTokens.GetToken(attribute.Constructor)) == "Microsoft.CodeAnalysis.EmbeddedAttribute::.ctor")
            {
                return true;
            }
        }

        return false;
    }

    private static int ReadToken(byte[] il, int offset) =>
        il[offset] | (il[offset + 1] << 8) | (il[offset + 2] << 16) | (il[offset + 3] << 24);

    private static string MemberName(MetadataReader md, int token)
    {
        EntityHandle handle = MetadataTokens.EntityHandle(token);
        switch (handle.Kind)
        {
            case HandleKind.MemberReference:
                MemberReference mr = md.GetMemberReference((MemberReferenceHandle)handle);
                return $"{TypeName(md, mr.Parent)}::{md.GetString(mr.Name)}";
            case HandleKind.MethodDefinition:
                MethodDefinition def = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                return $"{TypeName(md, def.GetDeclaringType())}::{md.GetString(def.Name)}";
            default:
                return handle.Kind.ToString();
        }
    }

    private static string TypeName(MetadataReader md, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                TypeReference tr = md.GetTypeReference((TypeReferenceHandle)handle);
                return $"{md.GetString(tr.Namespace)}.{md.GetString(tr.Name)}";
            case HandleKind.TypeDefinition:
                TypeDefinition td = md.GetTypeDefinition((TypeDefinitionHandle)handle);
                return $"{md.GetString(td.Namespace)}.{md.GetString(td.Name)}";
            default:
                return handle.Kind.ToString();
        }
    }
}
