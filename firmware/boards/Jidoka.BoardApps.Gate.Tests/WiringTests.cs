using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using Jidoka.Boards.Logic.Pins;
using Xunit;

namespace Jidoka.BoardApps.Gate.Tests;

/// <summary>Properties of the apps' wiring that their IL shows: boot order and what the network code can reach.</summary>
[Trait("Category", "Meta")]
public sealed class WiringTests
{
    public static TheoryData<string> Apps() => new(Paths.Apps);

    [Theory]
    [MemberData(nameof(Apps))]
    public void Main_drives_the_stop_output_off_before_anything_else(string app)
    {
        // Before the stop output's GpioOutput is constructed (which writes the de-energized level), Main
        // may only build the compiled-in profile, create the GPIO controller, read the profile's stop
        // output, or give up with the output untouched.
        string[] allowedFirst =
        [
            $"Jidoka.Boards.{app}.BoardFile::Create()",
            "System.Device.Gpio.GpioController::.ctor()",
            "Jidoka.Boards.Logic.Profile.BoardProfile::get_StopOutput()",
            "Jidoka.Boards.Adapters.Startup.BootFailure::Hold(System.String)",
        ];
        using var gate = new Meta(Paths.GateAssembly(app));
        MethodDefinitionHandle main = gate.Methods($"Jidoka.Boards.{app}.Program", "Main").Single();
        List<string> calls = gate.Instructions(main)
            .Where(i => i.OpCode == OpCodes.Call || i.OpCode == OpCodes.Callvirt || i.OpCode == OpCodes.Newobj)
            .Select(i => gate.MemberKey(MetadataTokens.EntityHandle(i.Token)))
            .ToList();
        int open = calls.IndexOf("Jidoka.Boards.Adapters.Gpio.GpioOutput::.ctor(System.Device.Gpio.GpioController,Jidoka.Boards.Logic.Profile.OutputPinProfile)");
        Assert.True(open >= 0, "Main does not open the stop output:\n" + string.Join("\n", calls));
        Assert.All(calls.Take(open), c => Assert.Contains(c, allowedFirst));
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void GpioOutput_writes_the_de_energized_level_when_it_opens_the_pin(string app)
    {
        using var gate = new Meta(Paths.GateAssembly(app));
        MethodDefinitionHandle ctor = gate.Methods("Jidoka.Boards.Adapters.Gpio.GpioOutput", ".ctor").Single();
        List<Instruction> code = gate.Instructions(ctor).ToList();
        int openPin = code.FindIndex(i => i.OpCode == OpCodes.Callvirt && gate.MemberKey(MetadataTokens.EntityHandle(i.Token)).StartsWith("System.Device.Gpio.GpioController::OpenPin", StringComparison.Ordinal));
        int write = code.FindIndex(i => i.OpCode == OpCodes.Call && gate.MemberKey(MetadataTokens.EntityHandle(i.Token)) == "Jidoka.Boards.Adapters.Gpio.GpioOutput::Write(System.Boolean)");
        Assert.True(openPin >= 0 && write > openPin, "the constructor must open the pin and then call Write");
        Assert.Equal(OpCodes.Ldc_I4_0, code[write - 1].OpCode);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Network_code_holds_no_output_and_calls_no_output(string app)
    {
        // Reconnection must never touch an output: the MQTT link, the connector and the network helpers
        // neither store nor call anything that can drive a pin or the core's state machine.
        string[] forbidden =
        [
            "System.Device.Gpio.", "Jidoka.Node.Hardware.IDigitalOutput", "Jidoka.Boards.Adapters.Gpio.",
            "Jidoka.Node.NodeCore", "Jidoka.Node.Engine.",
        ];
        using var gate = new Meta(Paths.GateAssembly(app));
        MetadataReader md = gate.Reader;
        string readiness = app == "Esp32DevKitC" ? "Jidoka.Boards.Esp32DevKitC.WifiReadiness" : "Jidoka.Boards.Stm32.EthernetReadiness";
        var networkTypes = gate.Types()
            .Where(h => gate.Name(h).StartsWith("Jidoka.Boards.Adapters.Network.", StringComparison.Ordinal) || gate.Name(h) == readiness)
            .ToList();
        Assert.True(networkTypes.Count >= 4, "network types not found");
        var problems = new List<string>();
        foreach (TypeDefinitionHandle th in networkTypes)
        {
            TypeDefinition type = md.GetTypeDefinition(th);
            foreach (FieldDefinitionHandle fh in type.GetFields())
            {
                string fieldType = md.GetFieldDefinition(fh).DecodeSignature(new FieldTypeNames(gate), null);
                if (forbidden.Any(f => fieldType.StartsWith(f, StringComparison.Ordinal)))
                {
                    problems.Add($"{gate.MemberKey(fh)} holds a {fieldType}");
                }
            }

            foreach (MethodDefinitionHandle mh in type.GetMethods())
            {
                foreach (Instruction ins in gate.Instructions(mh).Where(i => i.Token != 0 && i.OpCode.OperandType is OperandType.InlineMethod or OperandType.InlineField))
                {
                    string target = gate.DeclaringTypeOf(MetadataTokens.EntityHandle(ins.Token));
                    if (forbidden.Any(f => target.StartsWith(f, StringComparison.Ordinal)))
                    {
                        problems.Add($"{gate.MemberKey(mh)} uses {gate.MemberKey(MetadataTokens.EntityHandle(ins.Token))}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_ESP32_pin_function_formula_matches_the_mirrored_DeviceFunction_values()
    {
        using var surface = new Meta(Paths.SurfaceAssembly());
        MetadataReader md = surface.Reader;
        TypeDefinition function = md.GetTypeDefinition(surface.Type("nanoFramework.Hardware.Esp32.DeviceFunction"));
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (FieldDefinitionHandle fh in function.GetFields())
        {
            FieldDefinition f = md.GetFieldDefinition(fh);
            if (!f.GetDefaultValue().IsNil)
            {
                values[md.GetString(f.Name)] = md.GetBlobReader(md.GetConstant(f.GetDefaultValue()).Value).ReadInt32();
            }
        }

        Assert.Equal(values["SPI1_MOSI"], Esp32PinFunctions.SpiMosi(1));
        Assert.Equal(values["SPI1_MISO"], Esp32PinFunctions.SpiMiso(1));
        Assert.Equal(values["SPI1_CLOCK"], Esp32PinFunctions.SpiClock(1));
        Assert.Equal(values["COM2_TX"], Esp32PinFunctions.SerialTx(2));
        Assert.Equal(values["COM2_RX"], Esp32PinFunctions.SerialRx(2));
    }

    /// <summary>Field signature → type name, for the field check above.</summary>
    private sealed class FieldTypeNames(Meta meta) : ISignatureTypeProvider<string, object?>
    {
        public string GetArrayType(string elementType, ArrayShape shape) => elementType;

        public string GetByReferenceType(string elementType) => elementType;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

        public string GetGenericInstantiation(string genericType, System.Collections.Immutable.ImmutableArray<string> typeArguments) => genericType;

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!";

        public string GetGenericTypeParameter(object? genericContext, int index) => "!";

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetPinnedType(string elementType) => elementType;

        public string GetPointerType(string elementType) => elementType;

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;

        public string GetSZArrayType(string elementType) => elementType;

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => meta.Name(handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => meta.Name(handle);

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => "spec";
    }
}
