using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Jidoka.BoardApps.Gate.Tests;

/// <summary>
/// An assembly's metadata, read without loading it (the gates and the surface target nanoFramework's
/// mscorlib and cannot be loaded here). Names are namespace-qualified, nested types joined with '+', and
/// members are keyed "Type::Name(parameter types)" so a gate's member references and the surface's member
/// definitions compare as strings.
/// </summary>
internal sealed class Meta : IDisposable
{
    private readonly PEReader _pe;

    public Meta(string path)
    {
        Path = path;
        _pe = new PEReader(File.OpenRead(path));
        Reader = _pe.GetMetadataReader();
    }

    public string Path { get; }

    public MetadataReader Reader { get; }

    public void Dispose() => _pe.Dispose();

    public string Name(TypeDefinitionHandle handle)
    {
        TypeDefinition t = Reader.GetTypeDefinition(handle);
        TypeDefinitionHandle outer = t.GetDeclaringType();
        return outer.IsNil
            ? Join(Reader.GetString(t.Namespace), Reader.GetString(t.Name))
            : Name(outer) + "+" + Reader.GetString(t.Name);
    }

    public string Name(TypeReferenceHandle handle)
    {
        TypeReference t = Reader.GetTypeReference(handle);
        return t.ResolutionScope.Kind == HandleKind.TypeReference
            ? Name((TypeReferenceHandle)t.ResolutionScope) + "+" + Reader.GetString(t.Name)
            : Join(Reader.GetString(t.Namespace), Reader.GetString(t.Name));
    }

    public string TypeName(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => Name((TypeDefinitionHandle)handle),
        HandleKind.TypeReference => Name((TypeReferenceHandle)handle),
        HandleKind.TypeSpecification => Reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(new Signatures(this), null),
        _ => handle.Kind.ToString(),
    };

    /// <summary>The assembly a type reference resolves to (through any nesting).</summary>
    public string AssemblyOf(TypeReferenceHandle handle)
    {
        TypeReference t = Reader.GetTypeReference(handle);
        return t.ResolutionScope.Kind switch
        {
            HandleKind.TypeReference => AssemblyOf((TypeReferenceHandle)t.ResolutionScope),
            HandleKind.AssemblyReference => Reader.GetString(Reader.GetAssemblyReference((AssemblyReferenceHandle)t.ResolutionScope).Name),
            _ => "(this module)",
        };
    }

    /// <summary>"Type::Name(params)" of a member reference, method or field definition.</summary>
    public string MemberKey(EntityHandle handle)
    {
        var sig = new Signatures(this);
        switch (handle.Kind)
        {
            case HandleKind.MemberReference:
                MemberReference mr = Reader.GetMemberReference((MemberReferenceHandle)handle);
                string parent = TypeName(mr.Parent);
                string name = Reader.GetString(mr.Name);
                if (mr.GetKind() != MemberReferenceKind.Method)
                {
                    return $"{parent}::{name}";
                }

                MethodSignature<string> refSig = mr.DecodeMethodSignature(sig, null);
                return $"{parent}::{name}({string.Join(",", refSig.ParameterTypes)}){Returns(name, refSig)}";
            case HandleKind.MethodDefinition:
                MethodDefinition md = Reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                MethodSignature<string> defSig = md.DecodeSignature(sig, null);
                string defName = Reader.GetString(md.Name);
                return $"{Name(md.GetDeclaringType())}::{defName}({string.Join(",", defSig.ParameterTypes)}){Returns(defName, defSig)}";
            case HandleKind.FieldDefinition:
                FieldDefinition fd = Reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                return $"{Name(fd.GetDeclaringType())}::{Reader.GetString(fd.Name)}";
            case HandleKind.MethodSpecification:
                return MemberKey(Reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            default:
                return handle.Kind.ToString();
        }
    }

    /// <summary>Conversion operators overload on their return type alone, so their key carries it.</summary>
    private static string Returns(string name, MethodSignature<string> signature) =>
        name is "op_Implicit" or "op_Explicit" ? ":" + signature.ReturnType : "";

    /// <summary>The type that declares the member a token names.</summary>
    public string DeclaringTypeOf(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.MemberReference => TypeName(Reader.GetMemberReference((MemberReferenceHandle)handle).Parent),
        HandleKind.MethodDefinition => Name(Reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()),
        HandleKind.FieldDefinition => Name(Reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()),
        _ => "",
    };

    public IEnumerable<TypeDefinitionHandle> Types() => Reader.TypeDefinitions.Where(h => Name(h) != "<Module>");

    public TypeDefinitionHandle Type(string fullName) => Types().Single(h => Name(h) == fullName);

    public IEnumerable<MethodDefinitionHandle> Methods(string typeFullName, string methodName) =>
        Reader.GetTypeDefinition(Type(typeFullName)).GetMethods().Where(m => Reader.GetString(Reader.GetMethodDefinition(m).Name) == methodName);

    public byte[] Body(MethodDefinitionHandle method)
    {
        int rva = Reader.GetMethodDefinition(method).RelativeVirtualAddress;
        return rva == 0 ? [] : _pe.GetMethodBody(rva).GetILBytes() ?? [];
    }

    public IEnumerable<Instruction> Instructions(MethodDefinitionHandle method) => Il.Decode(Body(method));

    /// <summary>Base type's full name, or "" for none.</summary>
    public string BaseTypeOf(TypeDefinitionHandle handle)
    {
        EntityHandle b = Reader.GetTypeDefinition(handle).BaseType;
        return b.IsNil ? "" : TypeName(b);
    }

    public bool IsValueTypeDefinition(TypeDefinitionHandle handle) => BaseTypeOf(handle) is "System.ValueType" or "System.Enum";

    public bool IsDelegateDefinition(TypeDefinitionHandle handle) => BaseTypeOf(handle) is "System.MulticastDelegate" or "System.Delegate";

    private static string Join(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

    /// <summary>Signature types as names; enough for the non-generic APIs compared here.</summary>
    private sealed class Signatures(Meta meta) : ISignatureTypeProvider<string, object?>
    {
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetPinnedType(string elementType) => elementType;

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => meta.Name(handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => meta.Name(handle);

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
